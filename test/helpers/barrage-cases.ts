import type { OpenAPIObject } from '@nestjs/swagger';
import { GROUP_SCHEMA, PATCH_OP, SEARCH_REQUEST, USER_SCHEMA } from '../../src/scim/schema/urns';
import { AppRoute, fillPath, isScimRoute, openApiPath, pathParameters, routeKey } from './barrage-routes';
import { ADMIN_BASE_BODIES, adminBodyCases, scimBodyCases } from './barrage-bodies';
import { ADMIN_QUERY_VALUES, SCIM_QUERIES } from './barrage-queries';
import { transportCases } from './barrage-transport';
import { HOSTILE_IDS, Json, jsonText, sample, seededRandom } from './hostile-values';

/** What the barrage aims at: three tenants made through the API before it starts. */
export interface BarrageFixtures {
  adminKey: string;
  /** Starts the name of every tenant a barrage body could create. */
  marker: string;
  /** The tenant the SCIM cases aim at; its token. */
  scim: {
    tenantId: string;
    token: string;
    userId: string;
    groupId: string;
    /** The userName and displayName of a second user and group, so a body valid by accident gets 409. */
    takenUserName: string;
    takenDisplayName: string;
  };
  /** The tenant the admin cases aim at. */
  admin: { tenantId: string; userId: string; webhookId: string; tokenId: string; entryId: string };
  /** Another tenant: its token and its ids must not reach the two above. */
  other: {
    tenantId: string;
    token: string;
    userId: string;
    groupId: string;
    webhookId: string;
    tokenId: string;
  };
  /** A revoked token of the SCIM tenant. */
  revokedToken: string;
  /** The SCIM schemas the app serves (GET /Schemas), for the attribute positions. */
  schemas: ScimSchemaDocument[];
}

export interface ScimSchemaAttribute {
  name: string;
  type: string;
  multiValued: boolean;
  mutability?: string;
  subAttributes?: ScimSchemaAttribute[];
}

export interface ScimSchemaDocument {
  id: string;
  attributes: ScimSchemaAttribute[];
}

/** One request of the barrage. */
export interface BarrageCase {
  name: string;
  /** The route it is aimed at (`POST /scim/v2/:tenantId/Users`): every route must have cases. */
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Whether a request to the literal segments of `path` would match `template`. */
function templateMatches(template: string, path: string): boolean {
  const want = template.split('/');
  const have = path.split('/');
  return (
    want.length === have.length && want.every((segment, i) => segment.startsWith(':') || segment === have[i])
  );
}

/** A body as the generators describe it: JSON to serialise, or bytes as they are. */
export type CaseBody = Json | Buffer;

export interface CaseSpec {
  name: string;
  method?: string;
  params?: Record<string, string>;
  query?: string;
  headers?: Record<string, string | undefined>;
  body?: CaseBody;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const WRITES = new Set(['POST', 'PUT', 'PATCH']);

function validParams(route: AppRoute, f: BarrageFixtures): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of pathParameters(route.path)) {
    values[name] = isScimRoute(route) ? scimParam(route, name, f) : adminParam(route, name, f);
  }
  return values;
}

function scimParam(route: AppRoute, name: string, f: BarrageFixtures): string {
  switch (name) {
    case 'tenantId':
      return f.scim.tenantId;
    case 'id':
      return route.path.includes('/Groups/') ? f.scim.groupId : f.scim.userId;
    case 'schemaId':
      return USER_SCHEMA;
    case 'name':
      return 'User';
    default:
      throw new Error(`the barrage has no value for :${name} on ${routeKey(route)}`);
  }
}

function adminParam(route: AppRoute, name: string, f: BarrageFixtures): string {
  switch (name) {
    case 'id':
    case 'tenantId':
      return f.admin.tenantId;
    case 'userId':
    case 'webhookId':
    case 'tokenId':
    case 'entryId':
      return f.admin[name];
    default:
      throw new Error(`the barrage has no value for :${name} on ${routeKey(route)}`);
  }
}

/** Another tenant's id for the same parameter, where one exists that the caller must not reach. */
function otherTenantsParam(route: AppRoute, name: string, f: BarrageFixtures): string | null {
  if (isScimRoute(route)) {
    if (name === 'tenantId') return f.other.tenantId;
    if (name === 'id') return route.path.includes('/Groups/') ? f.other.groupId : f.other.userId;
    return null;
  }
  // The admin key reaches every tenant, so another tenant's id is no hostile :tenantId.
  if (name === 'userId' || name === 'webhookId' || name === 'tokenId') return f.other[name];
  return null;
}

/**
 * Every case of the barrage, in a fixed order from a fixed seed: the same requests on every run.
 * Throws when a route has no cases of its own kind (a body route the generators do not know), so a
 * new route cannot go untested.
 */
