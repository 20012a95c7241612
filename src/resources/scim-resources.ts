import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ScimError } from '../scim/errors/scim-error';
import { ScimStreamBody } from '../scim/http/scim-json-stream';
import { ListQuery, Projection } from '../scim/query/list-query';
import { ResourceDefinition } from '../scim/resource/resource-definition';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { resourceHandlerToken, ScimResourceHandler, ScimResult } from './scim-resource-handler';

const EVERYTHING: Projection = { attributes: [], excludedAttributes: [] };

/**
 * Every registered resource type, by endpoint: what another module (Bulk, the root search) uses to act
 * on a resource of a type it does not know. Each call goes through the type's own handler, so it runs
 * in the same transaction, with the same events and seats, as the type's own routes.
 */
@Injectable()
export class ScimResources {
  private readonly handlers = new Map<string, ScimResourceHandler>();

  constructor(
    private readonly registry: SchemaRegistry,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The registered types, in registration order (the root search's order). */
  types(): ResourceDefinition[] {
    return this.registry.allDefinitions();
  }

  /** The type served at `endpoint` (`/Users`, any case); 404 for an endpoint no type has. */
  typeAt(endpoint: string): ResourceDefinition {
    const wanted = (endpoint.startsWith('/') ? endpoint : `/${endpoint}`).toLowerCase();
    const found = this.types().find((d) => d.endpoint.toLowerCase() === wanted);
    if (!found) throw ScimError.notFound(`No resource type at ${endpoint}`);
    return found;
  }

  /** The handler of a registered type, by name. */
  handler(resourceType: string): ScimResourceHandler {
    let handler = this.handlers.get(resourceType);
    if (!handler) {
      handler = this.moduleRef.get<ScimResourceHandler>(resourceHandlerToken(resourceType), {
        strict: false,
      });
      this.handlers.set(resourceType, handler);
    }
    return handler;
  }

  create(tenantId: string, endpoint: string, body: unknown, projection = EVERYTHING): Promise<ScimResult> {
    return this.at(endpoint).create(tenantId, body, projection);
  }

  get(tenantId: string, endpoint: string, id: string, projection = EVERYTHING): Promise<ScimResult> {
    return this.at(endpoint).get(tenantId, id, projection);
  }

  list(tenantId: string, endpoint: string, query: ListQuery): Promise<ScimStreamBody> {
    return this.at(endpoint).list(tenantId, query);
  }

  replace(
    tenantId: string,
    endpoint: string,
    id: string,
    body: unknown,
    ifMatch?: string,
    projection = EVERYTHING,
  ): Promise<ScimResult> {
    return this.at(endpoint).replace(tenantId, id, body, ifMatch, projection);
  }

  /** `projection` null: no body is wanted back (the answer's `body` may then be null). */
  patch(
    tenantId: string,
    endpoint: string,
    id: string,
    body: unknown,
    ifMatch?: string,
    projection: Projection | null = EVERYTHING,
  ): Promise<ScimResult> {
    return this.at(endpoint).patch(tenantId, id, body, ifMatch, projection);
  }

  remove(tenantId: string, endpoint: string, id: string, ifMatch?: string): Promise<void> {
    return this.at(endpoint).remove(tenantId, id, ifMatch);
  }

  private at(endpoint: string): ScimResourceHandler {
    return this.handler(this.typeAt(endpoint).name);
  }
}
