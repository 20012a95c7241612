import * as fc from 'fast-check';
import { stringify } from 'scim2-parse-filter';
import { ScimError } from '../errors/scim-error';
import { SEAT_SCHEMA } from '../../seats/seat-schema';
import { ENTERPRISE_USER_SCHEMA } from '../schema/urns';
import { filterTrees } from '../testing/filter-arbitraries';
import { GROUPS_TABLE, groupSchema, USERS_TABLE, userSchema } from '../testing/scim-fixtures';
import { parseFilter } from './filter-parser';
import { FilterToSql, ResourceStorage } from './filter-to-sql';
import { SqlParams } from './sql-params';

/** `$1` is the tenant id, as in every list query; the filter's values follow it. */
function translate(text: string, storage: ResourceStorage = USERS_TABLE) {
  const params = new SqlParams(['tenant']);
  const schema = storage === USERS_TABLE ? userSchema : groupSchema;
  const sql = new FilterToSql(schema, storage, params).translate(parseFilter(text));
  return { sql, params: params.values.slice(1) };
}

function refusal(text: string, storage: ResourceStorage = USERS_TABLE): ScimError {
  try {
    translate(text, storage);
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error(`"${text}" was translated`);
}

// SQL fragments the translations below are made of.
const doc = (n: number) => `(r.data #> $${n}::text[])`;
const docText = (n: number) => `(r.data #>> $${n}::text[])`;
const present = (json: string) =>
  `(jsonb_typeof(${json}) IS NOT NULL AND jsonb_typeof(${json}) <> 'null' AND ${json} <> '""'::jsonb)`;
/** The elements of the array at `$n` of the document (none when it is not an array). */
const elementsOf = (n: number) =>
  `jsonb_array_elements(CASE WHEN jsonb_typeof(${doc(n)}) = 'array' THEN ${doc(n)} ELSE '[]'::jsonb END) AS scim_element(v)`;
const someElement = (n: number, condition: string) =>
  `EXISTS (SELECT 1 FROM ${elementsOf(n)} WHERE ${condition})`;

describe('FilterToSql', () => {
  // RFC 7644 §3.4.2.2, Figure 2, in the RFC's order, against a User table aliased `r`.
  const rfcExamples: Array<[string, string, unknown[]]> = [
    ['userName eq "bjensen"', 'lower(r.user_name) = lower($2)', ['bjensen']],
    [`name.familyName co "O'Malley"`, `lower(${docText(2)}) LIKE $3`, [['name', 'familyName'], "%o'malley%"]],
    ['userName sw "J"', 'lower(r.user_name) LIKE $2', ['j%']],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"', 'lower(r.user_name) LIKE $2', ['j%']],
    ['title pr', present(doc(2)), [['title']]],
    [
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      'r.last_modified > $2::timestamptz',
      ['2011-05-13T04:42:34.000Z'],
    ],
    [
      'meta.lastModified ge "2011-05-13T04:42:34Z"',
      'r.last_modified >= $2::timestamptz',
      ['2011-05-13T04:42:34.000Z'],
    ],
    [
      'meta.lastModified lt "2011-05-13T04:42:34Z"',
      'r.last_modified < $2::timestamptz',
      ['2011-05-13T04:42:34.000Z'],
    ],
    [
      'meta.lastModified le "2011-05-13T04:42:34Z"',
      'r.last_modified <= $2::timestamptz',
      ['2011-05-13T04:42:34.000Z'],
    ],
    [
      'title pr and userType eq "Employee"',
      `(${present(doc(2))} AND lower(${docText(3)}) = lower($4))`,
      [['title'], ['userType'], 'Employee'],
    ],
    [
      'title pr or userType eq "Intern"',
      `(${present(doc(2))} OR lower(${docText(3)}) = lower($4))`,
      [['title'], ['userType'], 'Intern'],
    ],
    // (schemas eq "…": see the refusals below.)
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      `(lower(${docText(2)}) = lower($3) AND (${someElement(5, 'lower((scim_element.v ->> $4)) LIKE $6')} OR ${someElement(8, 'lower((scim_element.v ->> $7)) LIKE $9')}))`,
      [['userType'], 'Employee', 'value', ['emails'], '%example.com%', 'value', ['emails'], '%example.org%'],
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      `((${docText(2)} IS NULL OR lower(${docText(2)}) <> lower($3)) AND (NOT COALESCE((${someElement(5, 'lower((scim_element.v ->> $4)) LIKE $6')} OR ${someElement(8, 'lower((scim_element.v ->> $7)) LIKE $9')}), false)))`,
      [['userType'], 'Employee', 'value', ['emails'], '%example.com%', 'value', ['emails'], '%example.org%'],
    ],
    [
      'userType eq "Employee" and (emails.type eq "work")',
      `(lower(${docText(2)}) = lower($3) AND ${someElement(5, 'lower((scim_element.v ->> $4)) = lower($6)')})`,
      [['userType'], 'Employee', 'type', ['emails'], 'work'],
    ],
    [
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      `(lower(${docText(2)}) = lower($3) AND ${someElement(8, '(lower((scim_element.v ->> $4)) = lower($5) AND lower((scim_element.v ->> $6)) LIKE $7)')})`,
      [['userType'], 'Employee', 'type', 'work', 'value', '%@example.com%', ['emails']],
    ],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      `(${someElement(6, '(lower((scim_element.v ->> $2)) = lower($3) AND lower((scim_element.v ->> $4)) LIKE $5)')} OR ${someElement(11, '(lower((scim_element.v ->> $7)) = lower($8) AND lower((scim_element.v ->> $9)) LIKE $10)')})`,
      ['type', 'work', 'value', '%@example.com%', ['emails'], 'type', 'xmpp', 'value', '%@foo.com%', ['ims']],
    ],
    // §3.4.2.2: attribute names and operators are case-insensitive.
    ['userName Eq "john"', 'lower(r.user_name) = lower($2)', ['john']],
    ['Username eq "john"', 'lower(r.user_name) = lower($2)', ['john']],
  ];

  it.each(rfcExamples)('translates the RFC 7644 example %s', (text, sql, params) => {
    expect(translate(text)).toEqual({ sql, params });
  });

  const byKind: Array<[string, string, string, unknown[]]> = [
    // Columns
    ['a caseExact text column as is', 'externalId eq "AB-1"', 'r.external_id = $2', ['AB-1']],
    [
      'a trimmed column with the value trimmed',
      'userName eq "  Babs "',
      'lower(r.user_name) = lower($2)',
      ['Babs'],
    ],
    [
      'ne as "absent or different"',
      'externalId ne "x"',
      '(r.external_id IS NULL OR r.external_id <> $2)',
      ['x'],
    ],
    ['gt on strings in byte order', 'userName gt "m"', 'lower(r.user_name) COLLATE "C" > lower($2)', ['m']],
    [
      'LIKE metacharacters as themselves',
      'userName co "50%_off\\\\"',
      'lower(r.user_name) LIKE $2',
      ['%50\\%\\_off\\\\%'],
    ],
    ['ew', 'userName ew "@EXAMPLE.com"', 'lower(r.user_name) LIKE $2', ['%@example.com']],
    [
      'a uuid column',
      'id eq "2819c223-7f76-453a-919d-413861904646"',
      'r.id = $2::uuid',
      ['2819c223-7f76-453a-919d-413861904646'],
    ],
    ['a uuid column and a value that is no uuid, which nothing equals', 'id eq "bjensen"', 'false', []],
    ['a uuid column and ne a value that is no uuid', 'id ne "bjensen"', 'true', []],
    ['a boolean column', 'active eq true', 'r.active::text = $2', ['true']],
    [
      'a boolean column and a string boolean, as Entra sends it',
      'active ne "False"',
      '(r.active::text IS NULL OR r.active::text <> $2)',
      ['false'],
    ],
    [
      'pr on a text column: not null, not empty',
      'userName pr',
      "(r.user_name IS NOT NULL AND r.user_name <> '')",
      [],
    ],
    ['pr on another column', 'active pr', '(r.active IS NOT NULL)', []],
    [
      'eq null as "absent"',
      'externalId eq null',
      "NOT (r.external_id IS NOT NULL AND r.external_id <> '')",
      [],
    ],
    ['ne null as "present"', 'externalId ne null', "(r.external_id IS NOT NULL AND r.external_id <> '')", []],
    // The document
    [
      'a dateTime in the document',
      'meta.created lt "2011-05-13T04:42:34+02:00"',
      `(${docText(2)})::timestamptz < $3::timestamptz`,
      [['meta', 'created'], '2011-05-13T02:42:34.000Z'],
    ],
    [
      'a complex attribute pr: a non-empty object',
      'name pr',
      `(jsonb_typeof(${doc(2)}) = 'object' AND ${doc(2)} <> '{}'::jsonb)`,
      [['name']],
    ],
    [
      'an extension attribute by its full name',
      `${ENTERPRISE_USER_SCHEMA}:department eq "Sales"`,
      `lower(${docText(2)}) = lower($3)`,
      [[ENTERPRISE_USER_SCHEMA, 'department'], 'Sales'],
    ],
    [
      'an extension attribute by its name alone',
      'department eq "Sales"',
      `lower(${docText(2)}) = lower($3)`,
      [[ENTERPRISE_USER_SCHEMA, 'department'], 'Sales'],
    ],
    [
      'an extension sub-attribute',
      'manager.value eq "26118915"',
      `lower(${docText(2)}) = lower($3)`,
      [[ENTERPRISE_USER_SCHEMA, 'manager', 'value'], '26118915'],
    ],
    [
      'a decimal',
      `${SEAT_SCHEMA}:quota.amount ge -1.5`,
      `(${docText(2)})::numeric >= $3::numeric`,
      [[SEAT_SCHEMA, 'quota', 'amount'], -1.5],
    ],
    [
      'a decimal with ne',
      `${SEAT_SCHEMA}:quota.amount ne 5`,
      `(${docText(2)} IS NULL OR (${docText(2)})::numeric <> $3::numeric)`,
      [[SEAT_SCHEMA, 'quota', 'amount'], 5],
    ],
    [
      'a caseExact extension string',
      `${SEAT_SCHEMA}:status eq "invited"`,
      `${docText(2)} = $3`,
      [[SEAT_SCHEMA, 'status'], 'invited'],
    ],
    [
      'a multi-valued attribute pr: a non-empty array',
      'emails pr',
      `(jsonb_typeof(${doc(2)}) = 'array' AND jsonb_array_length(${doc(3)}) > 0)`,
      [['emails'], ['emails']],
    ],
    [
      'a multi-valued simple value',
      'x509Certificates.value eq "MIIC"',
      someElement(3, 'lower((scim_element.v ->> $2)) = lower($4)'),
      ['value', ['x509Certificates'], 'MIIC'],
    ],
    // Indexed values and relations
    [
      'eq on an indexed value, as the index condition',
      'emails.value eq "Babs@Example.com"',
      "lower_values(r.data -> 'emails') @> ARRAY[$2]::text[]",
      ['babs@example.com'],
    ],
    [
      'eq on an indexed value in brackets',
      'emails[value eq "Babs@Example.com"]',
      "lower_values(r.data -> 'emails') @> ARRAY[$2]::text[]",
      ['babs@example.com'],
    ],
    [
      'eq on a relation',
      'groups.value eq "e9e30dba-f08f-4109-8486-d5c6a331660a"',
      'EXISTS (SELECT 1 FROM membership m WHERE m.tenant_id = r.tenant_id AND m.user_id = r.id AND m.group_id = $2::uuid)',
      ['e9e30dba-f08f-4109-8486-d5c6a331660a'],
    ],
    [
      'pr on a relation',
      'groups pr',
      'EXISTS (SELECT 1 FROM membership m WHERE m.tenant_id = r.tenant_id AND m.user_id = r.id)',
      [],
    ],
  ];

  it.each(byKind)('translates %s: %s', (_, text, sql, params) => {
    expect(translate(text)).toEqual({ sql, params });
  });

  it('translates a relation in brackets, on Groups', () => {
    expect(
      translate('members[type eq "User" and value eq "2819c223-7f76-453a-919d-413861904646"]', GROUPS_TABLE),
    ).toEqual({
      sql: 'EXISTS (SELECT 1 FROM member gm WHERE gm.tenant_id = g.tenant_id AND gm.group_id = g.id AND (lower(gm.type) = lower($2) AND gm.value = $3::uuid))',
      params: ['User', '2819c223-7f76-453a-919d-413861904646'],
    });
  });

  it('translates the filter of a PATCH path as a condition on the relation rows alone', () => {
    const params = new SqlParams();
    const filter = parseFilter('value eq "2819c223-7f76-453a-919d-413861904646" or type eq "Group"');
    const sql = new FilterToSql(groupSchema, GROUPS_TABLE, params).translateRelationFilter('members', filter);
    expect(sql).toBe('(gm.value = $1::uuid OR lower(gm.type) = lower($2))');
    expect(params.values).toEqual(['2819c223-7f76-453a-919d-413861904646', 'Group']);
  });

  const refusals: Array<[string, string, string]> = [
    // RFC 7644 §3.4.2.2's example `schemas eq "…"`: schemas is no attribute of the registry.
    [
      'schemas',
      'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
      '"schemas" is not an attribute of User',
    ],
    ['an unknown attribute', 'nickname2 eq "x"', '"nickname2" is not an attribute of User'],
    ['an unknown sub-attribute', 'name.nickName eq "x"', '"name.nickName" is not an attribute of User'],
    [
      'a complex attribute compared as a whole',
      'name eq "Babs"',
      '"name" is complex: compare one of its sub-attributes',
    ],
    [
      'a boolean compared with a string',
      'active eq "yes"',
      '"active" is boolean: compare it with true or false',
    ],
    ['a boolean ordered', 'active gt false', '"gt" cannot compare the boolean "active"'],
    [
      'a dateTime compared with no date',
      'meta.lastModified gt "yesterday"',
      '"meta.lastModified" is a dateTime: compare it with a date such as "2011-05-13T04:42:34Z"',
    ],
    [
      'a dateTime matched as a substring',
      'meta.created co "2011"',
      '"co" cannot compare the dateTime "meta.created"',
    ],
    [
      'a number compared with a string',
      `${SEAT_SCHEMA}:quota.amount gt "5"`,
      `"${SEAT_SCHEMA}:quota.amount" is a number: compare it with a number`,
    ],
    [
      'a number matched as a substring',
      `${SEAT_SCHEMA}:quota.amount sw 5`,
      `"sw" cannot compare the number "${SEAT_SCHEMA}:quota.amount"`,
    ],
    ['null ordered', 'userName gt null', '"gt null" is not a comparison'],
    [
      'brackets on a single-valued attribute',
      'name[givenName eq "Babs"]',
      '"name" is not a multi-valued complex attribute',
    ],
    [
      'brackets on a sub-attribute',
      'emails.value[value eq "x"]',
      '"emails.value" is not a multi-valued complex attribute',
    ],
    [
      'an unknown sub-attribute in brackets',
      'emails[kind eq "work"]',
      '"kind" is not a sub-attribute of emails',
    ],
    [
      'brackets in brackets',
      'emails[type eq "work" and emails[value pr]]',
      'a value filter cannot be nested inside another',
    ],
    [
      'a sub-attribute the relation does not store',
      'groups.display eq "Admins"',
      '"groups.display" cannot be used in a filter',
    ],
  ];

  it.each(refusals)('refuses %s with 400 invalidFilter', (_, text, detail) => {
    const error = refusal(text);
    expect([error.status, error.scimType, error.detail]).toEqual([400, 'invalidFilter', detail]);
  });

  it('refuses a PATCH path filter on an attribute not stored as rows, with invalidPath', () => {
    const translator = new FilterToSql(userSchema, USERS_TABLE, new SqlParams());
    const error = (() => {
      try {
        return translator.translateRelationFilter('emails', parseFilter('value pr'));
      } catch (thrown) {
        return thrown as ScimError;
      }
    })();
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({
      status: 400,
      scimType: 'invalidPath',
      detail: '"emails" is not stored as rows',
    });
  });

  it('passes every value as a parameter, never as SQL text', () => {
    const hostile = `x'); DROP TABLE r; --`;
    const { sql, params } = translate(
      `userName eq "${hostile}" or title co "${hostile}" or emails[type eq "${hostile}"]`,
    );
    expect(sql).not.toContain('DROP');
    expect(params).toEqual([hostile, ['title'], `%${hostile.toLowerCase()}%`, 'type', hostile, ['emails']]);
  });
});

