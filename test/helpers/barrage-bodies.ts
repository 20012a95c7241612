import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { GROUP_SCHEMA, PATCH_OP, SEARCH_REQUEST, USER_SCHEMA } from '../../src/scim/schema/urns';
import type { BarrageFixtures, CaseSpec, ScimSchemaAttribute } from './barrage-cases';
import { AppRoute, openApiPath, routeKey } from './barrage-routes';
import {
  HOSTILE_VALUES,
  Json,
  Labelled,
  NUL,
  OVERLONG_TEXT,
  RawJson,
  UNSTORABLE_TEXT,
  WRONG_TYPES,
  ODD_TEXT,
  sample,
} from './hostile-values';

type Position = Array<string | number>;
type JsonObject = { [key: string]: Json };

/** A copy of `base` with `value` put at `position`, making the objects and arrays on the way. */
function setAt(base: Json, position: Position, value: Json): Json {
  if (position.length === 0) return value;
  const [head, ...rest] = position;
  if (typeof head === 'number') {
    const list = Array.isArray(base) ? [...base] : [];
    while (list.length <= head) list.push({});
    list[head] = setAt(list[head], rest, value);
    return list;
  }
  const object: JsonObject =
    base !== null && typeof base === 'object' && !Array.isArray(base) && !(base instanceof RawJson)
      ? { ...base }
      : {};
  object[head] = setAt(object[head] ?? {}, rest, value);
  return object;
}

const label = (position: Position) => position.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.');

/** Every place a value can go in a resource of these schemas: attributes, sub-attributes, elements. */
function attributePositions(prefix: Position, attributes: ScimSchemaAttribute[]): Position[] {
  const positions: Position[] = [];
  for (const a of attributes) {
    const at = [...prefix, a.name];
    positions.push(at);
    const element = a.multiValued ? [...at, 0] : at;
    if (a.multiValued) positions.push(element);
    for (const sub of a.subAttributes ?? []) positions.push([...element, sub.name]);
  }
  return positions;
}

/** Hostile values for one position: a NUL, a lone surrogate, and `others` more picked by `random`. */
function valuesFor(random: () => number, others: number): Labelled[] {
  const [nul, ...surrogates] = UNSTORABLE_TEXT;
  return [
    nul,
    ...sample(random, surrogates, 1),
    ...sample(random, [...WRONG_TYPES, ...OVERLONG_TEXT, ...ODD_TEXT], others),
  ];
}

function positionCases(base: Json, positions: Position[], values: () => Labelled[]): CaseSpec[] {
  return positions.flatMap((position) =>
    values().map(([what, value]) => ({
      name: `body: ${label(position)} is ${what}`,
      body: setAt(base, position, value),
    })),
  );
}

function withoutSchemas(body: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'schemas'));
}

/** Keys no resource or message has, or has twice. */
function hostileKeys(base: JsonObject): CaseSpec[] {
  const keys: Array<[string, JsonObject]> = [
    ['__proto__', { ...base, ['__proto__']: { polluted: true } }],
    ['constructor', { ...base, constructor: { prototype: { polluted: true } } }],
    ['a key with a NUL', { ...base, [`nick${NUL}Name`]: 'x' }],
    ['a 600-character key', { ...base, ['k'.repeat(600)]: 'x' }],
    ['an unknown URN', { ...base, 'urn:bad:schema:2.0:Thing': { a: 1 } }],
    ['an empty key', { ...base, '': 'x' }],
  ];
  return keys.map(([what, body]) => ({ name: `body: ${what}`, body }));
}

/** Bodies for a SCIM route that takes one: resources, PatchOp and SearchRequest messages. */
export function scimBodyCases(route: AppRoute, f: BarrageFixtures, random: () => number): CaseSpec[] {
  const tail = route.path.replace(/^\/scim\/v2\/:tenantId/, '');
  if (tail.endsWith('.search')) return searchCases(random);
  if (tail.startsWith('/Me')) {
    const base = { schemas: [USER_SCHEMA], userName: f.scim.takenUserName };
    return positionCases(base, [['userName'], ['schemas']], () => valuesFor(random, 2));
  }
  if (route.method === 'PATCH') return patchCases(tail.startsWith('/Groups'), f, random);
  const group = tail.startsWith('/Groups');
  const base: JsonObject = group
    ? { schemas: [GROUP_SCHEMA], displayName: f.scim.takenDisplayName }
    : { schemas: [USER_SCHEMA], userName: f.scim.takenUserName };
  const positions: Position[] = [['schemas'], ['schemas', 0]];
  for (const schema of f.schemas) {
    if ((schema.id === GROUP_SCHEMA) !== group) continue;
    const core = schema.id === USER_SCHEMA || schema.id === GROUP_SCHEMA;
    positions.push(...attributePositions(core ? [] : [schema.id], schema.attributes));
    if (!core) positions.push([schema.id]);
  }
  if (positions.length < 5) throw new Error(`no attribute positions for ${routeKey(route)}`);
  return [
    ...positionCases(base, positions, () => valuesFor(random, route.method === 'POST' ? 2 : 1)),
    ...hostileKeys(base),
    { name: 'body: no schemas', body: withoutSchemas(base) },
    { name: 'body: an unknown schema', body: { ...base, schemas: ['urn:bad:schema'] } },
  ];
}

