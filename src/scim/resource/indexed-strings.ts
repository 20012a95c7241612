import { ScimError } from '../errors/scim-error';
import { isObject, ScimObject } from './attribute-values';

/**
 * Longest value an indexed string attribute may hold. PostgreSQL refuses a B-tree or GIN entry above
 * about 2,700 bytes (a third of a page); 512 characters stay below that in any script, at most four
 * bytes each in UTF-8. Longer strings elsewhere are bounded by the body size alone.
 */
export const MAX_INDEXED_LENGTH = 512;

/** A string attribute that an index holds, and how its values are kept. */
export interface IndexedString {
  /** `userName`, or `emails.value` for the `value` of every element of a multi-valued attribute. */
  path: string;
  /** Leading and trailing whitespace is removed before the value is stored (and compared). */
  trim?: boolean;
  /** A value that is empty or only whitespace is refused. */
  notBlank?: boolean;
}

function checked(rule: IndexedString, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const kept = rule.trim ? value.trim() : value;
  if (rule.notBlank && kept.trim() === '') {
    throw ScimError.badRequest('invalidValue', `${rule.path} must not be blank`);
  }
  if (kept.length > MAX_INDEXED_LENGTH) {
    throw ScimError.badRequest(
      'invalidValue',
      `${rule.path} is longer than ${MAX_INDEXED_LENGTH} characters`,
    );
  }
  return kept;
}

/**
 * Applies the rules to a resource document about to be written (after POST, PUT or PATCH): trims,
 * refuses blank and over-long values with 400 invalidValue naming the attribute, so that no write
 * reaches an index with a value it cannot hold.
 */
export function normalizeIndexedStrings(data: ScimObject, rules: IndexedString[]): void {
  for (const rule of rules) {
    const [name, sub] = rule.path.split('.');
    const value = data[name];
    if (value === undefined || value === null) continue;
    if (sub === undefined) {
      data[name] = checked(rule, value);
      continue;
    }
    for (const element of Array.isArray(value) ? value : [value]) {
      if (isObject(element) && sub in element) element[sub] = checked(rule, element[sub]);
    }
  }
}
