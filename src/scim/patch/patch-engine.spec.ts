import { ScimError } from '../errors/scim-error';
import { ScimObject } from '../resource/attribute-values';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, PATCH_OP, USER_SCHEMA } from '../schema/urns';
import { groupSchema, userSchema } from '../testing/scim-fixtures';
import { PatchEngine, PatchResult } from './patch-engine';
import { readPatchRequest } from './patch-request';

// The people and group of the RFC's examples (RFC 7644 §3.5.2, RFC 7643 §8).
const BABS = '2819c223-7f76-453a-919d-413861904646';
const JAMES = '08e1d05d-121c-4561-8b96-473d93df9210';
const babsMember = { display: 'Babs Jensen', $ref: `https://example.com/v2/Users/${BABS}`, value: BABS };
const jamesMember = { display: 'James Smith', $ref: `https://example.com/v2/Users/${JAMES}`, value: JAMES };
/** A member as the engine keeps it: `display` is readOnly, so what a client sends of it is ignored. */
const stored = ({ $ref, value }: { $ref: string; value: string }) => ({ $ref, value });

const workAddress = {
  type: 'work',
  streetAddress: '100 Universal City Plaza',
  locality: 'Hollywood',
  region: 'CA',
  postalCode: '91608',
  country: 'USA',
  formatted: '100 Universal City Plaza\nHollywood, CA 91608 USA',
  primary: true,
};
const homeAddress = {
  type: 'home',
  streetAddress: '456 Hollywood Blvd',
  locality: 'Hollywood',
  region: 'CA',
  postalCode: '91608',
  country: 'USA',
  formatted: '456 Hollywood Blvd\nHollywood, CA 91608 USA',
};

function bjensen(): ScimObject {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    userName: 'bjensen',
    externalId: 'bjensen',
    name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
    emails: [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ],
    addresses: [workAddress, homeAddress],
    [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '701984', department: 'Tour Operations' },
  };
}

function tourGuides(members: object[] = [stored(babsMember)]): ScimObject {
  return { schemas: [GROUP_SCHEMA], displayName: 'Tour Guides', members };
}

/** A PatchOp message as a client sends it, through the same reader the routes use. */
function patch(engine: PatchEngine, resource: ScimObject, Operations: unknown[]): PatchResult {
  return engine.apply(resource, readPatchRequest({ schemas: [PATCH_OP], Operations }));
}