const OPS: Json[] = ['add', 'remove', 'replace', 'Replace', 'delete', 'move', 'test', '', null, 1, [], {}];
const PATCH_PATHS: Array<Json | undefined> = [
  undefined,
  'userName',
  'displayName',
  'name.givenName',
  'emails[type eq "work"].value',
  'emails[type eq "work"]',
  'emails[',
  'emails[type eq]',
  'emails]',
  'members',
  'members[value eq "not-a-uuid"]',
  'members[value eq',
  'nosuch',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value',
  'urn:bad:schema:x',
  '',
  ' ',
  'name..givenName',
  'a.b.c.d',
  'id',
  'meta.created',
  'schemas',
  'groups',
  `emails[value eq "${NUL}"]`,
  'p'.repeat(600),
  null,
  1,
  [],
  {},
];

/** PatchOp bodies: bad envelopes, and operations with bad op, path and value together. */
function patchCases(group: boolean, f: BarrageFixtures, random: () => number): CaseSpec[] {
  const sentinel = group
    ? { op: 'replace', path: 'displayName', value: f.scim.takenDisplayName }
    : { op: 'replace', path: 'userName', value: f.scim.takenUserName };
  const values: Array<[string, Json | undefined]> = [
    ['no value', undefined],
    ...HOSTILE_VALUES,
    ['a string', 'plain'],
    ['a list of values', [{ value: 'x' }]],
    ['a non-UUID member', [{ value: 'not-a-uuid' }]],
    ["another tenant's user", [{ value: f.other.userId }]],
    ["another tenant's group", [{ value: f.other.groupId }]],
    ['an object of attributes', { userName: 'x', displayName: 'y', nosuch: 1 }],
  ];
  const specs: CaseSpec[] = [];
  for (let i = 0; i < 120; i += 1) {
    const op = OPS[Math.floor(random() * OPS.length)];
    const path = PATCH_PATHS[Math.floor(random() * PATCH_PATHS.length)];
    const [what, value] = values[Math.floor(random() * values.length)];
    const operation: JsonObject = { op };
    if (path !== undefined) operation.path = path;
    if (value !== undefined) operation.value = value;
    const pathLabel = path === undefined ? 'no path' : JSON.stringify(path).slice(0, 40);
    specs.push({
      name: `patch #${i}: op ${JSON.stringify(op)}, path ${pathLabel}, ${what}`,
      body: { schemas: [PATCH_OP], Operations: [operation, sentinel] },
    });
  }
  const envelopes: Array<[string, Json]> = [
    ['no schemas', { Operations: [sentinel] }],
    ['the wrong schema', { schemas: [USER_SCHEMA], Operations: [sentinel] }],
    ['schemas a string', { schemas: PATCH_OP, Operations: [sentinel] }],
    ['no Operations', { schemas: [PATCH_OP] }],
    ['Operations null', { schemas: [PATCH_OP], Operations: null }],
    ['Operations empty', { schemas: [PATCH_OP], Operations: [] }],
    ['Operations an object', { schemas: [PATCH_OP], Operations: sentinel }],
    ['Operations a string', { schemas: [PATCH_OP], Operations: 'replace' }],
    ['an operation null', { schemas: [PATCH_OP], Operations: [null, sentinel] }],
    ['an operation a number', { schemas: [PATCH_OP], Operations: [1, sentinel] }],
    ['an operation without op', { schemas: [PATCH_OP], Operations: [{ path: 'userName', value: 'x' }] }],
    [
      '20,000 operations',
      { schemas: [PATCH_OP], Operations: Array.from({ length: 20_000 }, () => sentinel) },
    ],
  ];
  for (const [what, body] of envelopes) specs.push({ name: `patch: ${what}`, body });
  return specs;
}

