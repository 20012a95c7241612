/** Query strings for the barrage, already percent-encoded as they go on the wire. */

const q = (text: string) => encodeURIComponent(text);

/** Filters that are no filter (RFC 7644 §3.4.2.2), or ask for too much. */
const FILTERS: Array<[string, string]> = [
  ['empty', ''],
  ['blank', q('   ')],
  ['an attribute alone', q('userName')],
  ['no value', q('userName eq')],
  ['an unterminated string', q('userName eq "open')],
  ['a dangling and', q('userName eq "a" and')],
  ['an unclosed parenthesis', q('(userName eq "a"')],
  ['an unopened parenthesis', q('userName eq "a")')],
  ['an unknown operator', q('userName zz "a"')],
  ['an unknown attribute', q('nosuch eq "a"')],
  ['an unclosed value path', q('emails[type eq "work"')],
  ['a doubly closed value path', q('emails[type eq "work"]]')],
  ['a nested value path', q('emails[type eq "work" and emails[value pr]]')],
  ['a bare word value', q('userName eq work')],
  ['1e400', q('userName eq 1e400')],
  ['a boolean compared with gt', q('active gt true')],
  ['a bad date', q('meta.created gt "not-a-date"')],
  ['a huge year', q('meta.lastModified ge "9999999-01-01T00:00:00Z"')],
  ['pr twice', q('userName pr pr')],
  ['a bare not', q('not (')],
  ['a NUL', q('userName eq "a\u0000b"')],
  ['an encoded lone surrogate', 'userName%20eq%20%22%ED%A0%80%22'],
  ['broken percent-encoding', 'userName%20eq%20%22%E0%A4%A'],
  ['a lone quote', q('"')],
  ['a backslash', q('userName sw "\\')],
  ['an unknown schema URN', q('urn:bad:schema:userName eq "a"')],
  ['a sub-attribute too deep', q('name.givenName.first eq "a"')],
  ['a non-UUID member', q('members[value eq "not-a-uuid"]')],
  ['a non-UUID id', q('id eq "not-a-uuid"')],
  ['a like wildcard', q('userName co "%_"')],
  ['200 terms', q(Array.from({ length: 200 }, (_, i) => `userName eq "u${i}"`).join(' or '))],
  ['500 parentheses', q('('.repeat(500) + 'userName pr' + ')'.repeat(500))],
  ['5,000 characters', q(`userName eq "${'f'.repeat(5000)}"`)],
];

const NUMBERS: Array<[string, string]> = [
  ['zero', '0'],
  ['negative', '-1'],
  ['not a number', 'abc'],
  ['1e400', '1e400'],
  ['huge', '99999999999999999999'],
  ['past 2^31', '2147483648'],
  ['a fraction', '1.5'],
  ['empty', ''],
  ['hex', '0x10'],
  ['a NUL', '%00'],
];

const ATTRIBUTE_LISTS: Array<[string, string]> = [
  ['empty', ''],
  ['commas', ',,,'],
  ['unknown', 'nosuch'],
  ['an unknown URN', 'urn:bad:schema:x'],
  ['a double dot', 'name..givenName'],
  ['a NUL', 'a%00b'],
  ['a filter', q('emails[type eq "work"]')],
  ['5,000 characters', 'a'.repeat(5000)],
];

const SORTS: Array<[string, string]> = [
  ['sortBy empty', 'sortBy='],
  ['sortBy unknown', 'sortBy=nosuch'],
  ['sortBy a sub-attribute', 'sortBy=name.givenName&count=1'],
  ['sortBy a multi-valued attribute', 'sortBy=emails&count=0'],
  [
    'sortBy an extension',
    `sortBy=${q('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager')}`,
  ],
  ['sortBy a value path', `sortBy=${q('emails[type eq "work"].value')}`],
  ['sortBy a NUL', 'sortBy=a%00b'],
  ['sortBy 600 characters', `sortBy=${'s'.repeat(600)}`],
  ['sortOrder sideways', 'sortBy=userName&sortOrder=sideways'],
  ['sortOrder empty', 'sortOrder='],
  ['sortOrder a NUL', 'sortOrder=%00'],
  ['sortOrder without sortBy', 'sortOrder=descending&startIndex=999999'],
];

/** Every hostile query for a SCIM GET route. */
export const SCIM_QUERIES: Array<[string, string]> = [
  ...FILTERS.map(([label, value]): [string, string] => [`filter ${label}`, `filter=${value}`]),
  ...NUMBERS.map(([label, value]): [string, string] => [`startIndex ${label}`, `startIndex=${value}`]),
  ...NUMBERS.map(([label, value]): [string, string] => [`count ${label}`, `count=${value}`]),
  ...ATTRIBUTE_LISTS.map(([label, value]): [string, string] => [
    `attributes ${label}`,
    `attributes=${value}`,
  ]),
  ...ATTRIBUTE_LISTS.map(([label, value]): [string, string] => [
    `excludedAttributes ${label}`,
    `excludedAttributes=${value}`,
  ]),
  ['attributes and excludedAttributes', 'attributes=userName&excludedAttributes=userName'],
  ...SORTS,
  ['count twice', 'count=1&count=2'],
  ['filter twice', `filter=${q('userName pr')}&filter=${q('userName eq "a"')}`],
  ['bracketed parameter names', 'count[]=1&filter[a]=b'],
  ['a huge startIndex and count', 'startIndex=2147483647&count=2147483647'],
];

/** Hostile values for any admin query parameter (cursors, limits, dates, enums). */
export const ADMIN_QUERY_VALUES: Array<[string, string]> = [
  ...NUMBERS,
  ['garbage base64', 'eyJub3QiOiJhIGN1cnNvciJ9'],
  ['an encoded lone surrogate', '%ED%A0%80'],
  ['broken percent-encoding', '%E0%A4%A'],
  ['5,000 characters', 'c'.repeat(5000)],
  ['twice', '1&limit=2&after=3&cursor=x'],
  ['a date far away', '99999-12-31T00:00:00Z'],
];
