import * as fc from 'fast-check';
import { stringify } from 'scim2-parse-filter';
import { ScimError } from '../errors/scim-error';
import { ANY_NAMES, filterTrees } from '../testing/filter-arbitraries';
import { FILTER_LIMITS } from './filter-cost';
import { Filter, parseFilter } from './filter-parser';

const eq = (attrPath: string, compValue: string | number | boolean | null): Filter => ({
  op: 'eq',
  attrPath,
  compValue,
});
const and = (...filters: Filter[]): Filter => ({ op: 'and', filters });
const or = (...filters: Filter[]): Filter => ({ op: 'or', filters });

function refusal(text: string): ScimError {
  try {
    parseFilter(text);
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('parseFilter', () => {
  // RFC 7644 §3.4.2.2, Figure 2 ("Example Filters"), one row per example, in the RFC's order.
  const rfcExamples: Array<[string, Filter]> = [
    ['userName eq "bjensen"', eq('userName', 'bjensen')],
    [`name.familyName co "O'Malley"`, { op: 'co', attrPath: 'name.familyName', compValue: "O'Malley" }],
    ['userName sw "J"', { op: 'sw', attrPath: 'userName', compValue: 'J' }],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
      { op: 'sw', attrPath: 'urn:ietf:params:scim:schemas:core:2.0:User:userName', compValue: 'J' },
    ],
    ['title pr', { op: 'pr', attrPath: 'title' }],
    ...(['gt', 'ge', 'lt', 'le'] as const).map((op): [string, Filter] => [
      `meta.lastModified ${op} "2011-05-13T04:42:34Z"`,
      { op, attrPath: 'meta.lastModified', compValue: '2011-05-13T04:42:34Z' },
    ]),
    ['title pr and userType eq "Employee"', and({ op: 'pr', attrPath: 'title' }, eq('userType', 'Employee'))],
    ['title pr or userType eq "Intern"', or({ op: 'pr', attrPath: 'title' }, eq('userType', 'Intern'))],
    [
      'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
      eq('schemas', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'),
    ],
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      and(
        eq('userType', 'Employee'),
        or(
          { op: 'co', attrPath: 'emails', compValue: 'example.com' },
          { op: 'co', attrPath: 'emails.value', compValue: 'example.org' },
        ),
      ),
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      and(
        { op: 'ne', attrPath: 'userType', compValue: 'Employee' },
        {
          op: 'not',
          filter: or(
            { op: 'co', attrPath: 'emails', compValue: 'example.com' },
            { op: 'co', attrPath: 'emails.value', compValue: 'example.org' },
          ),
        },
      ),
    ],
    [
      'userType eq "Employee" and (emails.type eq "work")',
      and(eq('userType', 'Employee'), eq('emails.type', 'work')),
    ],
    [
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      and(eq('userType', 'Employee'), {
        op: '[]',
        attrPath: 'emails',
        valFilter: and(eq('type', 'work'), { op: 'co', attrPath: 'value', compValue: '@example.com' }),
      }),
    ],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      or(
        {
          op: '[]',
          attrPath: 'emails',
          valFilter: and(eq('type', 'work'), { op: 'co', attrPath: 'value', compValue: '@example.com' }),
        },
        {
          op: '[]',
          attrPath: 'ims',
          valFilter: and(eq('type', 'xmpp'), { op: 'co', attrPath: 'value', compValue: '@foo.com' }),
        },
      ),
    ],
  ];

  it.each(rfcExamples)('parses the RFC 7644 example %s', (text, tree) => {
    expect(parseFilter(text)).toEqual(tree);
  });

  // RFC 7644 §3.4.2.2: "the following two expressions will evaluate to the same logical value".
  it.each(['userName Eq "john"', 'Username eq "john"'])('reads operators in any case: %s', (text) => {
    const tree = parseFilter(text);
    expect(tree).toMatchObject({ op: 'eq', compValue: 'john' });
    expect('attrPath' in tree && tree.attrPath.toLowerCase()).toBe('username');
  });

  it.each<[string, Filter]>([
    // Precedence: not over and, and over or; brackets group.
    [
      'a pr or b pr and c pr',
      or({ op: 'pr', attrPath: 'a' }, and({ op: 'pr', attrPath: 'b' }, { op: 'pr', attrPath: 'c' })),
    ],
    [
      '(a pr or b pr) and c pr',
      and(or({ op: 'pr', attrPath: 'a' }, { op: 'pr', attrPath: 'b' }), { op: 'pr', attrPath: 'c' }),
    ],
    [
      'a pr and b pr and c pr',
      and({ op: 'pr', attrPath: 'a' }, { op: 'pr', attrPath: 'b' }, { op: 'pr', attrPath: 'c' }),
    ],
    [
      'not (a pr) and b pr',
      and({ op: 'not', filter: { op: 'pr', attrPath: 'a' } }, { op: 'pr', attrPath: 'b' }),
    ],
    // Literals: JSON strings, numbers, true, false, null.
    ['active eq true', eq('active', true)],
    ['active ne false', { op: 'ne', attrPath: 'active', compValue: false }],
    ['nickName eq null', eq('nickName', null)],
    ['quota.amount ge 1.5', { op: 'ge', attrPath: 'quota.amount', compValue: 1.5 }],
    ['quota.amount eq 10', eq('quota.amount', 10)],
    ['displayName eq "say \\"hi\\""', eq('displayName', 'say "hi"')],
    ['displayName eq "a (b) [c]"', eq('displayName', 'a (b) [c]')],
    // Strings are JSON strings: every escape means what it means in JSON.
    [String.raw`userName eq "DOMAIN\\jdoe"`, eq('userName', 'DOMAIN\\jdoe')],
    [String.raw`displayName eq "ends in \\"`, eq('displayName', 'ends in \\')],
    [String.raw`displayName eq "Ren\u00e9e\t\/"`, eq('displayName', 'Renée\t/')],
    // A backslash that escapes nothing is kept as written (clients that do not escape it mean it so).
    [String.raw`userName eq "CONTOSO\jdoe"`, eq('userName', 'CONTOSO\\jdoe')],
    // Negative numbers and exponents, wherever they stand.
    [
      'quota.amount gt -1 and active eq true',
      and({ op: 'gt', attrPath: 'quota.amount', compValue: -1 }, eq('active', true)),
    ],
    ['(quota.amount lt -2.5)', { op: 'lt', attrPath: 'quota.amount', compValue: -2.5 }],
    [
      'quota.amount le 1e+3 or quota.amount ge 2E-2',
      or(
        { op: 'le', attrPath: 'quota.amount', compValue: 1000 },
        { op: 'ge', attrPath: 'quota.amount', compValue: 0.02 },
      ),
    ],
  ])('reads %s', (text, tree) => {
    expect(parseFilter(text)).toEqual(tree);
  });

  it.each([
    ['an unknown operator', 'userName lw "x"'],
    ['a missing value', 'userName eq'],
    ['an unquoted string', 'userName eq bjensen'],
    ['an unclosed bracket', '(userName eq "x"'],
    ['an unclosed value filter', 'emails[type eq "work"'],
    ['an unclosed string', 'userName eq "x'],
    ['a dangling and', 'userName eq "x" and'],
    ['nothing', ' '],
  ])('refuses %s with 400 invalidFilter', (_, text) => {
    const error = refusal(text);
    expect(error.status).toBe(400);
    expect(error.scimType).toBe('invalidFilter');
    expect(error.detail).toContain('is not a valid SCIM filter');
  });

  it('refuses a filter longer than 4096 characters before parsing it', () => {
    const error = refusal(`userName eq "${'x'.repeat(4096)}"`);
    expect([error.status, error.scimType, error.detail]).toEqual([
      400,
      'invalidFilter',
      'filter is longer than 4096 characters',
    ]);
  });

  it.each([
    ['a NUL character', 'userName eq "a\u0000b"', 'contains a NUL character'],
    ['a lone surrogate', 'userName eq "a\ud800b"', 'contains a lone UTF-16 surrogate'],
    ['an escaped NUL character', String.raw`userName eq "a\u0000b"`, 'contains a NUL character'],
    ['an escaped lone surrogate', String.raw`userName eq "\ud800"`, 'contains a lone UTF-16 surrogate'],
  ])('refuses %s, which PostgreSQL cannot compare', (_, text, detail) => {
    const error = refusal(text);
    expect(error.scimType).toBe('invalidFilter');
    expect(error.detail).toContain(detail);
  });

  it.each([
    [
      `${FILTER_LIMITS.terms + 1} comparisons`,
      Array.from({ length: FILTER_LIMITS.terms + 1 }, (_, i) => `a${i} pr`).join(' or '),
      `filter too complex: ${FILTER_LIMITS.terms + 1} comparisons (at most ${FILTER_LIMITS.terms})`,
    ],
    [
      `${FILTER_LIMITS.depth + 1} levels of not`,
      `${'not ('.repeat(FILTER_LIMITS.depth + 1)}a pr${')'.repeat(FILTER_LIMITS.depth + 1)}`,
      `filter too complex: nested ${FILTER_LIMITS.depth + 1} levels deep (at most ${FILTER_LIMITS.depth})`,
    ],
    [
      `${FILTER_LIMITS.substrings + 1} substring matches`,
      Array.from({ length: FILTER_LIMITS.substrings + 1 }, (_, i) => `a${i} co "x"`).join(' or '),
      `filter too complex: ${FILTER_LIMITS.substrings + 1} substring matches (co, sw, ew), which no index serves (at most ${FILTER_LIMITS.substrings})`,
    ],
  ])('refuses %s', (_, text, detail) => {
    const error = refusal(text);
    expect([error.status, error.scimType, error.detail]).toEqual([400, 'invalidFilter', detail]);
  });

  it('accepts a filter at every limit', () => {
    const terms = Array.from({ length: FILTER_LIMITS.terms }, (_, i) =>
      i < FILTER_LIMITS.substrings ? `a${i} co "x"` : `a${i} pr`,
    );
    expect(() => parseFilter(terms.join(' or '))).not.toThrow();
    expect(parseFilter(terms.join(' or '))).toMatchObject({ op: 'or' });
  });
});

describe('parseFilter, property', () => {
  it('parses a printed filter back to the same tree', () => {
    fc.assert(
      fc.property(filterTrees(ANY_NAMES), (tree) => {
        expect(parseFilter(stringify(tree))).toEqual(tree);
      }),
      { seed: 7644, numRuns: 500 },
    );
  });
});
