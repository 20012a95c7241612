import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../src/config/app-config';
import { createSchemaRegistry } from '../src/scim/scim-core.module';
import type * as Helpers from './helpers/test-app';

// Entra's documented traffic names extension attributes without their URN ("path":"manager",
// "department"). Two operator extensions share `badge`, so that name is ambiguous; `title` is also
// declared by one of them, and stays the core attribute.
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const SEAT = 'urn:rollcall:params:scim:schemas:extension:seat:2.0:User';
const BADGES = 'urn:example:params:scim:schemas:extension:badges:2.0:User';
const ACCESS = 'urn:example:params:scim:schemas:extension:access:2.0:User';

const dir = mkdtempSync(join(tmpdir(), 'rollcall-unqualified-'));
function extensionsFile(name: string, schemas: Array<{ id: string; attributes: object[] }>): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    JSON.stringify({
      schemas: schemas.map((s) => ({ ...s, name: s.id.split(':')[6], resourceType: 'User' })),
    }),
  );
  return file;
}
process.env.SCIM_EXTENSIONS_FILE = extensionsFile('extensions.json', [
  {
    id: BADGES,
    attributes: [
      { name: 'badge', type: 'string' },
      { name: 'clearance', type: 'integer' },
    ],
  },
  {
    id: ACCESS,
    attributes: [
      { name: 'badge', type: 'string' },
      { name: 'title', type: 'string' },
    ],
  },
]);

