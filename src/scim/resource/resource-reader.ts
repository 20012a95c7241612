import { ScimError } from '../errors/scim-error';
import { AttributeDefinition, SchemaDefinition } from '../schema/attribute';
import { ResourceSchema } from '../schema/resource-schema';
import { assertSinglePrimary, coerceValue, isAbsent, isObject, ScimObject } from './attribute-values';

/** What a POST or PUT body says, in canonical form. */
export interface ResourceInput {
  /** The client-managed attributes as stored: canonical names, extension attributes under their URN. */
  data: ScimObject;
  /** writeOnly attributes (password), kept apart so they are never stored in `data`. */
  writeOnly: ScimObject;
}

/**
 * Reads a resource body (POST, PUT) against the schema registry: attribute names in any case,
 * nulls as absent, readOnly attributes (id, meta, groups) ignored, unknown attributes refused
 * (400 invalidSyntax), wrong types refused (400 invalidValue), required attributes checked.
 */
export function readResource(schema: ResourceSchema, body: unknown): ResourceInput {
  if (!isObject(body)) throw ScimError.badRequest('invalidSyntax', 'The request body must be a JSON object');
  checkSchemas(schema, body.schemas);
  const data: ScimObject = {};
  const writeOnly: ScimObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === 'schemas') continue;
    const { urn, rest } = schema.splitUrn(key);
    const extension = urn ? schema.extension(urn) : undefined;
    if (extension && rest === '') {
      if (isAbsent(value)) continue;
      if (!isObject(value)) throw ScimError.badRequest('invalidValue', `${extension.id} must be an object`);
      const stored = readAttributes(extension, value, extension.id, writeOnly);
      if (Object.keys(stored).length > 0) data[extension.id] = stored;
      continue;
    }
    const attribute = extension ? schema.extensionAttribute(extension.id, rest) : schema.coreAttribute(rest);
    if (!attribute)
      throw ScimError.badRequest('invalidSyntax', `"${key}" is not an attribute of ${schema.name}`);
    if (extension) {
      const target = (data[extension.id] ??= {}) as ScimObject;
      storeAttribute(attribute, value, `${extension.id}:${attribute.name}`, target, writeOnly);
    } else {
      storeAttribute(attribute, value, attribute.name, data, writeOnly);
    }
  }
  checkRequired(schema.coreSchema, data, '');
  for (const extension of schema.extensions) {
    const own = data[extension.id];
    if (isObject(own)) checkRequired(extension, own, `${extension.id}:`);
    if (isObject(own) && Object.keys(own).length === 0) delete data[extension.id];
  }
  return { data, writeOnly };
}

function checkSchemas(schema: ResourceSchema, schemas: unknown): void {
  if (!Array.isArray(schemas) || schemas.some((s) => typeof s !== 'string')) {
    throw ScimError.badRequest(
      'invalidSyntax',
      `schemas must be a list that includes "${schema.coreSchema.id}"`,
    );
  }
  // Other URIs are tolerated: Entra adds its own group schema URI that names no attribute.
  if (!schemas.some((s: string) => s.toLowerCase() === schema.coreSchema.id.toLowerCase())) {
    throw ScimError.badRequest('invalidSyntax', `schemas must include "${schema.coreSchema.id}"`);
  }
}

function readAttributes(
  schema: SchemaDefinition,
  value: ScimObject,
  prefix: string,
  writeOnly: ScimObject,
): ScimObject {
  const out: ScimObject = {};
  for (const [key, raw] of Object.entries(value)) {
    if (key.toLowerCase() === 'schemas') continue; // an extension object repeating `schemas` names no attribute
    const attribute = schema.attributes.find((a) => a.name.toLowerCase() === key.toLowerCase());
    if (!attribute)
      throw ScimError.badRequest('invalidSyntax', `"${prefix}:${key}" is not an attribute of ${schema.name}`);
    storeAttribute(attribute, raw, `${prefix}:${attribute.name}`, out, writeOnly);
  }
  return out;
}

function storeAttribute(
  attribute: AttributeDefinition,
  raw: unknown,
  label: string,
  target: ScimObject,
  writeOnly: ScimObject,
): void {
  if (attribute.mutability === 'readOnly' || isAbsent(raw)) return;
  const value = coerceValue(attribute, raw, label);
  if (value === null) return;
  assertSinglePrimary(attribute, value, label);
  if (attribute.mutability === 'writeOnly') writeOnly[attribute.name] = value;
  else target[attribute.name] = value;
}

function checkRequired(schema: SchemaDefinition, data: ScimObject, prefix: string): void {
  for (const attribute of schema.attributes) {
    if (attribute.required && attribute.mutability !== 'readOnly' && isAbsent(data[attribute.name])) {
      throw ScimError.badRequest('invalidValue', `${prefix}${attribute.name} is required`);
    }
  }
}