/** SearchRequest bodies (RFC 7644 §3.4.3) with bad parameters, and without their schema. */
function searchCases(random: () => number): CaseSpec[] {
  const base: JsonObject = { schemas: [SEARCH_REQUEST], count: 1 };
  const positions: Position[] = [
    ['filter'],
    ['startIndex'],
    ['count'],
    ['attributes'],
    ['attributes', 0],
    ['excludedAttributes'],
    ['excludedAttributes', 0],
    ['sortBy'],
    ['sortOrder'],
    ['schemas'],
  ];
  const filters: Array<[string, Json]> = [
    ['a broken filter', 'userName eq'],
    ['an unknown attribute', 'nosuch eq "a"'],
    ['200 terms', Array.from({ length: 200 }, (_, i) => `userName eq "u${i}"`).join(' or ')],
  ];
  return [
    ...positionCases(base, positions, () => valuesFor(random, 4)),
    ...filters.map(([what, filter]) => ({ name: `search: filter is ${what}`, body: { ...base, filter } })),
    { name: 'search: no schemas', body: { filter: 'userName pr' } },
    { name: 'search: the wrong schema', body: { schemas: [PATCH_OP], filter: 'userName pr' } },
    ...hostileKeys(base),
  ];
}

/** Valid admin bodies, by route: every admin body case changes one thing in one of these. */
export const ADMIN_BASE_BODIES: Record<string, (f: BarrageFixtures) => Json> = {
  'POST /admin/tenants': (f) => ({ name: `${f.marker} created` }),
  'PATCH /admin/tenants/:tenantId': () => ({}),
  'POST /admin/tenants/:tenantId/tokens': () => ({ description: 'barrage' }),
  'POST /admin/tenants/:tenantId/portal-links': () => ({ ttlSeconds: 300 }),
  'PATCH /admin/tenants/:tenantId/seats/:userId': () => ({ quota: { amount: 5, unit: 'GB' } }),
  'POST /admin/tenants/:tenantId/webhooks': () => ({ url: 'http://127.0.0.1:9/barrage' }),
  'PATCH /admin/tenants/:tenantId/webhooks/:webhookId': () => ({}),
  'POST /admin/tenants/:tenantId/webhooks/:webhookId/rotate-secret': () => ({}),
};

type OpenApiSchema = SchemaObject | ReferenceObject;

function resolve(openapi: OpenAPIObject, schema: OpenApiSchema | undefined): SchemaObject | undefined {
  if (!schema) return undefined;
  if ('$ref' in schema) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(openapi, openapi.components?.schemas?.[name]);
  }
  if (schema.allOf?.length === 1) return { ...schema, ...resolve(openapi, schema.allOf[0]) };
  return schema;
}

/** A valid value of a nested admin object, so that a case changes one sub-property only. */
const NESTED_SAMPLES: Record<string, JsonObject> = {
  seatQuota: { amount: 5, unit: 'GB' },
  quota: { amount: 5, unit: 'GB' },
  scimRateLimit: { perSecond: 100, burst: 100 },
};

/**
 * Admin bodies: every property of the route's request schema (openapi.json), and each property of
 * the objects in it, given hostile values in turn; and keys the schema does not have.
 */
export function adminBodyCases(
  route: AppRoute,
  openapi: OpenAPIObject,
  f: BarrageFixtures,
  random: () => number,
): CaseSpec[] {
  const operation = openapi.paths[openApiPath(route.path)]?.[route.method.toLowerCase() as 'post'];
  const requestBody = operation?.requestBody as { content?: Record<string, { schema?: OpenApiSchema }> };
  const schema = resolve(openapi, requestBody?.content?.['application/json']?.schema);
  const makeBase = ADMIN_BASE_BODIES[routeKey(route)];
  const base = (makeBase?.(f) ?? {}) as JsonObject;
  const specs: CaseSpec[] = [
    { name: 'body: an unknown field', body: { ...base, unexpected: 1 } },
    ...hostileKeys(base),
  ];
  if (!schema) return specs;
  if (!makeBase) throw new Error(`no valid body for ${routeKey(route)} (ADMIN_BASE_BODIES)`);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    specs.push(...positionCases(base, [[name]], () => valuesFor(random, 8)));
    const nested = resolve(openapi, property);
    if (nested?.properties) {
      const sampleValue = NESTED_SAMPLES[name];
      if (!sampleValue) throw new Error(`no valid ${name} for ${routeKey(route)} (NESTED_SAMPLES)`);
      const withSample = { ...base, [name]: sampleValue };
      const positions = Object.keys(nested.properties).map((sub) => [name, sub]);
      specs.push(...positionCases(withSample, positions, () => valuesFor(random, 8)));
      specs.push({
        name: `body: ${name} with an unknown field`,
        body: { ...withSample, [name]: { ...sampleValue, unexpected: 1 } },
      });
    }
  }
  return specs;
}
