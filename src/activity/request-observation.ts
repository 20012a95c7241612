import { createHash, randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ActivityConfig } from '../config/app-config';
import { isUuid } from '../common/uuid';
import { MAX_PATCH_OPERATIONS } from '../scim/patch/patch-request';
import type { ActivityRecord, CarriedOperation, Observation, OperationSummary } from './activity-record';
import { recogniseClient } from './client-recognition';
import { failureCodeOf } from './failure-hints';
import { keptBody, keptText } from './kept-text';

const SCIM_BASE = /^\/scim\/v2\/([^/?#]+)/i;
const ROUTE_BASE = '/scim/v2/:tenantId';
/** A `userName eq "…"` or `displayName eq "…"` filter, as IdPs send before creating. */
const NAME_FILTER = /^\s*(?:userName|displayName)\s+eq\s+("(?:[^"\\]|\\.)*")\s*$/i;
const SHORT = 300;
const QUERY_MAX = 2000;

/** The tenant id a SCIM URL names, lower-cased, or null when it cannot name one (not a UUID). */
export function tenantIdOf(url: string): string | null {
  const id = SCIM_BASE.exec(url)?.[1];
  return isUuid(id) ? id.toLowerCase() : null;
}

/** What the request started with, taken before any other step can change the request. */
export interface RequestStart {
  tenantId: string;
  at: Date;
  startedMs: number;
}

/** The endpoint of each resource type (`users` → `User`), from the schema registry. */
export type ResourceTypeEndpoints = ReadonlyMap<string, string>;

function valueOf(object: unknown, name: string): unknown {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return undefined;
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (object as Record<string, unknown>)[key];
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The route template below the tenant's base (`/Users/:id`), null when no route matched. */
function routeOf(request: Request): string | null {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string' || !path.startsWith(ROUTE_BASE)) return null;
  return path.slice(ROUTE_BASE.length) || '/';
}

/** The path below the tenant's base, as sent. */
function pathBelowBase(request: Request): string[] {
  const path = request.originalUrl.split('?')[0].replace(SCIM_BASE, '');
  return path.split('/').slice(1);
}

/**
 * The resource type (from the path's first segment, so a generic `/:endpoint/:id` route works as well
 * as `/Users/:id`), and the id when the route's second segment is a parameter, or a create's new id.
 */
function resourceOf(
  request: Request,
  response: Response,
  route: string | null,
  endpoints: ResourceTypeEndpoints,
): { type: string | null; id: string | null; one: boolean } {
  const sent = pathBelowBase(request);
  const template = route ? route.split('/').slice(1) : [];
  const type = endpoints.get(decoded(sent[0] ?? '').toLowerCase()) ?? null;
  const one = type !== null && template.length === 2 && template[1].startsWith(':');
  let id = one && sent[1] !== undefined ? decoded(sent[1]) : null;
  // A create names its resource in Location (RFC 7644 §3.3).
  const location = response.getHeader('location');
  if (!id && typeof location === 'string' && response.statusCode === 201) {
    id = decoded(location.split('/').pop() ?? '') || null;
  }
  return { type, id: keptText(id, SHORT), one };
}

/** The userName or displayName a request names: in its body, a PATCH operation, or its filter. */
export function nameOf(body: unknown, queryFilter: unknown): string | null {
  const direct = valueOf(body, 'userName') ?? valueOf(body, 'displayName');
  if (typeof direct === 'string') return keptText(direct, SHORT);
  const operations = valueOf(body, 'Operations');
  if (Array.isArray(operations)) {
    for (const operation of operations) {
      const path = valueOf(operation, 'path');
      const value = valueOf(operation, 'value');
      const named =
        typeof path === 'string' && /^(userName|displayName)$/i.test(path)
          ? value
          : (valueOf(value, 'userName') ?? valueOf(value, 'displayName'));
      if (typeof named === 'string') return keptText(named, SHORT);
    }
  }
  const filter = queryFilter ?? valueOf(body, 'filter');
  const match = typeof filter === 'string' ? NAME_FILTER.exec(filter) : null;
  if (match) {
    try {
      return keptText(JSON.parse(match[1]), SHORT);
    } catch {
      return null;
    }
  }
  return null;
}

/** A PATCH's operations, what each does and where (never its value). */
export function operationsOf(method: string, body: unknown): OperationSummary[] | null {
  if (method !== 'PATCH') return null;
  const operations = valueOf(body, 'Operations');
  if (!Array.isArray(operations)) return null;
  return operations.slice(0, MAX_PATCH_OPERATIONS).map((operation) => ({
    op: keptText(valueOf(operation, 'op'), 20) ?? '',
    path: keptText(valueOf(operation, 'path'), SHORT),
  }));
}

function isRead(method: string, route: string | null): boolean {
  return method === 'GET' || method === 'HEAD' || (method === 'POST' && !!route?.endsWith('.search'));
}

/** A tally's row id: the same for the same key, so every process adds to one row. */
function tallyId(tenantId: string, key: string): string {
  const hex = createHash('sha256').update(`${tenantId} ${key}`).digest('hex');
  // An RFC 9562 version 8 (custom) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The per-minute tally a request adds to, or null when it is listed on its own. */
function tallyKeyOf(
  start: RequestStart,
  request: Request,
  observed: { status: number; authenticated: boolean; route: string | null; address: string | null },
  reads: ActivityConfig['reads'],
  client: string,
): string | null {
  const minute = new Date(Math.floor(start.at.getTime() / 60_000) * 60_000).toISOString();
  if (!observed.authenticated) {
    const reason = request.auth && !request.auth.ok ? request.auth.reason : '-';
    return `unauthenticated ${minute} ${observed.status} ${reason} ${observed.address ?? '-'}`;
  }
  // Over the tenant's rate limit: the IdP retries by itself, and its 429s must not bury the rest.
  if (observed.status === 429)
    return `throttled ${minute} ${request.method} ${observed.route ?? '-'} ${client}`;
  if (observed.status < 400 && reads === 'counted' && isRead(request.method, observed.route)) {
    return `read ${minute} ${request.method} ${observed.route ?? '-'} ${observed.status} ${client}`;
  }
  return null;
}

function queryOf(url: string): string | null {
  const at = url.indexOf('?');
  return at < 0 || at === url.length - 1 ? null : keptText(decoded(url.slice(at + 1)), QUERY_MAX);
}

/**
 * The activity log's view of a finished request: what it asked, who asked, what it was answered and
 * why. Unauthenticated requests (whose body was never read), requests over the tenant's rate limit
 * and, by default, successful reads are counted per minute rather than listed one by one; a tally
 * keeps what its requests share.
 */
export function observe(
  start: RequestStart,
  request: Request,
  response: Response,
  config: ActivityConfig,
  endpoints: ResourceTypeEndpoints,
): Observation {
  const finished = response.writableFinished;
  const status = finished || response.headersSent ? response.statusCode : 499;
  const auth = request.auth;
  const authenticated = auth?.ok === true;
  const route = routeOf(request);
  const userAgent = request.headers['user-agent'];
  const client = recogniseClient(userAgent);
  const address = keptText(request.ip, 100);
  const tallyKey = tallyKeyOf(
    start,
    request,
    { status, authenticated, route, address },
    config.reads,
    client,
  );
  const durationMs = Math.max(0, Math.round(performance.now() - start.startedMs));
  const tokenId = auth?.ok ? auth.tokenId : null;
  let record: ActivityRecord | null = null;
  const build = (): ActivityRecord => {
    record ??= recordOf(start, request, response, config, endpoints, {
      status,
      finished,
      route,
      client,
      address,
      tallyKey,
      durationMs,
    });
    return record;
  };
  return {
    tenantId: start.tenantId,
    at: start.at,
    status,
    client,
    durationMs,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    tokenId,
    authenticated,
    tallyKey,
    record: build,
  };
}

/** The whole entry: built for a listed request, and for the first request of a tally. */
function recordOf(
  start: RequestStart,
  request: Request,
  response: Response,
  config: ActivityConfig,
  endpoints: ResourceTypeEndpoints,
  seen: {
    status: number;
    finished: boolean;
    route: string | null;
    client: ActivityRecord['client'];
    address: string | null;
    tallyKey: string | null;
    durationMs: number;
  },
): ActivityRecord {
  const { status, route, tallyKey } = seen;
  const error = response.locals.scimError;
  const auth = request.auth;
  const authenticated = auth?.ok === true;
  const authFailure = auth && !auth.ok ? auth.reason : null;
  const resource = resourceOf(request, response, route, endpoints);
  const listed = tallyKey === null;
  const failed = status >= 400;
  const keepBodies = listed && (config.bodies === 'all' || (config.bodies === 'errors' && failed));
  const requestBody =
    keepBodies && authenticated && request.body !== undefined
      ? keptBody(request.body, config.bodyMaxBytes)
      : null;
  const responseBody = keepBodies && failed && error ? keptBody(error.toBody(), config.bodyMaxBytes) : null;
  return {
    tenantId: start.tenantId,
    id: listed ? randomUUID() : tallyId(start.tenantId, tallyKey),
    at: start.at,
    lastAt: start.at,
    aggregated: !listed,
    count: 1,
    requestId: listed && typeof request.id === 'string' ? request.id : null,
    durationMs: seen.durationMs,
    client: seen.client,
    userAgent: keptText(request.headers['user-agent'], SHORT),
    contentType: keptText(request.headers['content-type'], 200),
    clientAddress: seen.address,
    tokenId: auth?.ok ? auth.tokenId : null,
    method: request.method,
    route,
    query: listed ? queryOf(request.originalUrl) : null,
    resourceType: resource.type,
    resourceId: listed ? resource.id : null,
    userName: listed && authenticated ? nameOf(request.body, request.query.filter) : null,
    operations: listed && authenticated ? operationsOf(request.method, request.body) : null,
    status,
    scimType: error?.scimType ?? null,
    detail: keptText(
      error?.detail ?? (seen.finished ? null : 'The connection closed before the response was complete'),
      2000,
    ),
    errorCode: failed
      ? failureCodeOf({
          status,
          scimType: error?.scimType,
          code: error?.code,
          authFailure,
          authenticated,
          resourceType: resource.type,
          oneResource: resource.one,
          routed: route !== null,
        })
      : null,
    authFailure,
    requestBody: requestBody?.text ?? null,
    requestBodyTruncated: requestBody?.truncated ?? false,
    responseBody: responseBody?.text ?? null,
    responseBodyTruncated: responseBody?.truncated ?? false,
  };
}

/**
 * The entries of a request that carried operations of its own (Bulk): one per operation, each as
 * the operation would have been recorded sent alone, with the request's id, client and token.
 */
export function observeCarried(
  start: RequestStart,
  request: Request,
  operations: CarriedOperation[],
  config: ActivityConfig,
  endpoints: ResourceTypeEndpoints,
): Observation[] {
  const userAgent = request.headers['user-agent'];
  const client = recogniseClient(userAgent);
  const auth = request.auth;
  const tokenId = auth?.ok ? auth.tokenId : null;
  return operations.map((operation): Observation => {
    let record: ActivityRecord | null = null;
    const build = (): ActivityRecord => {
      record ??= carriedRecordOf(start, request, operation, config, endpoints);
      return record;
    };
    return {
      tenantId: start.tenantId,
      at: operation.at,
      status: operation.status,
      client,
      durationMs: operation.durationMs,
      userAgent: typeof userAgent === 'string' ? userAgent : null,
      tokenId,
      authenticated: true,
      tallyKey: null,
      record: build,
    };
  });
}

function carriedRecordOf(
  start: RequestStart,
  request: Request,
  operation: CarriedOperation,
  config: ActivityConfig,
  endpoints: ResourceTypeEndpoints,
): ActivityRecord {
  const { error, status, method } = operation;
  const endpoint = operation.endpoint?.replace(/^\//, '') ?? '';
  const resourceType = endpoints.get(endpoint.toLowerCase()) ?? null;
  const one = method !== 'POST';
  const failed = status >= 400;
  const keepBodies = config.bodies === 'all' || (config.bodies === 'errors' && failed);
  const requestBody =
    keepBodies && operation.body !== undefined ? keptBody(operation.body, config.bodyMaxBytes) : null;
  const responseBody = keepBodies && failed && error ? keptBody(error.toBody(), config.bodyMaxBytes) : null;
  return {
    tenantId: start.tenantId,
    id: randomUUID(),
    at: operation.at,
    lastAt: operation.at,
    aggregated: false,
    count: 1,
    requestId: typeof request.id === 'string' ? request.id : null,
    durationMs: operation.durationMs,
    client: recogniseClient(request.headers['user-agent']),
    userAgent: keptText(request.headers['user-agent'], SHORT),
    contentType: keptText(request.headers['content-type'], 200),
    clientAddress: keptText(request.ip, 100),
    tokenId: request.auth?.ok ? request.auth.tokenId : null,
    method,
    route: operation.endpoint === null ? null : `${operation.endpoint}${one ? '/:id' : ''}`,
    query: null,
    resourceType,
    resourceId: keptText(operation.resourceId, SHORT),
    userName: nameOf(operation.body, undefined),
    operations: operationsOf(method, operation.body),
    status,
    scimType: error?.scimType ?? null,
    detail: keptText(error?.detail ?? null, 2000),
    errorCode: failed
      ? failureCodeOf({
          status,
          scimType: error?.scimType,
          code: error?.code,
          authFailure: null,
          authenticated: true,
          resourceType,
          oneResource: one,
          routed: true,
        })
      : null,
    authFailure: null,
    requestBody: requestBody?.text ?? null,
    requestBodyTruncated: requestBody?.truncated ?? false,
    responseBody: responseBody?.text ?? null,
    responseBodyTruncated: responseBody?.truncated ?? false,
  };
}
