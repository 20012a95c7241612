import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RouteTable } from './http/route-table';
import { registeredResourceTypes } from './resource/resource-definition';
import { SchemaRegistry } from './schema/schema-registry';

/** The registry of this process: the registered resource types, and the operator's extensions file. */
export function createSchemaRegistry(extensionsFile: string | null): SchemaRegistry {
  return new SchemaRegistry(registeredResourceTypes(), extensionsFile);
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
