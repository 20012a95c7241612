import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { openapiSchemaToJsonSchema } from '@openapi-contrib/openapi-schema-to-json-schema';
import type { Response, Test } from 'supertest';

/**
 * Every response of the admin and the SCIM API that an e2e test receives is checked against the
 * OpenAPI document: the status must be one the operation describes, the Content-Type one of its
 * media types, and the body valid against its schema. A response the document does not describe
 * fails the test that received it. Schemas are OpenAPI 3.0's dialect, converted to JSON Schema by
 * @openapi-contrib/openapi-schema-to-json-schema and validated by Ajv.
 */

type Json = Record<string, unknown>;

interface MediaType {
  schema?: Json;
}

interface Operation {
  responses: Record<string, { content?: Record<string, MediaType> }>;
}

interface Route {
  pattern: RegExp;
  method: string;
  params: number;
  operation: Operation;
}

/** The checked-in document: what clients are generated from. */
export function checkedInDocument(): Json {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as Json;
}

const COMPONENTS_ID = 'openapi';

/** `#/components/…` made absolute, so that inline schemas compile apart from the document. */
function absoluteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absoluteRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${COMPONENTS_ID}${value}`
        : absoluteRefs(value),
    ]),
  );
}

const PROJECTED_ID = 'openapi-projected';

/** References to the relaxed copy of the components (projected responses). */
function projectedRefs(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node).replaceAll(`"${COMPONENTS_ID}#`, `"${PROJECTED_ID}#`)) as unknown;
}

/** Every `required` taken out: a projected resource (`attributes=`) may leave any attribute out. */
function withoutRequired(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRequired);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'required' && Array.isArray(value)))
      .map(([key, value]) => [key, withoutRequired(value)]),
  );
}

/** OpenAPI 3.0 schema → JSON Schema; `nullable` beside a `$ref` or `allOf` becomes "or null". */
function toJsonSchema(schema: Json): Json {
  const converted = openapiSchemaToJsonSchema(schema as never, {
    cloneSchema: true,
    beforeTransform: (node) => {
      const s = node as Json;
      if (s.nullable === true && (s.allOf || s.$ref || s.oneOf || s.anyOf)) {
        const rest = { ...s };
        delete rest.nullable;
        delete rest.type;
        return { anyOf: [{ type: 'null' }, rest] };
      }
      return s;
    },
  }) as Json;
  delete converted.$schema;
  return converted;
}

/** One document's validators, compiled on first use. */
export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly strictRoutes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Json) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
    this.ajv.addSchema(
      {
        $id: COMPONENTS_ID,
        components: {
          schemas: Object.fromEntries(
            Object.entries(schemas).map(([name, s]) => [name, absoluteRefs(toJsonSchema(s))]),
          ),
        },
      },
      COMPONENTS_ID,
    );
    const relaxed = Object.fromEntries(
      Object.entries(schemas).map(([name, s]) => [
        name,
        projectedRefs(withoutRequired(absoluteRefs(toJsonSchema(s)))),
      ]),
    );
    this.ajv.addSchema({ $id: PROJECTED_ID, components: { schemas: relaxed } });
    this.strictRoutes = Object.entries(document.paths as Record<string, Record<string, Operation>>)
      .flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => ({
          pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}/?$`, 'i'),
          method: method.toUpperCase(),
          params: (path.match(/\{/g) ?? []).length,
          operation,
        })),
      )
      // A literal segment wins over a parameter: /Users/.search before /Users/{id}.
      .sort((a, b) => a.params - b.params);
  }

  /** Why `res` does not match the document, or null when it does. */
  problem(method: string, path: string, res: Response, projected: boolean): string | null {
    const routes = this.strictRoutes.filter((r) => r.pattern.test(path));
    const route = routes.find((r) => r.method === method);
    if (!route) {
      // No operation: the router's own 404 (unknown path) or 405 (path without this method).
      if (res.status === 404 || res.status === 405) return this.familyError(path, res);
      return `${method} ${path} answered ${res.status}, but the document has no such operation`;
    }
    const described = route.operation.responses[String(res.status)] ?? route.operation.responses.default;
    if (!described) {
      return `${method} ${path} answered ${res.status}, which the document does not list for it (${Object.keys(route.operation.responses).join(', ')})`;
    }
    const content = described.content;
    if (!content) {
      if (res.text && res.text.length > 0)
        return `${method} ${path} ${res.status} has a body the document does not describe`;
      return null;
    }
    const mediaType = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const media = content[mediaType];
    if (!media) {
      return `${method} ${path} ${res.status} answered ${mediaType || 'no Content-Type'}, the document lists ${Object.keys(content).join(', ')}`;
    }
    if (!media.schema) return null;
    return this.check(media.schema, res.body, projected, `${method} ${path} ${res.status}`);
  }

  /** A 404/405 from the router, in the form of its route family. */
  private familyError(path: string, res: Response): string | null {
    const scim = /^\/scim\//i.test(path);
    const mediaType = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const expected = scim ? 'application/scim+json' : 'application/problem+json';
    if (mediaType !== expected) return `${path} ${res.status} answered ${mediaType}, expected ${expected}`;
    const schema = { $ref: scim ? '#/components/schemas/ScimError' : '#/components/schemas/ProblemDetails' };
    return this.check(schema, res.body, false, `${path} ${res.status}`);
  }

  private check(schema: Json, body: unknown, projected: boolean, what: string): string | null {
    const key = JSON.stringify([schema, projected]);
    let validate = this.validators.get(key);
    if (!validate) {
      const base = absoluteRefs(toJsonSchema(schema)) as Json;
      const compiled = projected ? (projectedRefs(withoutRequired(base)) as Json) : base;
      validate = this.ajv.compile(compiled);
      this.validators.set(key, validate);
    }
    if (validate(body)) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
      .join('; ');
    return `${what}: the body does not match the document: ${errors}\n${JSON.stringify(body).slice(0, 2000)}`;
  }
}

/** Whether the request asks for a projection (RFC 7644 §3.4.2.5), in its query or SearchRequest body. */
function isProjected(url: URL, data: unknown): boolean {
  const names = [...url.searchParams.keys()].map((k) => k.toLowerCase());
  if (names.includes('attributes') || names.includes('excludedattributes')) return true;
  let body = data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return false;
    }
  }
  return (
    body !== null &&
    typeof body === 'object' &&
    Object.keys(body).some((k) => ['attributes', 'excludedattributes'].includes(k.toLowerCase()))
  );
}

type Agent = Record<string, (url: string) => Test>;

/**
 * supertest whose every request to /admin or /scim checks its response against the document
 * `contract()` gives (after the test's own expectations pass): a mismatch fails like a failed
 * `.expect()`.
 */
export function contractChecked<T extends object>(agent: T, contract: () => Promise<OpenApiContract>): T {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (url: string) => checked((value as Agent[string]).call(target, url), contract);
    },
  });
}

function checked(test: Test, contract: () => Promise<OpenApiContract>): Test {
  const end = test.end.bind(test);
  test.end = (fn?: (err: unknown, res: Response) => void) =>
    end((err: unknown, res: Response) => {
      const url = new URL(test.url);
      if (err || !res || !/^\/(admin|scim)(\/|$)/i.test(url.pathname)) return fn?.call(test, err, res);
      const projected = isProjected(url, (test as unknown as { _data?: unknown })._data);
      contract()
        .then((c) => c.problem(test.method, url.pathname, res, projected))
        .then(
          (problem) => fn?.call(test, problem ? new Error(`OpenAPI contract: ${problem}`) : null, res),
          (error: unknown) => fn?.call(test, error, res),
        );
    });
  return test;
}