export function barrageCases(
  routes: AppRoute[],
  openapi: OpenAPIObject,
  f: BarrageFixtures,
  seed: number,
): BarrageCase[] {
  const random = seededRandom(seed);
  const cases: BarrageCase[] = [];
  const paths = new Map<string, AppRoute[]>();
  for (const route of routes) paths.set(route.path, [...(paths.get(route.path) ?? []), route]);

  // Each path gets every id case on one of its routes (its GET, where it has one), and a sample of
  // them on its other routes, which share the parameter parsing. The tenant's id, which every route
  // of an API shares, gets every hostile id on the first route only.
  const primary = new Set(
    [...paths.values()].map((onPath) => onPath.find((r) => r.method === 'GET') ?? onPath[0]),
  );
  const firstOfItsPath = new Set(
    [...paths.values()].map((onPath) => onPath.find((r) => WRITES.has(r.method))),
  );
  const tenantIdsCovered = new Set<string>();
  const authCovered = new Set<string>();
  for (const route of routes) {
    const add = (spec: CaseSpec) => cases.push(build(route, spec, f));
    const base = baseBody(route, f);
    // One guard per API: every credential on its first route; elsewhere a sample, and always another
    // tenant's token.
    const api = isScimRoute(route) ? 'scim' : 'admin';
    const credentials = authCases(route, f, base);
    const crossTenant = credentials.filter((spec) => spec.name.includes("another tenant's"));
    const rest = credentials.filter((spec) => !crossTenant.includes(spec));
    [...(authCovered.has(api) ? sample(random, rest, 3) : rest), ...crossTenant].forEach(add);
    authCovered.add(api);
    const parameters = pathParameters(route.path);
    parameters.forEach((name, i) => {
      const tenantParameter = i === 0 && parameters.length > 1;
      const full = tenantParameter ? !tenantIdsCovered.has(api) : primary.has(route);
      if (tenantParameter) tenantIdsCovered.add(api);
      const ids = idCases(route, name, f, base);
      (full ? ids : sample(random, ids.slice(0, -1), 3).concat(ids.slice(-1))).forEach(add);
    });
    if (route.method === 'GET') {
      const collection = /\/(Users|Groups)$/.test(route.path) || !isScimRoute(route);
      const queries = queryCases(route, openapi, random);
      (collection ? queries : sample(random, queries, 12)).forEach(add);
    }
    if (WRITES.has(route.method)) {
      const transport = transportCases(route, f, base);
      (firstOfItsPath.has(route) ? transport : sample(random, transport, 10)).forEach(add);
    }
    if (WRITES.has(route.method)) {
      const bodies = isScimRoute(route)
        ? scimBodyCases(route, f, random)
        : adminBodyCases(route, openapi, f, random);
      bodies.forEach(add);
    }
    conditionalCases(route, f, base).forEach(add);
  }
  for (const [path, onPath] of paths) {
    // `/Users/.search` is also `/Users/:id`: a method is unsupported when no route's path matches.
    const allowed = new Set(routes.filter((r) => templateMatches(r.path, path)).map((r) => r.method));
    const route = onPath[0];
    for (const method of [...METHODS, 'PROPFIND'].filter((m) => !allowed.has(m))) {
      cases.push(build(route, { name: `unsupported method ${method} on ${path}`, method, body: {} }, f));
    }
  }
  return cases;
}

/** A body the route would take (a conflicting one, where accepting it would write). */
function baseBody(route: AppRoute, f: BarrageFixtures): Json | undefined {
  if (!WRITES.has(route.method)) return undefined;
  const tail = route.path.replace(/^\/scim\/v2\/:tenantId/, '');
  if (!isScimRoute(route)) return ADMIN_BASE_BODIES[routeKey(route)]?.(f) ?? {};
  if (tail.endsWith('.search')) return { schemas: [SEARCH_REQUEST], count: 1 };
  if (route.method === 'PATCH') {
    const sentinel = tail.startsWith('/Groups')
      ? { op: 'replace', path: 'displayName', value: f.scim.takenDisplayName }
      : { op: 'replace', path: 'userName', value: f.scim.takenUserName };
    return { schemas: [PATCH_OP], Operations: [sentinel] };
  }
  if (tail.startsWith('/Groups')) return { schemas: [GROUP_SCHEMA], displayName: f.scim.takenDisplayName };
  return { schemas: [USER_SCHEMA], userName: f.scim.takenUserName };
}

