import { ScimError } from '../errors/scim-error';
import { AttributeDefinition } from '../schema/attribute';

export type ScimObject = Record<string, unknown>;

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const BASE64 = /^[A-Za-z0-9+/=\s_-]*$/;

function wrongType(label: string, expected: string): ScimError {
  return ScimError.badRequest('invalidValue', `${label} must be ${expected}`);
}

export function isObject(value: unknown): value is ScimObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops null and empty values: a client sending `"nickName": null` means "no nickName" (RFC 7643 §2.5). */
export function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/**
 * Checks and normalises one simple value against its definition. String booleans ("True", "false")
 * become booleans, as Microsoft Entra ID sends them.
 */
export function coerceSimple(attribute: AttributeDefinition, value: unknown, label: string): unknown {
  switch (attribute.type) {
    case 'string':
    case 'reference':
      if (typeof value !== 'string') throw wrongType(label, 'a string');
      return value;
    case 'binary':
      if (typeof value !== 'string' || !BASE64.test(value)) throw wrongType(label, 'base64-encoded binary');
      return value;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
        return value.trim().toLowerCase() === 'true';
      throw wrongType(label, 'true or false');
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrongType(label, 'an integer');
      return value;
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(label, 'a number');
      return value;
    case 'dateTime':
      if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
        throw wrongType(label, 'a dateTime such as 2011-05-13T04:42:34Z');
      }
      return value;
    case 'complex':
      throw new Error('coerceSimple called on a complex attribute');
  }
}

/**
 * Normalises a complex value: sub-attribute names to their canonical case, read-only ones (set by the
 * server) ignored, unknown ones refused, except in a reference to a resource (a value with `$ref`:
 * members, manager), which its `value` identifies, so other keys (Microsoft sends `displayName`) are
 * ignored. For a single-valued attribute, a bare string stands for `{"value": …}` and a list of one for
 * its element, as Entra sends the manager.
 */
export function coerceComplex(
  attribute: AttributeDefinition,
  value: unknown,
  label: string,
): ScimObject | null {
  const subs = attribute.subAttributes ?? [];
  if (!attribute.multiValued && Array.isArray(value)) {
    if (value.length > 1) throw wrongType(label, 'a single value, not a list');
    return value.length === 0 ? null : coerceComplex(attribute, value[0], label);
  }
  if (typeof value === 'string' && subs.some((s) => s.name === 'value')) {
    return value === '' ? null : { value };
  }
  if (!isObject(value)) throw wrongType(label, 'an object');
  const reference = subs.some((s) => s.name === '$ref');
  const out: ScimObject = {};
  for (const [key, raw] of Object.entries(value)) {
    const sub = subs.find((s) => s.name.toLowerCase() === key.toLowerCase());
    if (!sub && reference) continue;
    if (!sub)
      throw ScimError.badRequest('invalidSyntax', `${label}.${key} is not an attribute of ${attribute.name}`);
    if (sub.mutability === 'readOnly' || isAbsent(raw)) continue;
    out[sub.name] = coerceSimple(sub, raw, `${label}.${sub.name}`);
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** A single value of the attribute (one element, for multi-valued attributes). */
export function coerceElement(attribute: AttributeDefinition, value: unknown, label: string): unknown {
  return attribute.type === 'complex'
    ? coerceComplex(attribute, value, label)
    : coerceSimple(attribute, value, label);
}

/** A whole attribute value; a multi-valued attribute given one value gets a list of one. */
export function coerceValue(attribute: AttributeDefinition, value: unknown, label: string): unknown {
  if (!attribute.multiValued) return coerceElement(attribute, value, label);
  const list = Array.isArray(value) ? value : [value];
  const elements = list
    .filter((v) => !isAbsent(v))
    .map((v, i) => coerceElement(attribute, v, `${label}[${i}]`))
    .filter((v) => v !== null);
  return elements.length > 0 ? elements : null;
}

/** RFC 7643 §2.4: at most one element of a multi-valued attribute is primary. */
export function assertSinglePrimary(attribute: AttributeDefinition, value: unknown, label: string): void {
  if (!attribute.multiValued || !Array.isArray(value)) return;
  const primaries = value.filter((v) => isObject(v) && v.primary === true).length;
  if (primaries > 1) throw ScimError.badRequest('invalidValue', `${label} has more than one primary value`);
}