describe('FilterToSql, property', () => {
  // Names of User attributes of every type and storage kind, and a few that are none.
  const userNames = {
    attrPath: fc.constantFrom(
      'userName',
      'externalId',
      'id',
      'active',
      'title',
      'name',
      'name.givenName',
      'emails',
      'emails.value',
      'emails.type',
      'emails.primary',
      'x509Certificates',
      'groups',
      'groups.value',
      'groups.display',
      'meta.created',
      'meta.lastModified',
      'department',
      'manager.value',
      `${SEAT_SCHEMA}:quota.amount`,
      `${SEAT_SCHEMA}:status`,
      'password',
      'schemas',
      'nosuch',
      'name.nosuch',
    ),
    valuePathAttr: fc.constantFrom('emails', 'addresses', 'groups', 'ims', 'name', 'title', 'nosuch'),
    subAttr: fc.constantFrom('value', 'type', 'primary', 'display', 'postalCode', 'nosuch'),
  };

  it('translates any filter, or refuses it with 400 invalidFilter; each value a parameter the SQL uses', () => {
    fc.assert(
      fc.property(filterTrees(userNames), (tree) => {
        const text = stringify(tree);
        let translated: { sql: string; params: unknown[] };
        try {
          translated = translate(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ScimError);
          expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
          return;
        }
        // Every value added is a placeholder the SQL uses: $2 … $n+1 ($1 is the tenant), none unused.
        const used = new Set([...translated.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
        used.delete(1);
        expect([...used].sort((a, b) => a - b)).toEqual(translated.params.map((_, i) => i + 2));
      }),
      { seed: 7644, numRuns: 500 },
    );
  });
});
