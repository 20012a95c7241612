import { ScimError } from '../errors/scim-error';
import { attribute, complex } from '../schema/attribute';
import { ResourceSchema } from '../schema/resource-schema';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../schema/urns';
import { userSchema } from '../testing/scim-fixtures';
import { parseProjection } from './list-query';
import { ResponseProjection } from './projection';

const BABS = '2819c223-7f76-453a-919d-413861904646';
const meta = {
  resourceType: 'User',
  created: '2010-01-23T04:56:22Z',
  lastModified: '2011-05-13T04:42:34Z',
  location: `https://example.com/v2/Users/${BABS}`,
  version: 'W/"a330bc54f0671c9"',
};

/** bjensen as the service renders her before projection (RFC 7643 §8.2, shortened). */
const bjensen = {
  schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
  id: BABS,
  externalId: 'bjensen',
  meta,
  userName: 'bjensen',
  name: { familyName: 'Jensen', givenName: 'Barbara' },
  displayName: 'Babs Jensen',
  password: 't1meMa$heen',
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '701984', department: 'Tour Operations' },
};

function project(raw: { attributes?: string; excludedAttributes?: string }, resource: object = bjensen) {
  return new ResponseProjection(userSchema, parseProjection(raw)).apply({ ...resource });
}

/** The resource without the named keys. */
function without(resource: object, ...keys: string[]): object {
  return Object.fromEntries(Object.entries(resource).filter(([key]) => !keys.includes(key)));
}

const withoutPassword = without(bjensen, 'password');

describe('ResponseProjection', () => {
  it.each<[string, { attributes?: string; excludedAttributes?: string }, object]>([
    // RFC 7644 §3.4: by default the attributes returned "always" or "default"; password is "never".
    ['nothing asked: all but the never-returned password', {}, withoutPassword],
    // RFC 7644 §3.9: attributes=userName returns schemas, id (always) and userName.
    [
      'attributes=userName',
      { attributes: 'userName' },
      { schemas: bjensen.schemas, id: BABS, userName: 'bjensen' },
    ],
    [
      'attributes in any case',
      { attributes: 'USERNAME,DisplayName' },
      { schemas: bjensen.schemas, id: BABS, userName: 'bjensen', displayName: 'Babs Jensen' },
    ],
    [
      'a sub-attribute',
      { attributes: 'name.givenName' },
      { schemas: bjensen.schemas, id: BABS, name: { givenName: 'Barbara' } },
    ],
    [
      'a sub-attribute of a multi-valued attribute',
      { attributes: 'emails.value' },
      {
        schemas: bjensen.schemas,
        id: BABS,
        emails: [{ value: 'bjensen@example.com' }, { value: 'babs@jensen.org' }],
      },
    ],
    [
      'an attribute and one of its sub-attributes: the whole attribute',
      { attributes: 'name.givenName,name' },
      { schemas: bjensen.schemas, id: BABS, name: bjensen.name },
    ],
    [
      'meta.version',
      { attributes: 'meta.version' },
      { schemas: bjensen.schemas, id: BABS, meta: { version: meta.version } },
    ],
    [
      'an extension attribute by its full name',
      { attributes: `${ENTERPRISE_USER_SCHEMA}:department` },
      { schemas: bjensen.schemas, id: BABS, [ENTERPRISE_USER_SCHEMA]: { department: 'Tour Operations' } },
    ],
    [
      'an extension attribute by its name alone',
      { attributes: 'employeeNumber' },
      { schemas: bjensen.schemas, id: BABS, [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '701984' } },
    ],
    [
      'a whole extension by its URN',
      { attributes: ENTERPRISE_USER_SCHEMA },
      { schemas: bjensen.schemas, id: BABS, [ENTERPRISE_USER_SCHEMA]: bjensen[ENTERPRISE_USER_SCHEMA] },
    ],
    [
      'the never-returned password, asked for: still left out',
      { attributes: 'password,userName' },
      { schemas: bjensen.schemas, id: BABS, userName: 'bjensen' },
    ],
    // RFC 7644 §3.9 does not make an unknown name an error.
    ['an unknown name: selects nothing', { attributes: 'nosuch' }, { schemas: bjensen.schemas, id: BABS }],
    [
      'excludedAttributes=emails,meta',
      { excludedAttributes: 'emails,meta' },
      without(withoutPassword, 'emails', 'meta'),
    ],
    ['excludedAttributes=id: id is always returned', { excludedAttributes: 'id' }, withoutPassword],
    [
      'an excluded sub-attribute',
      { excludedAttributes: 'name.givenName,emails.primary' },
      {
        ...withoutPassword,
        name: { familyName: 'Jensen' },
        emails: [
          { value: 'bjensen@example.com', type: 'work' },
          { value: 'babs@jensen.org', type: 'home' },
        ],
      },
    ],
    [
      'an excluded extension attribute',
      { excludedAttributes: `${ENTERPRISE_USER_SCHEMA}:department` },
      { ...withoutPassword, [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '701984' } },
    ],
    [
      'an excluded extension: its object left out',
      { excludedAttributes: ENTERPRISE_USER_SCHEMA },
      without(withoutPassword, ENTERPRISE_USER_SCHEMA),
    ],
    [
      'both given: attributes wins',
      { attributes: 'userName', excludedAttributes: 'userName' },
      { schemas: bjensen.schemas, id: BABS, userName: 'bjensen' },
    ],
  ])('projects %s', (_, raw, expected) => {
    expect(project(raw)).toEqual(expected);
  });

  it('leaves out keys no schema defines', () => {
    expect(project({ attributes: 'userName' }, { ...bjensen, unknown: 1 })).not.toHaveProperty('unknown');
    expect(project({}, { ...bjensen, unknown: 1 })).toEqual(withoutPassword);
  });

  it('refuses an ambiguous name with 400 invalidValue', () => {
    const twin = {
      id: 'urn:example:twin',
      name: 'Twin',
      description: '',
      attributes: [attribute('department', 'string', '')],
    };
    const schema = new ResourceSchema(userSchema.type, userSchema.coreSchema, [
      ...userSchema.extensions,
      twin,
    ]);
    expect(() => new ResponseProjection(schema, parseProjection({ attributes: 'department' }))).toThrow(
      ScimError,
    );
    try {
      new ResponseProjection(schema, parseProjection({ attributes: 'department' }));
    } catch (error) {
      expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
    }
  });
});

