import { readFileSync } from 'node:fs';
import { ConfigError } from '../../config/app-config';
import {
  ATTRIBUTE_TYPES,
  AttributeDefinition,
  AttributeType,
  MUTABILITIES,
  RETURNED,
  SchemaDefinition,
  UNIQUENESSES,
} from './attribute';

/** An extension schema declared by the operator for a resource type (SCIM_EXTENSIONS_FILE). */
export interface DeclaredExtension {
  resourceType: 'User';
  required: boolean;
  schema: SchemaDefinition;
}

const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:[A-Za-z0-9()+,\-.:=@;$_!*'%/?#]+$/i;

type Json = Record<string, unknown>;

function fail(file: string, where: string, message: string): never {
  throw new ConfigError(`SCIM_EXTENSIONS_FILE ${file}: ${where}: ${message}`);
}

function oneOf<T extends string>(
  file: string,
  where: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    fail(file, where, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function bool(file: string, where: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(file, where, 'must be true or false');
  return value;
}

function parseAttribute(file: string, where: string, input: unknown, depth: number): AttributeDefinition {
  if (!input || typeof input !== 'object') fail(file, where, 'must be an object');
  const a = input as Json;
  if (typeof a.name !== 'string' || !ATTRIBUTE_NAME.test(a.name)) {
    fail(file, where, 'name must start with a letter and hold only letters, digits, "_" and "-"');
  }
  const at = `${where} "${a.name}"`;
  const type: AttributeType = oneOf(file, `${at} type`, a.type, ATTRIBUTE_TYPES, 'string');
  const definition: AttributeDefinition = {
    name: a.name,
    type,
    multiValued: bool(file, `${at} multiValued`, a.multiValued, false),
    description: typeof a.description === 'string' ? a.description : '',
    required: bool(file, `${at} required`, a.required, false),
    caseExact: bool(file, `${at} caseExact`, a.caseExact, false),
    mutability: oneOf(file, `${at} mutability`, a.mutability, MUTABILITIES, 'readWrite'),
    returned: oneOf(file, `${at} returned`, a.returned, RETURNED, 'default'),
    uniqueness: oneOf(file, `${at} uniqueness`, a.uniqueness, UNIQUENESSES, 'none'),
  };
  if (a.uniqueness !== undefined && a.uniqueness !== 'none') {
    fail(file, `${at} uniqueness`, 'only "none" is supported for extension attributes');
  }
  if (a.canonicalValues !== undefined) {
    if (!Array.isArray(a.canonicalValues) || a.canonicalValues.some((v) => typeof v !== 'string')) {
      fail(file, `${at} canonicalValues`, 'must be a list of strings');
    }
    definition.canonicalValues = a.canonicalValues as string[];
  }
  if (type === 'reference') {
    const refs = a.referenceTypes ?? ['external'];
    if (!Array.isArray(refs) || refs.some((v) => typeof v !== 'string')) {
      fail(file, `${at} referenceTypes`, 'must be a list of strings');
    }
    definition.referenceTypes = refs as string[];
  }
  if (type === 'complex') {
    if (depth > 0) fail(file, at, 'a sub-attribute cannot be complex (RFC 7643 §2.3.8)');
    if (!Array.isArray(a.subAttributes) || a.subAttributes.length === 0) {
      fail(file, `${at} subAttributes`, 'a complex attribute needs a non-empty list of subAttributes');
    }
    definition.subAttributes = a.subAttributes.map((s, i) =>
      parseAttribute(file, `${at} subAttributes[${i}]`, s, 1),
    );
  }
  return definition;
}

/**
 * Reads the operator's extension schemas. The file is `{"schemas":[{"id","name","description",
 * "resourceType":"User","required","attributes":[…]}]}`; attributes take RFC 7643 §7 characteristics,
 * with §2.2 defaults. Anything malformed stops start-up with a message naming the place.
 */
export function readExtensionsFile(file: string, reserved: string[]): DeclaredExtension[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(file, 'file', error instanceof Error ? error.message : String(error));
  }
  const schemas = (parsed as Json | null)?.schemas;
  if (!Array.isArray(schemas)) fail(file, 'top level', 'must be an object with a "schemas" list');
  const seen = new Set(reserved.map((r) => r.toLowerCase()));
  return schemas.map((input, index) => {
    const where = `schemas[${index}]`;
    const s = (input ?? {}) as Json;
    if (typeof s.id !== 'string' || !URN.test(s.id))
      fail(
        file,
        `${where} id`,
        'must be a URN such as urn:example:params:scim:schemas:extension:acme:2.0:User',
      );
    if (seen.has(s.id.toLowerCase())) fail(file, `${where} id`, `${s.id} is already defined`);
    seen.add(s.id.toLowerCase());
    if (s.resourceType !== 'User') fail(file, `${where} resourceType`, 'must be "User"');
    if (!Array.isArray(s.attributes) || s.attributes.length === 0)
      fail(file, `${where} attributes`, 'must be a non-empty list');
    const attributes = s.attributes.map((a, i) => parseAttribute(file, `${where} attributes[${i}]`, a, 0));
    const names = new Set<string>();
    for (const a of attributes) {
      if (names.has(a.name.toLowerCase())) fail(file, `${where} attributes`, `"${a.name}" is declared twice`);
      names.add(a.name.toLowerCase());
    }
    return {
      resourceType: 'User',
      required: bool(file, `${where} required`, s.required, false),
      schema: {
        id: s.id,
        name: typeof s.name === 'string' ? s.name : s.id.split(':').slice(-2).join(''),
        description: typeof s.description === 'string' ? s.description : '',
        attributes,
      },
    };
  });
}

/**
 * An unqualified attribute name resolves to the core attribute of that name, else to the one extension
 * attribute of that name. A declared attribute named like one of a built-in extension (Enterprise,
 * seat) would make that name, which IdPs send unqualified (`manager`, `department`), ambiguous: refused.
 */
export function assertNoBuiltInNames(
  file: string,
  declared: DeclaredExtension[],
  builtIn: SchemaDefinition[],
): void {
  const taken = new Map(
    builtIn.flatMap((schema) =>
      schema.attributes.map((a) => [a.name.toLowerCase(), `${schema.id}:${a.name}`]),
    ),
  );
  for (const { schema } of declared) {
    for (const attribute of schema.attributes) {
      const owner = taken.get(attribute.name.toLowerCase());
      if (owner) {
        fail(
          file,
          `${schema.id} attribute "${attribute.name}"`,
          `the name is taken by ${owner}, and an unqualified "${attribute.name}" would become ambiguous`,
        );
      }
    }
  }
}