describe('Unqualified extension attribute names', () => {
  let helpers: typeof Helpers;
  let t: Helpers.TestApp;
  let api: ReturnType<typeof Helpers.scim>;
  let baseUrl: string;
  beforeAll(async () => {
    helpers = await import('./helpers/test-app');
    t = await helpers.createTestApp();
    const tenant = await helpers.createTenant(t);
    api = helpers.scim(t, tenant);
    baseUrl = `https://rollcall.test${tenant.base}`;
  });
  afterAll(() => t.close());

  const create = async (userName: string, extra: object = {}) =>
    (await api.post('/Users', { schemas: [USER], userName, ...extra }).expect(201)).body.id as string;
  const patch = (id: string, ...ops: Array<Record<string, unknown>>) =>
    api.patch(`/Users/${id}`, helpers.patchOp(...ops));
  const stored = async (id: string) =>
    (await t.db.query('SELECT data FROM scim_user WHERE id = $1', [id]))[0].data as Record<string, unknown>;
  const find = async (filter: string) =>
    (await api.get('/Users?filter=' + encodeURIComponent(filter)).expect(200)).body.Resources.map(
      (u: { id: string }) => u.id,
    );

  it('resolves manager and department in PATCH paths, whatever form the manager value takes', async () => {
    const boss = await create('boss@acme.com');
    const deputy = await create('deputy@acme.com');
    const id = await create('report@acme.com');

    // A bare id string (Entra), then an object, then Entra's documented one-element array.
    let res = await patch(id, { op: 'Add', path: 'manager', value: boss }).expect(200);
    expect(res.body[ENTERPRISE]).toEqual({ manager: { value: boss } });
    res = await patch(id, { op: 'Replace', path: 'manager', value: { value: deputy } }).expect(200);
    expect(res.body[ENTERPRISE]).toEqual({ manager: { value: deputy } });
    res = await patch(id, {
      op: 'Replace',
      path: 'manager',
      value: [{ $ref: `${baseUrl}/Users/${boss}`, value: boss }],
    }).expect(200);
    expect(res.body[ENTERPRISE]).toEqual({ manager: { value: boss, $ref: `${baseUrl}/Users/${boss}` } });
    res = await patch(id, { op: 'replace', path: 'Department', value: 'R&D' }).expect(200);
    expect(res.body[ENTERPRISE]).toEqual({
      manager: { value: boss, $ref: `${baseUrl}/Users/${boss}` },
      department: 'R&D',
    });
    res = await patch(id, { op: 'replace', path: 'manager.value', value: deputy }).expect(200);
    expect((res.body[ENTERPRISE] as { manager: { value: string } }).manager.value).toBe(deputy);
    expect(await stored(id)).toMatchObject({
      [ENTERPRISE]: { department: 'R&D', manager: { value: deputy } },
    });

    const twoManagers = await patch(id, {
      op: 'replace',
      path: 'manager',
      value: [{ value: boss }, { value: deputy }],
    }).expect(400);
    expect(twoManagers.body).toMatchObject({
      scimType: 'invalidValue',
      detail: 'manager must be a single value, not a list',
    });

    res = await patch(id, { op: 'Remove', path: 'manager' }).expect(200);
    expect(res.body[ENTERPRISE]).toEqual({ department: 'R&D' });
  });

  it('resolves them in no-path value objects, on create, and in filters', async () => {
    const boss = await create('chief@acme.com');
    const id = await create('staff@acme.com', { [ENTERPRISE]: { manager: [{ value: boss }] } });
    expect(await stored(id)).toMatchObject({ [ENTERPRISE]: { manager: { value: boss } } });
    const res = await patch(id, {
      op: 'replace',
      value: { department: 'Ops', clearance: 3, displayName: 'Staff', title: 'Engineer' },
    }).expect(200);
    expect(res.body).toMatchObject({
      displayName: 'Staff',
      title: 'Engineer', // core wins over the extension that also declares `title`
      [ENTERPRISE]: { department: 'Ops', manager: { value: boss } },
      [BADGES]: { clearance: 3 },
    });
    expect(res.body).not.toHaveProperty(ACCESS);

    expect(await find('department eq "ops"')).toEqual([id]);
    expect(await find(`manager.value eq "${boss}"`)).toEqual([id]);
    expect(await find('clearance gt 2')).toEqual([id]);
    expect(await find('manager pr and department eq "Ops"')).toEqual([id]);
    // Rollcall's seat extension resolves too: the user is active, so its seat is invited.
    expect(await find(`status eq "invited" and ${SEAT}:status eq "invited" and id eq "${id}"`)).toEqual([id]);
  });

  it('refuses a name that several extensions define, naming the candidates', async () => {
    const id = await create('ambiguous@acme.com');
    const candidates = `${BADGES}:badge, ${ACCESS}:badge`;
    const detail = `"badge" is ambiguous: it is an attribute of several extensions (${candidates}); use the full name`;
    const withPath = await patch(id, { op: 'replace', path: 'badge', value: 'B-1' }).expect(400);
    expect(withPath.body).toMatchObject({ status: '400', scimType: 'invalidPath', detail });
    const noPath = await patch(id, { op: 'replace', value: { badge: 'B-1' } }).expect(400);
    expect(noPath.body).toMatchObject({ scimType: 'invalidPath', detail });
    const filter = await api.get('/Users?filter=' + encodeURIComponent('badge eq "B-1"')).expect(400);
    expect(filter.body).toMatchObject({ scimType: 'invalidFilter', detail });
    expect(await stored(id)).not.toHaveProperty(BADGES);

    const qualified = await patch(id, { op: 'replace', path: `${ACCESS}:badge`, value: 'B-1' }).expect(200);
    expect(qualified.body[ACCESS]).toEqual({ badge: 'B-1' });
    expect(await find(`${ACCESS}:badge eq "B-1"`)).toEqual([id]);
  });

  it('refuses at start-up an extensions file that would make an Enterprise or seat name ambiguous', () => {
    const department = extensionsFile('department.json', [
      { id: 'urn:example:params:scim:schemas:extension:hr:2.0:User', attributes: [{ name: 'Department' }] },
    ]);
    expect(() => createSchemaRegistry(department)).toThrow(ConfigError);
    expect(() => createSchemaRegistry(department)).toThrow(
      `SCIM_EXTENSIONS_FILE ${department}: urn:example:params:scim:schemas:extension:hr:2.0:User attribute "Department": ` +
        `the name is taken by ${ENTERPRISE}:department, and an unqualified "Department" would become ambiguous`,
    );
    const status = extensionsFile('status.json', [
      { id: 'urn:example:params:scim:schemas:extension:hr:2.0:User', attributes: [{ name: 'status' }] },
    ]);
    expect(() => createSchemaRegistry(status)).toThrow(`taken by ${SEAT}:status`);
  });
});
