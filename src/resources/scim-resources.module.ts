import { DynamicModule, Global, Module, Provider, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventsModule } from '../events/events.module';
import { EventsService } from '../events/events.service';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { ScimResourceRepository } from './scim-resource.repository';
import { ScimResourceService } from './scim-resource.service';
import { registerEventTypes } from '../events/event-types';
import { registerResourceType, ResourceDefinition } from '../scim/resource/resource-definition';
import { ReferrerVersions } from './referrer-versions';
import { scimResourceController } from './scim-resource.controller';
import { resourceHandlerToken } from './scim-resource-handler';
import { ScimResources } from './scim-resources';

/**
 * The generic side of every resource type: the dispatch by endpoint (ScimResources) and the version
 * bumps of referrers. A type with rules of its own joins it through `scimResource(definition, handler)`
 * in its module; a type without is one line: `ScimResourceModule.forResource(definition)`.
 */
@Global()
@Module({
  providers: [ScimResources, ReferrerVersions],
  exports: [ScimResources, ReferrerVersions],
})
export class ScimResourcesModule {}

/** One resource type without rules of its own, served by the generic service and repository. */
@Module({})
export class ScimResourceModule {
  /**
   * A resource type served entirely by the generic service and repository, from its definition:
   * import the returned module where the app's modules are listed.
   */
  static forResource(definition: ResourceDefinition): DynamicModule {
    const token = resourceHandlerToken(definition.name);
    const routes = scimResource(definition, ScimResourceService);
    return {
      module: ScimResourceModule,
      imports: [EventsModule],
      controllers: routes.controllers,
      providers: [
        {
          provide: token,
          inject: [getDataSourceToken(), EventsService, ReferrerVersions, SchemaRegistry, APP_CONFIG],
          useFactory: (
            dataSource: DataSource,
            events: EventsService,
            referrers: ReferrerVersions,
            registry: SchemaRegistry,
            config: AppConfig,
          ) =>
            new ScimResourceService(
              definition,
              new ScimResourceRepository(dataSource, definition),
              events,
              referrers,
              registry,
              config.publicUrl,
            ),
        },
      ],
    };
  }
}

/**
 * Registers a resource type and gives its module the generic routes, served by `handler` (a provider
 * of the same module): spread it into the module's `controllers` and `providers`.
 */
export function scimResource(
  definition: ResourceDefinition,
  handler: Type<unknown>,
): { controllers: Type<unknown>[]; providers: Provider[] } {
  registerResourceType(definition);
  const prefix = definition.eventPrefix;
  registerEventTypes([`${prefix}.created`, `${prefix}.updated`, `${prefix}.deleted`]);
  return {
    controllers: [scimResourceController(definition)],
    providers: [{ provide: resourceHandlerToken(definition.name), useExisting: handler }],
  };
}