function build(route: AppRoute, spec: CaseSpec, f: BarrageFixtures): BarrageCase {
  const params = { ...validParams(route, f), ...spec.params };
  const path = fillPath(route.path, params) + (spec.query !== undefined ? `?${spec.query}` : '');
  const token = isScimRoute(route) ? f.scim.token : f.adminKey;
  const headers: Record<string, string | undefined> = {
    Authorization: `Bearer ${token}`,
    Accept: isScimRoute(route) ? 'application/scim+json' : 'application/json',
  };
  let body: Buffer | undefined;
  if (spec.body !== undefined) {
    body = Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(jsonText(spec.body), 'utf8');
    headers['Content-Type'] = isScimRoute(route) ? 'application/scim+json' : 'application/json';
  }
  Object.assign(headers, spec.headers);
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) sent[name] = value;
  return {
    name: spec.name,
    route: routeKey(route),
    method: spec.method ?? route.method,
    path,
    headers: sent,
    body,
  };
}

function authCases(route: AppRoute, f: BarrageFixtures, body: Json | undefined): CaseSpec[] {
  const scimRoute = isScimRoute(route);
  const credentials: Array<[string, string | undefined]> = [
    ['no Authorization', undefined],
    ['an empty Authorization', ''],
    ['Bearer without a token', 'Bearer'],
    ['Bearer and a space', 'Bearer '],
    ['a garbage token', 'Bearer rcs_garbage'],
    ['Basic credentials', 'Basic dXNlcjpwYXNzd29yZA=='],
    ['a 4 KB token', `Bearer ${'t'.repeat(4096)}`],
    ['a token with a comma', `Bearer ${scimRoute ? f.scim.token : f.adminKey},x`],
    ['two schemes', `Bearer ${scimRoute ? f.scim.token : f.adminKey} Bearer x`],
    ["another tenant's token", `Bearer ${f.other.token}`],
  ];
  if (scimRoute) {
    credentials.push(
      ['the admin key', `Bearer ${f.adminKey}`],
      ['a revoked token', `Bearer ${f.revokedToken}`],
    );
  } else {
    credentials.push(
      ["a tenant's SCIM token", `Bearer ${f.scim.token}`],
      ['the admin key in upper case', `Bearer ${f.adminKey.toUpperCase()}`],
    );
  }
  return credentials.map(([label, value]) => ({
    name: `auth: ${label}`,
    headers: { Authorization: value },
    body,
  }));
}

/** Hostile values of one path parameter; the last is another tenant's id (or an absent one). */
function idCases(route: AppRoute, name: string, f: BarrageFixtures, body: Json | undefined): CaseSpec[] {
  const ids: Array<[string, string]> = [...HOSTILE_IDS];
  const other = otherTenantsParam(route, name, f);
  ids.push(
    other ? ["another tenant's id", other] : ['a random UUID', '7d9f6c1e-5b4a-4c3d-8e2f-1a0b9c8d7e6f'],
  );
  return ids.map(([label, segment]) => ({ name: `:${name} is ${label}`, params: { [name]: segment }, body }));
}

function queryCases(route: AppRoute, openapi: OpenAPIObject, random: () => number): CaseSpec[] {
  if (isScimRoute(route)) return SCIM_QUERIES.map(([label, query]) => ({ name: `query: ${label}`, query }));
  const operation = openapi.paths[openApiPath(route.path)]?.get;
  const names = (operation?.parameters ?? [])
    .filter((p) => 'in' in p && p.in === 'query')
    .map((p) => (p as { name: string }).name);
  const specs: CaseSpec[] = [];
  for (const name of names) {
    const unstorable = ADMIN_QUERY_VALUES.filter(([label]) => /NUL|surrogate|percent/.test(label));
    const others = ADMIN_QUERY_VALUES.filter((value) => !unstorable.includes(value));
    for (const [label, value] of [...unstorable, ...sample(random, others, 6)]) {
      specs.push({ name: `query: ${name} is ${label}`, query: `${name}=${value}` });
    }
  }
  specs.push({ name: 'query: an unknown parameter', query: 'nosuch=1' });
  return specs;
}

/** Odd and stale If-Match / If-None-Match on routes of one resource. */
function conditionalCases(route: AppRoute, f: BarrageFixtures, body: Json | undefined): CaseSpec[] {
  if (!isScimRoute(route) || !route.path.endsWith('/:id')) return [];
  const tags = [
    'W/"999999"',
    '"999999"',
    'garbage',
    '"',
    'W/',
    ',,,',
    'W/"999998", W/"999999"',
    'x'.repeat(4000),
  ];
  const header = route.method === 'GET' ? 'If-None-Match' : 'If-Match';
  return tags.map((tag, i) => ({
    name: `${header} #${i}: ${tag.slice(0, 20)}`,
    headers: { [header]: tag },
    body,
  }));
}
