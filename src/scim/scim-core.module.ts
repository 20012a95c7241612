import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RouteTable } from './http/route-table';
import { BUILT_IN_EXTENSIONS } from './schema/rollcall-schemas';
import { SchemaRegistry } from './schema/schema-registry';

/** The registry of this build: the RFC schemas, built-in extensions, and the operator's file. */
export function createSchemaRegistry(extensionsFile: string | null): SchemaRegistry {
  return new SchemaRegistry(BUILT_IN_EXTENSIONS, extensionsFile);
}

/** Provides the SCIM core's shared pieces to every module: the schema registry and the route table. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    RouteTable,
    {
      provide: SchemaRegistry,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createSchemaRegistry(config.scimExtensionsFile),
    },
  ],
  exports: [RouteTable, SchemaRegistry],
})
export class ScimCoreModule {}