describe('ResponseProjection, each "returned" characteristic (RFC 7643 §7)', () => {
  // A resource type of every `returned`: serial (always), label (default), audit (request),
  // secret (never), and a complex attribute with one always-returned sub-attribute.
  const device = new ResourceSchema(
    {
      id: 'Device',
      name: 'Device',
      endpoint: '/Devices',
      description: '',
      schema: 'urn:example:Device',
      schemaExtensions: [],
    },
    {
      id: 'urn:example:Device',
      name: 'Device',
      description: '',
      attributes: [
        attribute('serial', 'string', '', { returned: 'always' }),
        attribute('label', 'string', ''),
        attribute('audit', 'string', '', { returned: 'request' }),
        attribute('secret', 'string', '', { returned: 'never' }),
        complex('owner', '', [
          attribute('value', 'string', '', { returned: 'always' }),
          attribute('display', 'string', ''),
        ]),
      ],
    },
    [],
  );
  const resource = {
    id: 'd1',
    serial: 'SN-1',
    label: 'Lobby',
    audit: 'checked',
    secret: 's',
    owner: { value: 'u1', display: 'Babs' },
  };
  const view = (raw: { attributes?: string; excludedAttributes?: string }) =>
    new ResponseProjection(device, parseProjection(raw));

  it.each<[string, { attributes?: string; excludedAttributes?: string }, object]>([
    [
      'by default: always and default, not request or never',
      {},
      { id: 'd1', serial: 'SN-1', label: 'Lobby', owner: resource.owner },
    ],
    ['request, when asked for', { attributes: 'audit' }, { id: 'd1', serial: 'SN-1', audit: 'checked' }],
    [
      'never, even when asked for',
      { attributes: 'secret,label' },
      { id: 'd1', serial: 'SN-1', label: 'Lobby' },
    ],
    [
      'always, even when excluded',
      { excludedAttributes: 'serial,label' },
      { id: 'd1', serial: 'SN-1', owner: resource.owner },
    ],
    [
      'an always sub-attribute, when only another is asked for',
      { attributes: 'owner.display' },
      { id: 'd1', serial: 'SN-1', owner: resource.owner },
    ],
    [
      'an always sub-attribute, when excluded',
      { excludedAttributes: 'owner.value,owner.display' },
      { id: 'd1', serial: 'SN-1', label: 'Lobby', owner: { value: 'u1' } },
    ],
  ])('returns %s', (_, raw, expected) => {
    expect(view(raw).apply(resource)).toEqual(expected);
  });

  it('says whether an attribute is returned at all, so a service can skip loading it', () => {
    const audit = device.coreAttribute('audit');
    const label = device.coreAttribute('label');
    if (!audit || !label) throw new Error('fixture');
    expect(view({}).includes(null, audit)).toBe(false);
    expect(view({ attributes: 'audit' }).includes(null, audit)).toBe(true);
    expect(view({ excludedAttributes: 'label' }).includes(null, label)).toBe(false);
    expect(
      view({ attributes: 'owner.display' }).applyTo(null, device.coreAttribute('owner')!, [resource.owner]),
    ).toEqual([resource.owner]);
    expect(
      view({ excludedAttributes: 'owner.display' }).applyTo(null, device.coreAttribute('owner')!, {
        display: 'Babs',
      }),
    ).toBeUndefined();
  });
});
