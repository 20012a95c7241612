import { parseFilter } from '../filter/filter-parser';
import { AttributeDefinition } from '../schema/attribute';
import { SEAT_SCHEMA } from '../../seats/seat-schema';
import { groupSchema, userSchema } from '../testing/scim-fixtures';
import { elementMatches, equalityTerms } from './element-matcher';
import { parsePatchPath } from './patch-path';

function attributeOf(schema = userSchema, name: string): AttributeDefinition {
  const found = schema.coreAttribute(name) ?? userSchema.extensionAttribute(SEAT_SCHEMA, name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

const work = { value: 'bjensen@example.com', type: 'work', primary: true };
const home = { value: 'babs@jensen.org', type: 'home' };
const xmpp = { value: 'babs@foo.com', type: 'xmpp' };

describe('elementMatches: value filters evaluated on one value, as PATCH paths select them', () => {
  // The bracketed filters of RFC 7644 §3.4.2.2 and §3.5.2, on emails and ims.
  it.each<[string, string, unknown, boolean]>([
    ['emails', 'type eq "work" and value co "@example.com"', work, true],
    ['emails', 'type eq "work" and value co "@example.com"', home, false],
    ['ims', 'type eq "xmpp" and value co "@foo.com"', xmpp, true],
    ['emails', 'type eq "work" and value ew "example.com"', work, true],
    ['emails', 'type eq "WORK"', work, true],
    ['emails', 'value sw "BJENSEN"', work, true],
    ['emails', 'type ne "work"', home, true],
    ['emails', 'type eq "work" or type eq "home"', home, true],
    ['emails', 'not (type eq "work")', work, false],
    ['emails', 'primary eq true', work, true],
    ['emails', 'primary eq "True"', work, true],
    ['emails', 'primary eq true', home, false],
    ['emails', 'primary pr', home, false],
    ['emails', 'display eq null', home, true],
    ['emails', 'display ne null', home, false],
    ['emails', 'value gt "a"', home, true],
    ['emails', 'value lt "a"', home, false],
    ['emails', 'display gt "a"', home, false],
    ['emails', 'value co "@"', 'not an object', false],
  ])('%s[%s] on %j: %s', (attribute, filter, element, matches) => {
    expect(elementMatches(parseFilter(filter), element, attributeOf(userSchema, attribute))).toBe(matches);
  });

  it('compares caseExact sub-attributes exactly', () => {
    const members = attributeOf(groupSchema, 'members');
    const member = { value: 'ABC', type: 'User' };
    expect(elementMatches(parseFilter('value eq "ABC"'), member, members)).toBe(true);
    expect(elementMatches(parseFilter('value eq "abc"'), member, members)).toBe(false);
    expect(elementMatches(parseFilter('type eq "user"'), member, members)).toBe(true);
  });

  it('compares numbers and dateTimes as numbers and instants', () => {
    const quota = attributeOf(userSchema, 'quota');
    expect(elementMatches(parseFilter('amount ge 10'), { amount: 10.5 }, quota)).toBe(true);
    expect(elementMatches(parseFilter('amount lt 10'), { amount: 9 }, quota)).toBe(true);
    expect(elementMatches(parseFilter('amount gt -1'), { amount: 0 }, quota)).toBe(true);
    const meta = userSchema.coreAttribute('meta')!;
    const dated = { lastModified: '2011-05-13T06:42:34+02:00' };
    expect(elementMatches(parseFilter('lastModified eq "2011-05-13T04:42:34Z"'), dated, meta)).toBe(true);
  });

  it('refuses an unknown sub-attribute and a nested value filter with 400 invalidPath', () => {
    const emails = attributeOf(userSchema, 'emails');
    expect(() => elementMatches(parseFilter('kind eq "work"'), work, emails)).toThrow(
      expect.objectContaining({
        status: 400,
        scimType: 'invalidPath',
        detail: '"kind" is not a sub-attribute of emails',
      }) as Error,
    );
    expect(() => elementMatches(parseFilter('type[value pr]'), work, emails)).toThrow(
      expect.objectContaining({ status: 400, scimType: 'invalidPath' }) as Error,
    );
  });

  it('takes the eq terms joined by and as what a value added through the filter carries', () => {
    expect(equalityTerms(parseFilter('type eq "work" and primary eq true'))).toEqual([
      ['type', 'work'],
      ['primary', true],
    ]);
    expect(equalityTerms(parseFilter('type eq "work" or type eq "home"'))).toEqual([]);
  });
});

describe('parsePatchPath: the paths of RFC 7644 §3.5.2 (Figure 5)', () => {
  it.each<[string, object]>([
    ['members', { attrPath: 'members', filter: null, subAttr: null }],
    ['name.familyName', { attrPath: 'name.familyName', filter: null, subAttr: null }],
    [
      'addresses[type eq "work"]',
      { attrPath: 'addresses', filter: { op: 'eq', attrPath: 'type', compValue: 'work' }, subAttr: null },
    ],
    [
      'members[value eq "2819c223-7f76-453a-919d-413861904646"]',
      {
        attrPath: 'members',
        filter: { op: 'eq', attrPath: 'value', compValue: '2819c223-7f76-453a-919d-413861904646' },
        subAttr: null,
      },
    ],
    [
      'members[value eq "2819c223-7f76-453a-919d-413861904646"].displayName',
      {
        attrPath: 'members',
        filter: { op: 'eq', attrPath: 'value', compValue: '2819c223-7f76-453a-919d-413861904646' },
        subAttr: 'displayName',
      },
    ],
    // A "]" inside a quoted value does not close the filter.
    [
      'emails[value eq "a]b"].type',
      { attrPath: 'emails', filter: { op: 'eq', attrPath: 'value', compValue: 'a]b' }, subAttr: 'type' },
    ],
    [
      'emails[value eq "say \\"]\\""]',
      { attrPath: 'emails', filter: { op: 'eq', attrPath: 'value', compValue: 'say "]"' }, subAttr: null },
    ],
  ])('reads %s', (path, parsed) => {
    expect(parsePatchPath(path)).toEqual(parsed);
  });
});
