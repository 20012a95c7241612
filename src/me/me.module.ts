import { Module } from '@nestjs/common';
import { MeController } from './me.controller';

/** The `/Me` alias of RFC 7644 §3.11, answered as not implemented. */
@Module({ controllers: [MeController] })
export class MeModule {}
