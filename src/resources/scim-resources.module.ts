import { DynamicModule, Global, Module, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventsModule } from '../events/events.module';
import { EventsService } from '../events/events.service';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { ScimResourceRepository } from './scim-resource.repository';
import { repositoryReferences, ScimResourceService } from './scim-resource.service';
import { NO_HOOKS, ResourceHooks } from './resource-hooks';
import { registerEventTypes } from '../events/event-types';
import { registerResourceType, ResourceDefinition } from '../scim/resource/resource-definition';
import { ReferrerVersions } from './referrer-versions';
import { scimResourceController } from './scim-resource.controller';
import { readsRetried, resourceHandlerToken } from './scim-resource-handler';
import { ScimResources } from './scim-resources';

/**
 * The generic side of every resource type: the dispatch by endpoint (ScimResources) and the version
 * bumps of referrers. Each type joins it with one line, `ScimResourceModule.forResource(definition)`,
 * and a type with rules of its own names its hooks there too.
 */
@Global()
@Module({
  providers: [ScimResources, ReferrerVersions],
  exports: [ScimResources, ReferrerVersions],
})
export class ScimResourcesModule {}

/** What a resource type with rules of its own gives the generic module beside its definition. */
export interface ResourceModuleOptions {
  /** The provider of its hooks (ResourceHooks), made in the returned module. */
  hooks?: Type<ResourceHooks>;
  /** The modules the hooks' dependencies come from. */
  imports?: ModuleMetadata['imports'];
  /** More providers the hooks need (their storage), and which of them the type's module exports. */
  providers?: Provider[];
  exports?: ModuleMetadata['exports'];
}

const HOOKS = 'ScimResourceHooks';

/** The resource types: each one a definition, served by the generic service and repository. */
@Module({})
export class ScimResourceModule {
  /**
   * A resource type served by the generic controller, service and repository, from its definition
   * and, for what is its own, its hooks: import the returned module where the app's modules are
   * listed (or in the type's own module).
   */
  static forResource(definition: ResourceDefinition, options: ResourceModuleOptions = {}): DynamicModule {
    registerResourceType(definition);
    const prefix = definition.eventPrefix;
    registerEventTypes([`${prefix}.created`, `${prefix}.updated`, `${prefix}.deleted`]);
    const hooksToken = `${HOOKS}:${definition.name}`;
    const hooks: Provider = options.hooks
      ? { provide: hooksToken, useExisting: options.hooks }
      : { provide: hooksToken, useValue: NO_HOOKS };
    return {
      module: ScimResourceModule,
      imports: [...(options.imports ?? []), EventsModule],
      controllers: [scimResourceController(definition)],
      providers: [
        ...(options.hooks ? [options.hooks] : []),
        ...(options.providers ?? []),
        hooks,
        {
          provide: resourceHandlerToken(definition.name),
          inject: [
            getDataSourceToken(),
            hooksToken,
            EventsService,
            ReferrerVersions,
            SchemaRegistry,
            APP_CONFIG,
          ],
          useFactory: (
            dataSource: DataSource,
            resourceHooks: ResourceHooks,
            events: EventsService,
            referrers: ReferrerVersions,
            registry: SchemaRegistry,
            config: AppConfig,
          ) =>
            readsRetried(
              new ScimResourceService(
                definition,
                new ScimResourceRepository(
                  dataSource,
                  definition,
                  repositoryReferences(definition, resourceHooks),
                ),
                resourceHooks,
                events,
                referrers,
                registry,
                config.publicUrl,
              ),
            ),
        },
      ],
      exports: options.exports ?? [],
    };
  }
}