function refusal(engine: PatchEngine, resource: ScimObject, Operations: unknown[]): ScimError {
  try {
    patch(engine, resource, Operations);
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('the PATCH applied');
}

const users = new PatchEngine(userSchema);
/** Groups with members kept in the document, to see the resulting resource. */
const groups = new PatchEngine(groupSchema);
/** Groups as the Groups module runs them: members are rows, changed in SQL by the module. */
const groupsWithMemberRows = new PatchEngine(groupSchema, new Set(['members']));

describe('PatchEngine, the examples of RFC 7644 §3.5.2', () => {
  it('§3.5.2.1 adds a member to a group', () => {
    const result = patch(groups, tourGuides([]), [{ op: 'add', path: 'members', value: [babsMember] }]);
    expect(result.data).toEqual(tourGuides([stored(babsMember)]));
    expect(result.changed).toEqual(['members']);
  });

  it('§3.5.2.1 adds a member that is already there once (no duplicate)', () => {
    const result = patch(groups, tourGuides(), [{ op: 'add', path: 'members', value: [babsMember] }]);
    expect(result.data).toEqual(tourGuides());
    expect(result.changed).toEqual([]);
  });

  it('§3.5.2.1 adds attributes without a path: emails are added to, nickname is set', () => {
    const result = patch(users, bjensen(), [
      {
        op: 'add',
        value: {
          emails: [
            { value: 'babs@jensen.org', type: 'home' },
            { value: 'babs@example.org', type: 'other' },
          ],
          nickname: 'Babs',
        },
      },
    ]);
    expect(result.data).toEqual({
      ...bjensen(),
      emails: [...(bjensen().emails as object[]), { value: 'babs@example.org', type: 'other' }],
      nickName: 'Babs',
    });
    expect(result.changed).toEqual(['emails', 'nickName']);
  });

  it('§3.5.2.2 removes a single member from a group', () => {
    const result = patch(groups, tourGuides([stored(babsMember), stored(jamesMember)]), [
      { op: 'remove', path: `members[value eq "${BABS}"]` },
    ]);
    expect(result.data).toEqual(tourGuides([stored(jamesMember)]));
  });

  it('§3.5.2.2 removes all members of a group', () => {
    const result = patch(groups, tourGuides([stored(babsMember), stored(jamesMember)]), [
      { op: 'remove', path: 'members' },
    ]);
    expect(result.data).toEqual({ schemas: [GROUP_SCHEMA], displayName: 'Tour Guides' });
    expect(result.changed).toEqual(['members']);
  });

  it('§3.5.2.2 removes the values of a multi-valued attribute a filter selects', () => {
    const user = {
      ...bjensen(),
      emails: [
        { value: 'bjensen@example.com', type: 'work' },
        { value: 'babs@jensen.org', type: 'home' },
        { value: 'b@corp.example.com', type: 'work' },
      ],
    };
    const result = patch(users, user, [
      { op: 'remove', path: 'emails[type eq "work" and value ew "example.com"]' },
    ]);
    expect(result.data).toEqual({ ...bjensen(), emails: [{ value: 'babs@jensen.org', type: 'home' }] });
  });

  it('§3.5.2.2 replaces all members by a remove and an add in one request', () => {
    const result = patch(groups, tourGuides([{ value: '6c5bb468-14b2-4183-baf2-06d523e03bd3' }]), [
      { op: 'remove', path: 'members' },
      { op: 'add', path: 'members', value: [babsMember, jamesMember] },
    ]);
    expect(result.data).toEqual(tourGuides([stored(babsMember), stored(jamesMember)]));
  });

  it('§3.5.2.3 replaces all members of a group', () => {
    const result = patch(groups, tourGuides([{ value: '6c5bb468-14b2-4183-baf2-06d523e03bd3' }]), [
      { op: 'replace', path: 'members', value: [babsMember, jamesMember] },
    ]);
    expect(result.data).toEqual(tourGuides([stored(babsMember), stored(jamesMember)]));
  });

  it('§3.5.2.3 replaces the work address, which a filter selects', () => {
    const newWork = {
      type: 'work',
      streetAddress: '911 Universal City Plaza',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'US',
      formatted: '911 Universal City Plaza\nHollywood, CA 91608 US',
      primary: true,
    };
    const result = patch(users, bjensen(), [
      { op: 'replace', path: 'addresses[type eq "work"]', value: newWork },
    ]);
    expect(result.data).toEqual({ ...bjensen(), addresses: [newWork, homeAddress] });
    expect(result.changed).toEqual(['addresses']);
  });

  it('§3.5.2.3 replaces one sub-attribute of the value a filter selects', () => {
    const result = patch(users, bjensen(), [
      { op: 'replace', path: 'addresses[type eq "work"].streetAddress', value: '1010 Broadway Ave' },
    ]);
    expect(result.data).toEqual({
      ...bjensen(),
      addresses: [{ ...workAddress, streetAddress: '1010 Broadway Ave' }, homeAddress],
    });
  });

  it('§3.5.2.3 replaces attributes without a path: emails as a whole, nickname', () => {
    const emails = [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ];
    const result = patch(users, { ...bjensen(), emails: [{ value: 'old@example.com', type: 'work' }] }, [
      { op: 'replace', value: { emails, nickname: 'Babs' } },
    ]);
    expect(result.data).toEqual({ ...bjensen(), emails, nickName: 'Babs' });
    expect(result.changed).toEqual(['emails', 'nickName']);
  });

  // §3.5.2, "Example Path Values" (Figure 5): each path, on the attribute it names.
  it.each<[string, unknown, (before: ScimObject) => ScimObject]>([
    ['members', [jamesMember], (g) => ({ ...g, members: [stored(jamesMember)] })],
    ['name.familyName', 'Smith', (u) => ({ ...u, name: { ...(u.name as object), familyName: 'Smith' } })],
    [
      'addresses[type eq "work"]',
      { locality: 'Burbank' },
      (u) => ({ ...u, addresses: [{ ...workAddress, locality: 'Burbank' }, homeAddress] }),
    ],
    [
      `members[value eq "${BABS}"]`,
      { $ref: 'https://example.com/v2/Users/x' },
      (g) => ({ ...g, members: [{ ...stored(babsMember), $ref: 'https://example.com/v2/Users/x' }] }),
    ],
  ])('replaces through the RFC path %s', (path, value, expected) => {
    const before = path.startsWith('members') ? tourGuides() : bjensen();
    const engine = path.startsWith('members') ? groups : users;
    expect(patch(engine, before, [{ op: 'replace', path, value }]).data).toEqual(expected(before));
  });

  it('refuses the RFC path members[…].displayName: Group members have no displayName (it is `display`)', () => {
    const error = refusal(groups, tourGuides(), [
      { op: 'replace', path: `members[value eq "${BABS}"].displayName`, value: 'Babs' },
    ]);
    expect([error.status, error.scimType]).toEqual([400, 'invalidPath']);
    expect(error.detail).toBe(`path "members[value eq "${BABS}"].displayName" names no sub-attribute`);
  });
});

describe('PatchEngine, members kept as rows', () => {
  it.each<[string, unknown[], PatchResult['relations']]>([
    [
      '§3.5.2.1 add',
      [{ op: 'add', path: 'members', value: [babsMember] }],
      [{ attribute: 'members', action: 'add', values: [stored(babsMember)] }],
    ],
    [
      '§3.5.2.2 remove one by filter',
      [{ op: 'remove', path: `members[value eq "${BABS}"]` }],
      [
        {
          attribute: 'members',
          action: 'remove',
          values: null,
          filter: { op: 'eq', attrPath: 'value', compValue: BABS },
        },
      ],
    ],
    [
      '§3.5.2.2 remove all',
      [{ op: 'remove', path: 'members' }],
      [{ attribute: 'members', action: 'remove', values: null, filter: null }],
    ],
    [
      'remove by value, as Entra sends it',
      [{ op: 'Remove', path: 'members', value: [{ value: BABS }] }],
      [{ attribute: 'members', action: 'remove', values: [{ value: BABS }], filter: null }],
    ],
    [
      '§3.5.2.3 replace',
      [{ op: 'replace', path: 'members', value: [babsMember, jamesMember] }],
      [{ attribute: 'members', action: 'replace', values: [stored(babsMember), stored(jamesMember)] }],
    ],
  ])(
    'hands %s to the module as a RelationChange and leaves the document alone',
    (_, operations, relations) => {
      const result = patch(groupsWithMemberRows, tourGuides([]), operations);
      expect(result.relations).toEqual(relations);
      expect(result.data).toEqual(tourGuides([]));
      expect(result.changed).toEqual(['members']);
    },
  );

  it('refuses add or replace through a filter on rows with invalidPath', () => {
    const error = refusal(groupsWithMemberRows, tourGuides([]), [
      { op: 'replace', path: `members[value eq "${BABS}"]`, value: { value: JAMES } },
    ]);
    expect([error.status, error.scimType]).toEqual([400, 'invalidPath']);
  });
});

describe('PatchEngine, rules of RFC 7644 §3.5.2', () => {
  it('add on a single-valued attribute that has a value replaces it (§3.5.2.1)', () => {
    expect(patch(users, bjensen(), [{ op: 'add', path: 'userName', value: 'babs' }]).data.userName).toBe(
      'babs',
    );
  });

  it('add of a complex value merges its sub-attributes into the existing ones (§3.5.2.1)', () => {
    const result = patch(users, bjensen(), [{ op: 'add', path: 'name', value: { middleName: 'Jane' } }]);
    expect(result.data.name).toEqual({
      formatted: 'Ms. Barbara J Jensen III',
      familyName: 'Jensen',
      givenName: 'Barbara',
      middleName: 'Jane',
    });
  });

  it('add through a filter that matches nothing creates the value it describes (Entra: emails[type eq "work"].value)', () => {
    const user = { ...bjensen(), emails: [{ value: 'babs@jensen.org', type: 'home' }] };
    const result = patch(users, user, [
      { op: 'add', path: 'emails[type eq "work"].value', value: 'bjensen@example.com' },
    ]);
    expect(result.data.emails).toEqual([
      { value: 'babs@jensen.org', type: 'home' },
      { type: 'work', value: 'bjensen@example.com' },
    ]);
  });

  it('a value added as primary takes primary from the others (RFC 7643 §2.4)', () => {
    const result = patch(users, bjensen(), [
      { op: 'add', path: 'emails', value: [{ value: 'new@example.com', type: 'work', primary: true }] },
    ]);
    expect(result.data.emails).toEqual([
      { value: 'bjensen@example.com', type: 'work' },
      { value: 'babs@jensen.org', type: 'home' },
      { value: 'new@example.com', type: 'work', primary: true },
    ]);
  });

  it('primary set through a filter moves from the value that had it', () => {
    const result = patch(users, bjensen(), [
      { op: 'replace', path: 'emails[type eq "home"].primary', value: true },
    ]);
    expect(result.data.emails).toEqual([
      { value: 'bjensen@example.com', type: 'work' },
      { value: 'babs@jensen.org', type: 'home', primary: true },
    ]);
  });

  it('replace on an attribute with no value adds it (§3.5.2.3)', () => {
    expect(patch(users, bjensen(), [{ op: 'replace', path: 'title', value: 'Tour Guide' }]).data.title).toBe(
      'Tour Guide',
    );
  });

  it('remove of a sub-attribute of every value, and of an extension attribute (§3.5.2.2)', () => {
    const result = patch(users, bjensen(), [
      { op: 'remove', path: 'emails.type' },
      { op: 'remove', path: `${ENTERPRISE_USER_SCHEMA}:department` },
    ]);
    expect(result.data.emails).toEqual([
      { value: 'bjensen@example.com', primary: true },
      { value: 'babs@jensen.org' },
    ]);
    expect(result.data[ENTERPRISE_USER_SCHEMA]).toEqual({ employeeNumber: '701984' });
    expect(result.changed).toEqual(['emails', `${ENTERPRISE_USER_SCHEMA}:department`]);
  });

  it('names paths in any case and an extension attribute by its name alone, as Entra does', () => {
    const result = patch(users, bjensen(), [
      { op: 'Replace', path: 'NAME.GIVENNAME', value: 'Babs' },
      { op: 'replace', path: 'department', value: 'Sales' },
      { op: 'replace', path: 'active', value: 'False' },
    ]);
    expect(result.data.name).toMatchObject({ givenName: 'Babs' });
    expect(result.data[ENTERPRISE_USER_SCHEMA]).toEqual({ employeeNumber: '701984', department: 'Sales' });
    expect(result.data.active).toBe(false);
  });

  it('sets an extension through its URN as path, and ignores schemas, id and meta without a path', () => {
    const result = patch(users, bjensen(), [
      {
        op: 'add',
        path: ENTERPRISE_USER_SCHEMA,
        value: { schemas: [ENTERPRISE_USER_SCHEMA], costCenter: '4130' },
      },
      { op: 'replace', value: { id: 'other', meta: { version: 'W/"1"' }, schemas: [USER_SCHEMA] } },
    ]);
    expect(result.data[ENTERPRISE_USER_SCHEMA]).toEqual({
      employeeNumber: '701984',
      department: 'Tour Operations',
      costCenter: '4130',
    });
    expect(result.changed).toEqual([`${ENTERPRISE_USER_SCHEMA}:costCenter`]);
  });

  it('keeps a writeOnly value out of the document and reports it changed', () => {
    const result = patch(users, bjensen(), [{ op: 'replace', path: 'password', value: 't1meMa$heen' }]);
    expect(result.data).toEqual(bjensen());
    expect(result.writeOnly).toEqual({ password: 't1meMa$heen' });
    expect(result.changed).toEqual(['password']);
  });

  const refusals: Array<[string, unknown[], string, string]> = [
    ['remove without a path (§3.5.2.2)', [{ op: 'remove' }], 'noTarget', 'remove needs a path'],
    [
      'replace through a filter that matches nothing (§3.5.2.3)',
      [{ op: 'replace', path: 'addresses[type eq "other"].locality', value: 'x' }],
      'noTarget',
      'path "addresses[type eq "other"].locality" matched no value',
    ],
    [
      'remove through a filter that matches nothing',
      [{ op: 'remove', path: 'emails[value eq "nobody@example.com"]' }],
      'noTarget',
      'path "emails[value eq "nobody@example.com"]" matched no value',
    ],
    [
      'a readOnly attribute (§3.5.2)',
      [{ op: 'replace', path: 'id', value: 'x' }],
      'mutability',
      'id is readOnly',
    ],
    [
      'a readOnly sub-attribute',
      [{ op: 'replace', path: 'meta.created', value: '2011-05-13T04:42:34Z' }],
      'mutability',
      'meta.created is readOnly',
    ],
    [
      'an unknown attribute',
      [{ op: 'replace', path: 'nickname2', value: 'x' }],
      'invalidPath',
      'path "nickname2" names no attribute of User',
    ],
    [
      'an unknown attribute without a path',
      [{ op: 'add', value: { nickname2: 'x' } }],
      'invalidPath',
      '"nickname2" is not an attribute of User',
    ],
    [
      'an unknown attribute of an extension',
      [{ op: 'add', path: ENTERPRISE_USER_SCHEMA, value: { office: 'x' } }],
      'invalidValue',
      `"office" is not an attribute of ${ENTERPRISE_USER_SCHEMA}`,
    ],
    [
      'a filter on a single-valued attribute',
      [{ op: 'replace', path: 'name[givenName eq "Barbara"]', value: {} }],
      'invalidPath',
      'path "name[givenName eq "Barbara"]" filters an attribute that is not multi-valued and complex',
    ],
    [
      'a filter that does not parse',
      [{ op: 'remove', path: 'emails[type eq work]' }],
      'invalidPath',
      'path "emails[type eq work]" has a value filter that does not parse',
    ],
    [
      'a bracket never closed',
      [{ op: 'remove', path: 'emails[type eq "work"' }],
      'invalidPath',
      'path "emails[type eq "work"" has "[" without a matching "]"',
    ],
    [
      'text after the bracket',
      [{ op: 'remove', path: 'emails[type eq "work"]value' }],
      'invalidPath',
      'path "emails[type eq "work"]value" has text after "]" that is not a sub-attribute',
    ],
    [
      'a path too deep',
      [{ op: 'replace', path: 'name.givenName.first', value: 'x' }],
      'invalidPath',
      'path "name.givenName.first" names no attribute of User',
    ],
    [
      'a value of the wrong type',
      [{ op: 'replace', path: 'active', value: 'maybe' }],
      'invalidValue',
      'active must be true or false',
    ],
    [
      'removing a required attribute',
      [{ op: 'remove', path: 'userName' }],
      'invalidValue',
      'userName is required and cannot be removed',
    ],
    [
      'two primary values',
      [
        {
          op: 'replace',
          path: 'emails',
          value: [
            { value: 'a@example.com', primary: true },
            { value: 'b@example.com', primary: true },
          ],
        },
      ],
      'invalidValue',
      'emails has more than one primary value',
    ],
    [
      'add without a path and no object',
      [{ op: 'add', value: 'Babs' }],
      'invalidValue',
      'add without a path needs an object value',
    ],
  ];

  it.each(refusals)('refuses %s', (_, operations, scimType, detail) => {
    const error = refusal(users, bjensen(), operations);
    expect([error.status, error.scimType, error.detail]).toEqual([400, scimType, detail]);
  });
});
