import { retriedRead } from '../database/read-retry.interceptor';
import { ScimStreamBody } from '../scim/http/scim-json-stream';
import { ListQuery, Projection } from '../scim/query/list-query';

/**
 * A resource as a route answers it: the body (null when a PATCH answers 204), the version for the
 * ETag header and the location for a create's Location header.
 */
export interface ScimResult {
  body: ScimStreamBody | null;
  version: number;
  location: string;
}

/**
 * What a resource type does, behind the generic routes: each method runs one transaction with its
 * events (and seats), scoped by the tenant id it is given. ScimResourceService implements it for every
 * type, from its definition and its hooks (a User's seat, a Group's membership rows).
 */
export interface ScimResourceHandler {
  create(tenantId: string, body: unknown, projection: Projection): Promise<ScimResult>;
  get(tenantId: string, id: string, projection: Projection): Promise<ScimResult>;
  list(tenantId: string, query: ListQuery): Promise<ScimStreamBody>;
  replace(
    tenantId: string,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    projection: Projection,
  ): Promise<ScimResult>;
  /** `projection` null: the caller wants no body back (a PATCH that answers 204). */
  patch(
    tenantId: string,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    projection: Projection | null,
  ): Promise<ScimResult>;
  remove(tenantId: string, id: string, ifMatch: string | undefined): Promise<void>;
}

/** The injection token of a resource type's handler. */
export function resourceHandlerToken(resourceType: string): string {
  return `ScimResourceHandler:${resourceType}`;
}

/**
 * `handler` with its reads (get, list) run once more after a lost connection, as ReadRetryInterceptor
 * does for other routes: here, so that the resource routes, the hottest, need no interceptor.
 */
export function readsRetried(handler: ScimResourceHandler): ScimResourceHandler {
  return {
    create: (...args) => handler.create(...args),
    get: (...args) => retriedRead(() => handler.get(...args)),
    list: (...args) => retriedRead(() => handler.list(...args)),
    replace: (...args) => handler.replace(...args),
    patch: (...args) => handler.patch(...args),
    remove: (...args) => handler.remove(...args),
  };
}
