import { ScimError } from '../scim/errors/scim-error';
import { isObject } from '../scim/resource/attribute-values';
import { BULK_REQUEST } from '../scim/schema/urns';

export type BulkMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** `"bulkId:qwerty"`: a value standing for the id of the resource a POST of the same request creates. */
const BULK_ID_REFERENCE = /^bulkId:(.+)$/;

/** One operation of a BulkRequest (RFC 7644 §3.7), as read before it runs. */
export interface BulkOperation {
  /** Its place in the request, from 0. */
  index: number;
  method: BulkMethod | null;
  /** The method as sent, for the response when it is none of the four. */
  methodGiven: string;
  bulkId: string | null;
  /** If-Match for PUT, PATCH and DELETE. */
  version: string | null;
  path: string | null;
  /** The path's resource type endpoint (`/Users`) and, but for a POST, the resource's id or bulkId. */
  endpoint: string | null;
  id: string | null;
  data: unknown;
  /** The bulkIds it names, in its path or anywhere in its data. */
  references: Set<string>;
  /** Why it cannot run at all: it fails with this, and only it. */
  invalid: ScimError | null;
}

export interface BulkRequest {
  /** Errors after which processing stops (RFC 7644 §3.7.3); null: never. */
  failOnErrors: number | null;
  operations: BulkOperation[];
}

/** `/Users` or `/Users/{id}`, where the id may be `bulkId:…` (RFC 7644 §3.7.2). */
const RESOURCE_PATH = /^\/([^/?#]+)(?:\/([^/?#]+))?\/?$/;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A member of a SCIM message by name, whatever its case (RFC 7643 §2.1). */
function member(object: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
}

/** The bulkId a string names, or null. */
export function bulkIdIn(value: string): string | null {
  return BULK_ID_REFERENCE.exec(value)?.[1] ?? null;
}

/** Every bulkId named by a string anywhere in `value` (a path segment, a member's value, a manager). */
function collectReferences(value: unknown, into: Set<string>): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      const bulkId = bulkIdIn(next);
      if (bulkId !== null) into.add(bulkId);
    } else if (Array.isArray(next)) {
      pending.push(...(next as unknown[]));
    } else if (isObject(next)) {
      pending.push(...Object.values(next));
    }
  }
}

function readOperation(raw: unknown, index: number): BulkOperation {
  const operation: BulkOperation = {
    index,
    method: null,
    methodGiven: '',
    bulkId: null,
    version: null,
    path: null,
    endpoint: null,
    id: null,
    data: undefined,
    references: new Set(),
    invalid: null,
  };
  const fail = (scimType: 'invalidSyntax' | 'invalidValue', detail: string) => {
    operation.invalid = ScimError.badRequest(scimType, `Operations[${index}]: ${detail}`);
    return operation;
  };
  if (!isObject(raw)) return fail('invalidSyntax', 'an operation must be an object');
  const method = member(raw, 'method');
  const bulkId = member(raw, 'bulkId');
  const version = member(raw, 'version');
  const path = member(raw, 'path');
  operation.data = member(raw, 'data');
  if (typeof bulkId === 'string' && bulkId !== '') operation.bulkId = bulkId;
  if (typeof method === 'string') operation.methodGiven = method.slice(0, 20);
  if (typeof method === 'string' && METHODS.includes(method.toUpperCase())) {
    operation.method = method.toUpperCase() as BulkMethod;
  }
  if (typeof path === 'string') operation.path = path.trim();
  if (operation.method === null) return fail('invalidSyntax', 'method must be POST, PUT, PATCH or DELETE');
  if (bulkId !== undefined && bulkId !== null && operation.bulkId === null) {
    return fail('invalidSyntax', 'bulkId must be a non-empty string');
  }
  if (operation.method === 'POST' && operation.bulkId === null) {
    return fail('invalidSyntax', 'bulkId is required with POST');
  }
  const segments = operation.path === null ? null : RESOURCE_PATH.exec(operation.path);
  if (!segments) {
    return fail('invalidSyntax', 'path must be a resource path such as "/Users" or "/Users/{id}"');
  }
  operation.endpoint = `/${segments[1]}`;
  operation.id = segments[2] ? decodeSegment(segments[2]) : null;
  if (operation.method === 'POST' && operation.id !== null) {
    return fail('invalidSyntax', `path of a POST names a resource type endpoint ("${operation.endpoint}")`);
  }
  if (operation.method !== 'POST' && operation.id === null) {
    return fail(
      'invalidSyntax',
      `path of a ${operation.method} names one resource ("${operation.endpoint}/{id}")`,
    );
  }
  if (version !== undefined && version !== null && typeof version !== 'string') {
    return fail('invalidSyntax', 'version must be a string (an ETag)');
  }
  if (typeof version === 'string') operation.version = version;
  if (operation.method !== 'DELETE' && !isObject(operation.data)) {
    return fail('invalidSyntax', `data must be an object with ${operation.method}`);
  }
  collectReferences(operation.id, operation.references);
  collectReferences(operation.data, operation.references);
  return operation;
}

/**
 * Reads a BulkRequest message. The message itself must be sound (400, or 413 over maxOperations,
 * naming the limit); an operation that is not is reported as that operation's failure.
 */
export function readBulkRequest(body: unknown, maxOperations: number): BulkRequest {
  if (!isObject(body)) throw ScimError.badRequest('invalidSyntax', 'The request body must be a JSON object');
  const schemas = member(body, 'schemas');
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === BULK_REQUEST.toLowerCase())
  ) {
    throw ScimError.badRequest('invalidSyntax', `schemas must include "${BULK_REQUEST}"`);
  }
  const failOnErrors = member(body, 'failOnErrors');
  if (
    failOnErrors !== undefined &&
    failOnErrors !== null &&
    !(typeof failOnErrors === 'number' && Number.isInteger(failOnErrors) && failOnErrors >= 1)
  ) {
    throw ScimError.badRequest('invalidValue', 'failOnErrors must be a whole number from 1');
  }
  const operations = member(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw ScimError.badRequest('invalidSyntax', 'Operations must be a non-empty list');
  }
  if (operations.length > maxOperations) {
    throw new ScimError(
      413,
      `The Bulk request has ${operations.length} operations, more than maxOperations (${maxOperations})`,
    );
  }
  const read = operations.map((raw: unknown, index) => readOperation(raw, index));
  const definedAt = new Map<string, number>();
  for (const operation of read) {
    if (operation.invalid || operation.method !== 'POST' || operation.bulkId === null) continue;
    const earlier = definedAt.get(operation.bulkId);
    if (earlier !== undefined) {
      throw ScimError.badRequest(
        'invalidValue',
        `bulkId "${operation.bulkId}" is given to Operations[${earlier}] and Operations[${operation.index}]: ` +
          'each POST needs its own',
      );
    }
    definedAt.set(operation.bulkId, operation.index);
  }
  return { failOnErrors: typeof failOnErrors === 'number' ? failOnErrors : null, operations: read };
}

/** `value` with every `"bulkId:…"` string replaced by the id its POST created (`ids`). */
export function resolveReferences(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    const bulkId = bulkIdIn(value);
    return bulkId !== null ? (ids.get(bulkId) ?? value) : value;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => resolveReferences(item, ids));
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(v, ids)]));
  }
  return value;
}
