import type { Filter } from 'scim2-parse-filter';
import { ScimError } from '../errors/scim-error';
import { AttributeDefinition } from '../schema/attribute';
import { isObject } from '../resource/attribute-values';

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function compareValues(sub: AttributeDefinition, actual: unknown, expected: unknown): number | null {
  if (actual === undefined || actual === null) return null;
  if (sub.type === 'dateTime') return Date.parse(scalar(actual)) - Date.parse(scalar(expected));
  if (sub.type === 'integer' || sub.type === 'decimal') return Number(actual) - Number(expected);
  if (sub.type === 'boolean') {
    const e = typeof expected === 'string' ? expected.toLowerCase() === 'true' : expected;
    return actual === e ? 0 : 1;
  }
  const a = sub.caseExact ? scalar(actual) : scalar(actual).toLowerCase();
  const b = sub.caseExact ? scalar(expected) : scalar(expected).toLowerCase();
  return a === b ? 0 : a < b ? -1 : 1;
}

function text(sub: AttributeDefinition, value: unknown): string {
  return sub.caseExact ? scalar(value) : scalar(value).toLowerCase();
}

/**
 * Whether one element of a multi-valued complex attribute satisfies a PATCH path's value filter
 * (`emails[type eq "work"]`), comparing as the sub-attribute's type and caseExact say.
 */
export function elementMatches(filter: Filter, element: unknown, parent: AttributeDefinition): boolean {
  if (!isObject(element)) return false;
  switch (filter.op) {
    case 'and':
      return filter.filters.every((f) => elementMatches(f, element, parent));
    case 'or':
      return filter.filters.some((f) => elementMatches(f, element, parent));
    case 'not':
      return !elementMatches(filter.filter, element, parent);
    case '[]':
      throw ScimError.badRequest('invalidPath', 'a value filter cannot be nested inside another');
  }
  const sub = parent.subAttributes?.find((s) => s.name.toLowerCase() === filter.attrPath.toLowerCase());
  if (!sub) {
    throw ScimError.badRequest(
      'invalidPath',
      `"${filter.attrPath}" is not a sub-attribute of ${parent.name}`,
    );
  }
  const actual = element[sub.name];
  if (filter.op === 'pr') return actual !== undefined && actual !== null && actual !== '';
  const expected = filter.compValue;
  if (expected === null)
    return filter.op === 'eq' ? actual === undefined : filter.op === 'ne' && actual !== undefined;
  switch (filter.op) {
    case 'co':
      return actual != null && text(sub, actual).includes(text(sub, expected));
    case 'sw':
      return actual != null && text(sub, actual).startsWith(text(sub, expected));
    case 'ew':
      return actual != null && text(sub, actual).endsWith(text(sub, expected));
  }
  const order = compareValues(sub, actual, expected);
  switch (filter.op) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'gt':
      return order !== null && order > 0;
    case 'ge':
      return order !== null && order >= 0;
    case 'lt':
      return order !== null && order < 0;
    case 'le':
      return order !== null && order <= 0;
  }
}

/** The `sub eq value` terms of a filter joined by `and`: what a new element must carry (add with filter). */
export function equalityTerms(filter: Filter): Array<[string, unknown]> {
  if (filter.op === 'eq') return [[filter.attrPath, filter.compValue]];
  if (filter.op === 'and') return filter.filters.flatMap(equalityTerms);
  return [];
}
