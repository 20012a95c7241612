import { Global, Module, Provider, Type } from '@nestjs/common';
import { registerEventTypes } from '../events/event-types';
import { registerResourceType, ResourceDefinition } from '../scim/resource/resource-definition';
import { ReferrerVersions } from './referrer-versions';
import { scimResourceController } from './scim-resource.controller';
import { resourceHandlerToken } from './scim-resource-handler';
import { ScimResources } from './scim-resources';

/**
 * The generic side of every resource type: the dispatch by endpoint (ScimResources) and the version
 * bumps of referrers. A type joins it through `scimResource(definition, handler)` in its module.
 */
@Global()
@Module({
  providers: [ScimResources, ReferrerVersions],
  exports: [ScimResources, ReferrerVersions],
})
export class ScimResourcesModule {}

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
