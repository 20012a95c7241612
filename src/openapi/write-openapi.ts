import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../app.module';
import { createSchemaRegistry } from '../scim/scim-core.module';
import { buildOpenApiDocument } from './openapi';

/** `npm run openapi`: writes the OpenAPI document the code generates to openapi.json. */
async function main(): Promise<void> {
  process.env.LOG_LEVEL = 'silent';
  process.env.RUN_MIGRATIONS = 'false';
  delete process.env.SCIM_EXTENSIONS_FILE;
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: false,
    preview: true,
    abortOnError: false,
  });
  const document = buildOpenApiDocument(app, createSchemaRegistry(null));
  writeFileSync(join(__dirname, '..', '..', 'openapi.json'), JSON.stringify(document, null, 2) + '\n');
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
