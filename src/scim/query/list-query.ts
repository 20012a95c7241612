import { ScimError } from '../errors/scim-error';
import { Filter, parseFilter } from '../filter/filter-parser';

/** Page sizes, published in ServiceProviderConfig (filter.maxResults). */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface Projection {
  attributes: string[];
  excludedAttributes: string[];
}

/** A query of RFC 7644 §3.4.2, from GET query parameters or a POST /.search body. */
export interface ListQuery extends Projection {
  filter: Filter | null;
  sortBy: string | null;
  sortOrder: 'ascending' | 'descending';
  /** 1-based, as in the RFC. */
  startIndex: number;
  count: number;
}

/** The raw parameters, as strings (query string) or JSON values (SearchRequest). */
export interface RawListQuery {
  filter?: unknown;
  sortBy?: unknown;
  sortOrder?: unknown;
  startIndex?: unknown;
  count?: unknown;
  attributes?: unknown;
  excludedAttributes?: unknown;
}

function integerParam(name: string, raw: unknown): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value)) throw ScimError.badRequest('invalidValue', `${name} must be an integer`);
  return value;
}

function stringParam(name: string, raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') throw ScimError.badRequest('invalidValue', `${name} must be a string`);
  return raw;
}

/** `attributes` as a comma-separated string (query) or a list of strings (SearchRequest). */
export function attributeList(name: string, raw: unknown): string[] {
  if (raw === undefined || raw === null || raw === '') return [];
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : null;
  if (!items || items.some((i) => typeof i !== 'string')) {
    throw ScimError.badRequest('invalidValue', `${name} must be a comma-separated list of attribute names`);
  }
  return (items as string[]).map((i) => i.trim()).filter(Boolean);
}

export function parseProjection(raw: { attributes?: unknown; excludedAttributes?: unknown }): Projection {
  return {
    attributes: attributeList('attributes', raw.attributes),
    excludedAttributes: attributeList('excludedAttributes', raw.excludedAttributes),
  };
}

/**
 * Validates paging per RFC 7644 §3.4.2.4: startIndex below 1 is 1, a negative count is 0, and a count
 * above the maximum is clamped to it.
 */
export function parseListQuery(raw: RawListQuery): ListQuery {
  const filterText = stringParam('filter', raw.filter);
  const sortOrder = stringParam('sortOrder', raw.sortOrder)?.toLowerCase() ?? 'ascending';
  if (sortOrder !== 'ascending' && sortOrder !== 'descending') {
    throw ScimError.badRequest('invalidValue', 'sortOrder must be "ascending" or "descending"');
  }
  const startIndex = Math.max(1, integerParam('startIndex', raw.startIndex) ?? 1);
  const count = Math.min(MAX_PAGE_SIZE, Math.max(0, integerParam('count', raw.count) ?? DEFAULT_PAGE_SIZE));
  return {
    filter: filterText !== undefined ? parseFilter(filterText) : null,
    sortBy: stringParam('sortBy', raw.sortBy) ?? null,
    sortOrder,
    startIndex,
    count,
    ...parseProjection(raw),
  };
}
