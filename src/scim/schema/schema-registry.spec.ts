import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../config/app-config';
import { ScimError } from '../errors/scim-error';
import { RESOURCE_TYPES, registry, userSchema } from '../testing/scim-fixtures';
import { canonicalName, isResolvedPath, ResolvedPath } from './resource-schema';
import { SchemaRegistry } from './schema-registry';
import { SEAT_SCHEMA } from '../../seats/seat-schema';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from './urns';

const ACME = 'urn:example:params:scim:schemas:extension:acme:2.0:User';
const BADGES = 'urn:example:params:scim:schemas:extension:badges:2.0:User';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'rollcall-registry-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A registry built with an operator's extensions file holding `schemas`. */
function withFile(schemas: unknown[]): SchemaRegistry {
  const file = join(dir, `extensions-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ schemas }));
  return new SchemaRegistry(RESOURCE_TYPES, file);
}

function configError(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('built');
}

function resolved(path: string): string | null {
  const result = userSchema.resolve(path);
  if (result === null) return null;
  return isResolvedPath(result) ? canonicalName(result) : `schema ${result.schema.id}`;
}

describe('SchemaRegistry', () => {
  it('publishes the resource types of RFC 7643 §4 with their extensions', () => {
    expect(registry.resourceTypes()).toEqual([
      {
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        description: 'User Account',
        schema: USER_SCHEMA,
        schemaExtensions: [
          { schema: ENTERPRISE_USER_SCHEMA, required: false },
          { schema: SEAT_SCHEMA, required: false },
        ],
      },
      {
        id: 'Group',
        name: 'Group',
        endpoint: '/Groups',
        description: 'Group',
        schema: GROUP_SCHEMA,
        schemaExtensions: [],
      },
    ]);
  });

  it('lists every schema once, cores before their extensions', () => {
    expect(registry.schemas().map((s) => s.id)).toEqual([
      USER_SCHEMA,
      ENTERPRISE_USER_SCHEMA,
      SEAT_SCHEMA,
      GROUP_SCHEMA,
    ]);
  });

  it('finds schemas and resource types in any case, and answers 404 for others', () => {
    expect(registry.findSchema(USER_SCHEMA.toUpperCase()).name).toBe('User');
    expect(registry.findResourceType('group').endpoint).toBe('/Groups');
    expect(() => registry.findSchema('urn:nosuch')).toThrow(
      expect.objectContaining({ status: 404, detail: 'No Schema "urn:nosuch"' }) as Error,
    );
    expect(() => registry.findResourceType('Device')).toThrow(
      expect.objectContaining({ status: 404, detail: 'No ResourceType "Device"' }) as Error,
    );
  });

  it('keeps the RFC 7643 §4.1 characteristics that the rest of the core relies on', () => {
    const attr = (name: string) => userSchema.coreAttribute(name);
    expect(attr('userName')).toMatchObject({ required: true, uniqueness: 'server', caseExact: false });
    expect(attr('id')).toMatchObject({ mutability: 'readOnly', returned: 'always', caseExact: true });
    expect(attr('password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
    expect(attr('groups')).toMatchObject({ multiValued: true, mutability: 'readOnly' });
    expect(attr('emails')?.subAttributes?.map((s) => s.name)).toEqual([
      'value',
      'display',
      'type',
      'primary',
    ]);
    expect(registry.resource('Group').coreAttribute('displayName')).toMatchObject({
      required: true,
      uniqueness: 'server',
    });
  });

  it.each<[string, string | null]>([
    // RFC 7644 §3.10: attribute names, sub-attributes and full URN paths, in any case.
    ['userName', 'userName'],
    ['USERNAME', 'userName'],
    ['name.givenName', 'name.givenName'],
    ['Name.GivenName', 'name.givenName'],
    [`${USER_SCHEMA}:userName`, 'userName'],
    [`${USER_SCHEMA}:name.familyName`, 'name.familyName'],
    ['id', 'id'],
    ['meta.lastModified', 'meta.lastModified'],
    [`${ENTERPRISE_USER_SCHEMA}:department`, `${ENTERPRISE_USER_SCHEMA}:department`],
    [`${ENTERPRISE_USER_SCHEMA.toLowerCase()}:manager.value`, `${ENTERPRISE_USER_SCHEMA}:manager.value`],
    // An unqualified name no core attribute has: the one extension attribute of that name.
    ['department', `${ENTERPRISE_USER_SCHEMA}:department`],
    ['manager.value', `${ENTERPRISE_USER_SCHEMA}:manager.value`],
    ['quota.amount', `${SEAT_SCHEMA}:quota.amount`],
    [ENTERPRISE_USER_SCHEMA, `schema ${ENTERPRISE_USER_SCHEMA}`],
    ['nosuch', null],
    ['name.nosuch', null],
    ['name.givenName.first', null],
    [`${ENTERPRISE_USER_SCHEMA}:userName`, null],
    [`${GROUP_SCHEMA}:displayName`, null],
    ['', null],
  ])('resolves %s', (path, canonical) => {
    expect(resolved(path)).toBe(canonical);
  });

  it('refuses resolveAttribute on a name that is no attribute, with the scimType asked for', () => {
    expect(() => userSchema.resolveAttribute(ENTERPRISE_USER_SCHEMA, 'invalidFilter')).toThrow(
      expect.objectContaining({
        status: 400,
        scimType: 'invalidFilter',
        detail: `"${ENTERPRISE_USER_SCHEMA}" is not an attribute of User`,
      }) as Error,
    );
    const path: ResolvedPath = userSchema.resolveAttribute('emails.value', 'invalidPath');
    expect(path.attribute.name).toBe('emails');
    expect(path.subAttribute?.name).toBe('value');
    expect(path.extension).toBe(false);
  });

  it('takes extensions from the operator file, after the built-in ones', () => {
    const built = withFile([
      {
        id: ACME,
        resourceType: 'User',
        attributes: [
          { name: 'badge', caseExact: true },
          { name: 'floor', type: 'integer' },
        ],
      },
    ]);
    const user = built.resource('User');
    expect(user.schemaUris).toEqual([USER_SCHEMA, ENTERPRISE_USER_SCHEMA, SEAT_SCHEMA, ACME]);
    expect(user.resolve('badge')).toMatchObject({
      extension: true,
      schema: { id: ACME },
      attribute: { name: 'badge', caseExact: true },
    });
    // RFC 7643 §2.2 defaults for what the file leaves out.
    expect(user.extensionAttribute(ACME, 'FLOOR')).toMatchObject({
      type: 'integer',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    });
    // No name given: the URN's last two segments.
    expect(built.findSchema(ACME).name).toBe('2.0User');
  });

  it('refuses an unqualified name that two extensions define, naming both', () => {
    const user = withFile([
      { id: ACME, resourceType: 'User', attributes: [{ name: 'badge' }] },
      { id: BADGES, resourceType: 'User', attributes: [{ name: 'Badge' }] },
    ]).resource('User');
    expect(() => user.resolve('badge', 'invalidFilter')).toThrow(
      expect.objectContaining({
        status: 400,
        scimType: 'invalidFilter',
        detail: `"badge" is ambiguous: it is an attribute of several extensions (${ACME}:badge, ${BADGES}:Badge); use the full name`,
      }) as Error,
    );
    expect(user.resolve(`${BADGES}:badge`)).toMatchObject({ schema: { id: BADGES } });
  });

  it.each<[string, unknown[], string]>([
    [
      'an id that is no URN',
      [{ id: 'acme', resourceType: 'User', attributes: [{ name: 'a' }] }],
      'schemas[0] id: must be a URN',
    ],
    [
      'a core schema id',
      [{ id: USER_SCHEMA, resourceType: 'User', attributes: [{ name: 'a' }] }],
      `${USER_SCHEMA} is already defined`,
    ],
    [
      'the seat schema id',
      [{ id: SEAT_SCHEMA, resourceType: 'User', attributes: [{ name: 'a' }] }],
      `${SEAT_SCHEMA} is already defined`,
    ],
    [
      'an extension of Groups',
      [{ id: ACME, resourceType: 'Group', attributes: [{ name: 'a' }] }],
      'schemas[0] resourceType: must be "User"',
    ],
    [
      'a name of a built-in extension',
      [{ id: ACME, resourceType: 'User', attributes: [{ name: 'Department' }] }],
      `the name is taken by ${ENTERPRISE_USER_SCHEMA}:department`,
    ],
    [
      'an attribute declared twice',
      [{ id: ACME, resourceType: 'User', attributes: [{ name: 'a' }, { name: 'A' }] }],
      '"A" is declared twice',
    ],
    [
      'a unique extension attribute',
      [{ id: ACME, resourceType: 'User', attributes: [{ name: 'a', uniqueness: 'server' }] }],
      'only "none" is supported',
    ],
    [
      'a complex sub-attribute',
      [
        {
          id: ACME,
          resourceType: 'User',
          attributes: [
            {
              name: 'a',
              type: 'complex',
              subAttributes: [{ name: 'b', type: 'complex', subAttributes: [{ name: 'c' }] }],
            },
          ],
        },
      ],
      'a sub-attribute cannot be complex',
    ],
    [
      'an unknown type',
      [{ id: ACME, resourceType: 'User', attributes: [{ name: 'a', type: 'text' }] }],
      'type: must be one of string, boolean',
    ],
  ])('stops start-up on %s', (_, schemas, message) => {
    expect(configError(() => withFile(schemas))).toContain(message);
  });

  it('throws on a resource type it does not have (a programming error, not a request error)', () => {
    expect(() => registry.resource('Device')).toThrow('unknown resource type Device');
    expect(() => registry.resource('Device')).not.toThrow(ScimError);
  });
});
