/**
 * The frameworks' own ceilings for `--only stack` (bench/server.ts starts this file): a hello from
 * express 5 alone, or from Nest 11 on @nestjs/platform-express with one controller and nothing else,
 * each with its framework's defaults and the same answer as the bare `node:http` hello (200,
 * `hello`). Env: HELLO_FRAMEWORK (`express` or `nest`), PORT. Prints `listening` once it listens.
 */
import 'reflect-metadata';
import { Controller, Get, Header, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import express from 'express';

const port = Number(process.env.PORT);
const listening = () => process.stdout.write('listening\n');

@Controller()
class HelloController {
  @Get()
  @Header('Content-Type', 'text/plain')
  hello(): string {
    return 'hello';
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

async function main(): Promise<void> {
  switch (process.env.HELLO_FRAMEWORK) {
    case 'express': {
      const app = express();
      app.get('/', (_req, res) => {
        res.type('text/plain').send('hello');
      });
      app.listen(port, '127.0.0.1', listening);
      return;
    }
    case 'nest': {
      const app = await NestFactory.create(HelloModule, { logger: false });
      await app.listen(port, '127.0.0.1');
      listening();
      return;
    }
    default:
      throw new Error(`HELLO_FRAMEWORK must be express or nest, not ${process.env.HELLO_FRAMEWORK}`);
  }
}

void main();
