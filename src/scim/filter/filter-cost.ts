import type { Filter } from 'scim2-parse-filter';
import { ScimError } from '../errors/scim-error';

/**
 * What one filter may ask of the database. IdPs send one or two comparisons (`userName eq "…"`,
 * `id eq "…" and members[value eq "…"]`); a filter far beyond that is a scan of the tenant per
 * comparison, and 90 of them took seconds. On the embedded database, which runs inside the process,
 * this is the only bound on a query's cost: no statement timeout can interrupt it.
 */
export const FILTER_LIMITS = {
  /** Comparisons (`attr op value`, `attr pr`), inside brackets too. */
  terms: 20,
  /** Levels of `and`, `or`, `not` and `[…]` nested in one another. */
  depth: 8,
  /** Substring matches: no index serves `co`, `sw` or `ew`, so each reads every row of the tenant. */
  substrings: 4,
} as const;

interface Cost {
  terms: number;
  depth: number;
  substrings: number;
}

function costOf(filter: Filter, depth: number, cost: Cost): void {
  switch (filter.op) {
    case 'and':
    case 'or':
      cost.depth = Math.max(cost.depth, depth + 1);
      for (const inner of filter.filters) costOf(inner, depth + 1, cost);
      return;
    case 'not':
      cost.depth = Math.max(cost.depth, depth + 1);
      costOf(filter.filter, depth + 1, cost);
      return;
    case '[]':
      cost.depth = Math.max(cost.depth, depth + 1);
      costOf(filter.valFilter, depth + 1, cost);
      return;
    default:
      cost.terms += 1;
      if (filter.op === 'co' || filter.op === 'sw' || filter.op === 'ew') cost.substrings += 1;
  }
}

/** Refuses a filter over FILTER_LIMITS with 400 invalidFilter "filter too complex: …". */
export function checkFilterCost(filter: Filter): void {
  const cost: Cost = { terms: 0, depth: 0, substrings: 0 };
  costOf(filter, 0, cost);
  const over =
    cost.terms > FILTER_LIMITS.terms
      ? `${cost.terms} comparisons (at most ${FILTER_LIMITS.terms})`
      : cost.depth > FILTER_LIMITS.depth
        ? `nested ${cost.depth} levels deep (at most ${FILTER_LIMITS.depth})`
        : cost.substrings > FILTER_LIMITS.substrings
          ? `${cost.substrings} substring matches (co, sw, ew), which no index serves (at most ${FILTER_LIMITS.substrings})`
          : null;
  if (over) throw ScimError.badRequest('invalidFilter', `filter too complex: ${over}`);
}
