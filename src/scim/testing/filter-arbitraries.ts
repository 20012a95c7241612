import * as fc from 'fast-check';
import { stringify } from 'scim2-parse-filter';
import { checkFilterCost } from '../filter/filter-cost';
import { Filter } from '../filter/filter-parser';

/** The names a generated filter uses: attribute paths, attributes with a value filter, their sub-attributes. */
export interface FilterNames {
  attrPath: fc.Arbitrary<string>;
  valuePathAttr: fc.Arbitrary<string>;
  subAttr: fc.Arbitrary<string>;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'pr', 'eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le']);
/** Attribute names of the RFC's ATTRNAME rule (ALPHA *(nameChar)), none of them a keyword of the grammar. */
export const attrName = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,7}$/)
  .filter((name) => !KEYWORDS.has(name.toLowerCase()));

/** Any name the grammar allows, with or without a sub-attribute and an extension URN. */
export const ANY_NAMES: FilterNames = {
  attrPath: fc
    .tuple(
      fc.constantFrom('', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:'),
      attrName,
      fc.option(attrName, { nil: undefined }),
    )
    .map(([urn, name, sub]) => `${urn}${name}${sub ? `.${sub}` : ''}`),
  valuePathAttr: attrName,
  subAttr: attrName,
};

/** Any JSON string the grammar allows: quotes, backslashes, brackets and non-ASCII text included. */
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '/', '(', ')', '[', ']', '%', '_', '\t') }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('2011-05-13T04:42:34Z', 'true', '2819c223-7f76-453a-919d-413861904646'),
);
const compValue = fc.oneof(
  text,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
);

function attrExp(attrPath: fc.Arbitrary<string>): fc.Arbitrary<Filter> {
  return fc.oneof(
    fc.record({
      op: fc.constantFrom('eq', 'ne', 'co', 'sw', 'ew', 'gt', 'lt', 'ge', 'le'),
      attrPath,
      compValue,
    }) as fc.Arbitrary<Filter>,
    fc.record({ op: fc.constant('pr'), attrPath }) as fc.Arbitrary<Filter>,
  );
}

function tree(leaf: fc.Arbitrary<Filter>, valuePath: fc.Arbitrary<Filter> | null): fc.Arbitrary<Filter> {
  return fc.letrec<{ tree: Filter; and: Filter; or: Filter; not: Filter }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      tie('and'),
      tie('or'),
      tie('not'),
      ...(valuePath ? [valuePath] : []),
    ),
    and: fc
      .array(
        tie('tree').filter((f) => f.op !== 'and'),
        { minLength: 2, maxLength: 3 },
      )
      .map((filters) => ({ op: 'and', filters })),
    or: fc
      .array(
        tie('tree').filter((f) => f.op !== 'or'),
        { minLength: 2, maxLength: 3 },
      )
      .map((filters) => ({ op: 'or', filters })),
    not: tie('tree').map((filter) => ({ op: 'not', filter })),
  })).tree;
}

/** Within FILTER_LIMITS and the length limit, so that parseFilter takes it. */
function withinLimits(filter: Filter): boolean {
  try {
    checkFilterCost(filter);
    return stringify(filter).length <= 4096;
  } catch {
    return false;
  }
}

/**
 * Filters as the parser builds them: `and` and `or` have two or more operands and never directly
 * hold an operator of their own kind (`a and b and c` is one `and`), value filters hold no value filter.
 */
export function filterTrees(names: FilterNames): fc.Arbitrary<Filter> {
  const valFilter = tree(attrExp(names.subAttr), null);
  const valuePath = fc
    .tuple(names.valuePathAttr, valFilter)
    .map(([attrPath, inner]): Filter => ({ op: '[]', attrPath, valFilter: inner }));
  return tree(attrExp(names.attrPath), valuePath).filter(withinLimits);
}
