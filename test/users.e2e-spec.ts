import { verifyPassword } from '../src/users/password-hasher';
import { admin, createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const SEAT = 'urn:rollcall:params:scim:schemas:extension:seat:2.0:User';

function oktaUser(userName: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [USER],
    userName,
    name: { givenName: 'Jane', familyName: 'Doe' },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: 'Jane Doe',
    locale: 'en-US',
    externalId: '00u1ab2cd3EF4gh5i6j7',
    groups: [],
    password: 't3mp!Pass',
    active: true,
    ...extra,
  };
}

describe('SCIM Users', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let api: ReturnType<typeof scim>;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    api = scim(t, tenant);
  });
  afterAll(() => t.close());

  async function create(userName: string, extra: Record<string, unknown> = {}) {
    const res = await api.post('/Users', oktaUser(userName, extra)).expect(201);
    return res.body as { id: string; [k: string]: unknown };
  }

  describe('Okta', () => {
    it('Test API Credentials: lists users with startIndex=1&count=1', async () => {
      const res = await api.get('/Users?startIndex=1&count=1').expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(res.body).toMatchObject({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        startIndex: 1,
      });
      expect(Array.isArray(res.body.Resources)).toBe(true);
    });

    it('creates a user after an empty userName filter, then finds it in any case', async () => {
      const none = await api
        .get('/Users?filter=' + encodeURIComponent('userName eq "jane@acme.com"') + '&startIndex=1&count=100')
        .expect(200);
      expect(none.body).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });

      const res = await api.post('/Users', oktaUser('jane@acme.com')).expect(201);
      expect(res.body).toMatchObject({
        schemas: [USER, SEAT],
        userName: 'jane@acme.com',
        name: { givenName: 'Jane', familyName: 'Doe' },
        emails: [{ primary: true, value: 'jane@acme.com', type: 'work' }],
        active: true,
        externalId: '00u1ab2cd3EF4gh5i6j7',
        meta: { resourceType: 'User', version: 'W/"1"' },
      });
      expect(res.body).not.toHaveProperty('password');
      expect(res.headers.location).toBe(`https://rollcall.test${tenant.base}/Users/${res.body.id}`);
      expect(res.headers.etag).toBe('W/"1"');
      const stored = await t.db.query(
        'SELECT password_hash, data FROM scim_user WHERE tenant_id = $1 AND id = $2',
        [tenant.id, res.body.id],
      );
      expect(stored[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await verifyPassword('t3mp!Pass', stored[0].password_hash)).toBe(true);
      expect(await verifyPassword('t3mp!pass', stored[0].password_hash)).toBe(false);
      expect(JSON.stringify(stored[0].data)).not.toContain('t3mp!Pass');

      const found = await api
        .get('/Users?filter=' + encodeURIComponent('userName eq "JANE@ACME.COM"'))
        .expect(200);
      expect(found.body.totalResults).toBe(1);
      expect(found.body.Resources[0].id).toBe(res.body.id);

      const dup = await api.post('/Users', oktaUser('Jane@Acme.com')).expect(409);
      expect(dup.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
      expect(dup.body.detail).toMatch(/userName/);
    });

    it('accepts application/json bodies too', async () => {
      const res = await t.http
        .post(`${tenant.base}/Users`)
        .set('Authorization', `Bearer ${tenant.token}`)
        .set('Content-Type', 'application/json')
        .send(oktaUser('json@acme.com'))
        .expect(201);
      expect(res.body.userName).toBe('json@acme.com');
    });

    it('reads a user, and answers 404 with a detail for an unknown id', async () => {
      const user = await create('read@acme.com');
      const res = await api.get(`/Users/${user.id}`).expect(200);
      expect(res.body).toMatchObject({ id: user.id, userName: 'read@acme.com', active: true });
      const missing = await api.get('/Users/00000000-0000-4000-8000-000000000000').expect(404);
      expect(missing.body).toEqual({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '404',
        detail: 'User 00000000-0000-4000-8000-000000000000 not found',
      });
      await api.get('/Users/not-a-uuid').expect(404);
    });

    it('PUT replaces the user, ignoring id, meta and groups, and clears what is left out', async () => {
      const user = await create('put@acme.com', { nickName: 'PJ', title: 'Engineer' });
      const res = await api
        .put(`/Users/${user.id}`, {
          schemas: [USER],
          id: 'ignored',
          meta: { resourceType: 'User', created: '2001-01-01T00:00:00Z' },
          groups: [{ value: 'x' }],
          userName: 'put@acme.com',
          name: { givenName: 'Janet', familyName: 'Doe' },
          active: true,
          title: 'Manager',
        })
        .expect(200);
      expect(res.body).toMatchObject({
        id: user.id,
        title: 'Manager',
        name: { givenName: 'Janet', familyName: 'Doe' },
      });
      expect(res.body).not.toHaveProperty('nickName');
      expect(res.body).not.toHaveProperty('emails');
      expect(res.body.meta.version).toBe('W/"2"');
      expect(res.body.meta.created).toBe(user.meta && (user.meta as { created: string }).created);
    });

    it('deactivates and reactivates with PATCH active, still found by userName', async () => {
      const user = await create('deact@acme.com');
      const off = await api
        .patch(`/Users/${user.id}`, patchOp({ op: 'replace', value: { active: false } }))
        .expect(200);
      expect(off.body.active).toBe(false);
      const found = await api
        .get('/Users?filter=' + encodeURIComponent('userName eq "deact@acme.com"'))
        .expect(200);
      expect(found.body.Resources[0]).toMatchObject({ id: user.id, active: false });
      const on = await api
        .patch(`/Users/${user.id}`, patchOp({ op: 'replace', value: { active: true } }))
        .expect(200);
      expect(on.body.active).toBe(true);
    });

    it('imports users page by page with consistent paging', async () => {
      const other = await createTenant(t);
      const api2 = scim(t, other);
      for (let i = 0; i < 7; i++) await api2.post('/Users', oktaUser(`import${i}@acme.com`)).expect(201);
      const seen: string[] = [];
      for (let start = 1; start <= 7; start += 3) {
        const page = await api2.get(`/Users?startIndex=${start}&count=3`).expect(200);
        expect(page.body.totalResults).toBe(7);
        expect(page.body.startIndex).toBe(start);
        expect(page.body.itemsPerPage).toBe(page.body.Resources.length);
        seen.push(...page.body.Resources.map((r: { userName: string }) => r.userName));
      }
      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `import${i}@acme.com`));
      const countOnly = await api2.get('/Users?count=0').expect(200);
      expect(countOnly.body).toMatchObject({ totalResults: 7, itemsPerPage: 0, Resources: [] });
      const big = await api2.get('/Users?count=5000&startIndex=-4').expect(200);
      expect(big.body).toMatchObject({ startIndex: 1, itemsPerPage: 7 });
    });
  });

  describe('Microsoft Entra ID', () => {
    it('Test Connection: a random userName gives an empty list, not 404', async () => {
      const res = await api
        .get('/Users?filter=' + encodeURIComponent('userName eq "5b8f2a40-1d1e-4c55-9a55-2a8d35e2f7aa"'))
        .expect(200);
      expect(res.body).toMatchObject({ totalResults: 0, Resources: [] });
    });

    it('creates with the enterprise schema, ignores meta and nulls, and patches as Entra does', async () => {
      const manager = await create('boss@acme.com');
      const res = await api
        .post('/Users', {
          schemas: [USER, ENTERPRISE],
          externalId: 'entra-1',
          userName: 'ann@acme.com',
          active: true,
          emails: [{ primary: true, type: 'work', value: 'ann@acme.com' }],
          meta: { resourceType: 'User' },
          name: { formatted: 'Ann Lee', familyName: 'Lee', givenName: 'Ann' },
          roles: [],
          nickName: null,
          [ENTERPRISE]: { department: 'Sales', employeeNumber: '42' },
        })
        .expect(201);
      const id = res.body.id;
      expect(res.body.schemas).toEqual([USER, ENTERPRISE, SEAT]);
      expect(res.body[ENTERPRISE]).toEqual({ department: 'Sales', employeeNumber: '42' });
      expect(res.body).not.toHaveProperty('roles');
      expect(res.body).not.toHaveProperty('nickName');

      const byExternal = await api
        .get('/Users?filter=' + encodeURIComponent('externalId eq "entra-1"'))
        .expect(200);
      expect(byExternal.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);

      const patched = await api
        .patch(
          `/Users/${id}`,
          patchOp(
            { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ann.lee@acme.com' },
            { op: 'Replace', path: 'name.familyName', value: 'Lee-Smith' },
            { op: 'Add', path: 'nickName', value: 'Annie' },
            {
              op: 'replace',
              value: {
                displayName: 'Ann L',
                'name.givenName': 'Anna',
                [`${ENTERPRISE}:department`]: 'R&D',
              },
            },
            { op: 'Add', path: `${ENTERPRISE}:manager`, value: manager.id },
          ),
        )
        .expect(200);
      expect(patched.body).toMatchObject({
        emails: [{ primary: true, type: 'work', value: 'ann.lee@acme.com' }],
        name: { formatted: 'Ann Lee', familyName: 'Lee-Smith', givenName: 'Anna' },
        nickName: 'Annie',
        displayName: 'Ann L',
      });
      expect(patched.body[ENTERPRISE]).toMatchObject({ department: 'R&D', manager: { value: manager.id } });

      const disabled = await api
        .patch(`/Users/${id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' }))
        .expect(200);
      expect(disabled.body.active).toBe(false);

      const cleared = await api
        .patch(`/Users/${id}`, patchOp({ op: 'Replace', path: `${ENTERPRISE}:manager`, value: '' }))
        .expect(200);
      expect(cleared.body[ENTERPRISE]).not.toHaveProperty('manager');
      await api
        .patch(
          `/Users/${id}`,
          patchOp({ op: 'Add', path: `${ENTERPRISE}:manager`, value: { value: manager.id } }),
        )
        .expect(200);
      const removed = await api
        .patch(`/Users/${id}`, patchOp({ op: 'Remove', path: `${ENTERPRISE}:manager` }))
        .expect(200);
      expect(removed.body[ENTERPRISE]).toEqual({ department: 'R&D', employeeNumber: '42' });

      const renamed = await api
        .patch(`/Users/${id}`, patchOp({ op: 'Replace', path: 'userName', value: 'ann.lee@acme.com' }))
        .expect(200);
      expect(renamed.body.userName).toBe('ann.lee@acme.com');

      await api.delete(`/Users/${id}`).expect(204);
      await api.get(`/Users/${id}`).expect(404);
      await api.delete(`/Users/${id}`).expect(404);
    });

    it('accepts capitalised attribute names and string booleans', async () => {
      const res = await api
        .post('/Users', {
          schemas: [USER],
          UserName: 'caps@acme.com',
          Active: 'True',
          Name: { FamilyName: 'Caps' },
          Emails: [{ Primary: 'true', Value: 'caps@acme.com' }],
        })
        .expect(201);
      expect(res.body).toMatchObject({
        userName: 'caps@acme.com',
        active: true,
        name: { familyName: 'Caps' },
        emails: [{ primary: true, value: 'caps@acme.com' }],
      });
      const p = await api
        .patch(`/Users/${res.body.id}`, patchOp({ op: 'replace', path: 'name.FamilyName', value: 'Upper' }))
        .expect(200);
      expect(p.body.name.familyName).toBe('Upper');
    });
  });

  describe('validation', () => {
    it('answers 400 with the right scimType and writes nothing', async () => {
      const count = async () =>
        (await t.db.query('SELECT count(*)::int AS n FROM scim_user WHERE tenant_id = $1', [tenant.id]))[0].n;
      const before = await count();
      const missing = await api.post('/Users', { schemas: [USER], name: { givenName: 'X' } }).expect(400);
      expect(missing.body).toMatchObject({ scimType: 'invalidValue', detail: 'userName is required' });
      const wrongType = await api
        .post('/Users', { schemas: [USER], userName: 'x@acme.com', active: 'maybe' })
        .expect(400);
      expect(wrongType.body.scimType).toBe('invalidValue');
      const unknown = await api
        .post('/Users', { schemas: [USER], userName: 'x@acme.com', shoeSize: 42 })
        .expect(400);
      expect(unknown.body.scimType).toBe('invalidSyntax');
      const primaries = await api
        .post('/Users', {
          schemas: [USER],
          userName: 'x@acme.com',
          emails: [
            { value: 'a@x', primary: true },
            { value: 'b@x', primary: true },
          ],
        })
        .expect(400);
      expect(primaries.body.scimType).toBe('invalidValue');
      const noSchemas = await api.post('/Users', { userName: 'x@acme.com' }).expect(400);
      expect(noSchemas.body.scimType).toBe('invalidSyntax');
      expect(await count()).toBe(before);
    });

    it('rejects bad PATCH paths and values, applying none of the operations', async () => {
      const user = await create('patcherr@acme.com', { title: 'Before' });
      const bad = async (op: Record<string, unknown>, scimType: string) => {
        const res = await api
          .patch(`/Users/${user.id}`, patchOp({ op: 'replace', path: 'title', value: 'After' }, op))
          .expect(400);
        expect(res.body.scimType).toBe(scimType);
      };
      await bad({ op: 'replace', path: 'shoeSize', value: 1 }, 'invalidPath');
      await bad({ op: 'replace', path: 'emails[type eq "home"].value', value: 'x@y' }, 'noTarget');
      await bad({ op: 'remove', path: 'emails[type eq "home"]' }, 'noTarget');
      await bad({ op: 'replace', path: 'id', value: 'x' }, 'mutability');
      await bad({ op: 'replace', path: 'meta.created', value: '2020-01-01T00:00:00Z' }, 'mutability');
      await bad({ op: 'replace', path: 'active', value: 'nope' }, 'invalidValue');
      await bad({ op: 'remove', path: 'userName' }, 'invalidValue');
      await bad({ op: 'jump', path: 'title' }, 'invalidSyntax');
      const after = await api.get(`/Users/${user.id}`).expect(200);
      expect(after.body.title).toBe('Before');
      expect(after.body.meta.version).toBe('W/"1"');
    });

    it('answers 400 invalidFilter for filters that do not parse or name unknown attributes', async () => {
      for (const filter of [
        'JANE@ACME.COM',
        'userName eq',
        'shoeSize eq 1',
        'userName eq "x" and',
        'active gt true',
      ]) {
        const res = await api.get('/Users?filter=' + encodeURIComponent(filter)).expect(400);
        expect(res.body).toMatchObject({ status: '400', scimType: 'invalidFilter' });
      }
    });

    it('treats injection attempts in filters as plain values', async () => {
      await create('inject@acme.com');
      const res = await api
        .get('/Users?filter=' + encodeURIComponent('userName eq "x\\" or 1=1"'))
        .expect(200);
      expect(res.body.totalResults).toBe(0);
      const co = await api
        .get('/Users?filter=' + encodeURIComponent('userName co "\'; DROP TABLE scim_user; --"'))
        .expect(200);
      expect(co.body.totalResults).toBe(0);
      const like = await api.get('/Users?filter=' + encodeURIComponent('userName co "%"')).expect(200);
      expect(like.body.totalResults).toBe(0);
      await api.get('/Users?filter=' + encodeURIComponent('userName eq "inject@acme.com"')).expect(200);
    });
  });

  describe('filters', () => {
    let f: ReturnType<typeof scim>;
    const ids: Record<string, string> = {};
    const q = async (filter: string) => {
      const res = await f.get('/Users?filter=' + encodeURIComponent(filter) + '&sortBy=userName').expect(200);
      return res.body.Resources.map((r: { userName: string }) => r.userName);
    };
    beforeAll(async () => {
      const ft = await createTenant(t);
      f = scim(t, ft);
      const people = [
        {
          userName: 'alice@example.com',
          title: 'Engineer',
          emails: [
            { type: 'work', value: 'alice@example.com' },
            { type: 'home', value: 'al@home.org' },
          ],
          [ENTERPRISE]: { department: 'R&D' },
        },
        {
          userName: 'bob@example.com',
          title: 'Manager',
          active: false,
          emails: [{ type: 'home', value: 'bob@example.com' }],
          addresses: [{ type: 'work', locality: 'Paris' }],
        },
        {
          userName: 'carol@other.org',
          emails: [{ type: 'work', value: 'carol@other.org' }],
          [ENTERPRISE]: { department: 'Sales' },
        },
      ];
      for (const p of people)
        ids[p.userName] = (await f.post('/Users', { schemas: [USER], ...p }).expect(201)).body.id;
    });

    it('supports every operator', async () => {
      expect(await q('userName eq "ALICE@example.com"')).toEqual(['alice@example.com']);
      expect(await q('userName ne "alice@example.com"')).toEqual(['bob@example.com', 'carol@other.org']);
      expect(await q('userName co "EXAMPLE"')).toEqual(['alice@example.com', 'bob@example.com']);
      expect(await q('userName sw "b"')).toEqual(['bob@example.com']);
      expect(await q('userName ew ".org"')).toEqual(['carol@other.org']);
      expect(await q('title pr')).toEqual(['alice@example.com', 'bob@example.com']);
      expect(await q('userName gt "bob@example.com"')).toEqual(['carol@other.org']);
      expect(await q('userName ge "bob@example.com"')).toEqual(['bob@example.com', 'carol@other.org']);
      expect(await q('userName lt "bob@example.com"')).toEqual(['alice@example.com']);
      expect(await q('userName le "bob@example.com"')).toEqual(['alice@example.com', 'bob@example.com']);
      expect(await q('active eq false')).toEqual(['bob@example.com']);
    });

    it('combines with and, or, not and parentheses', async () => {
      expect(await q('title pr and active eq true')).toEqual(['alice@example.com']);
      expect(await q('title eq "Manager" or userName ew ".org"')).toEqual([
        'bob@example.com',
        'carol@other.org',
      ]);
      expect(await q('not (title pr)')).toEqual(['carol@other.org']);
      expect(await q('(userName sw "a" or userName sw "b") and not (active eq false)')).toEqual([
        'alice@example.com',
      ]);
    });

    it('filters on multi-valued, complex, sub-attribute and extension paths', async () => {
      expect(await q('emails[type eq "work" and value co "@example.com"]')).toEqual(['alice@example.com']);
      expect(await q('emails.value eq "AL@HOME.ORG"')).toEqual(['alice@example.com']);
      expect(await q('emails.type eq "home"')).toEqual(['alice@example.com', 'bob@example.com']);
      expect(
        await q(
          'addresses[type eq "work"].locality eq "Paris"'.replace(
            '].locality eq "Paris"',
            ' and locality eq "Paris"]',
          ),
        ),
      ).toEqual(['bob@example.com']);
      expect(await q(`${ENTERPRISE}:department eq "r&d"`)).toEqual(['alice@example.com']);
      expect(await q(`urn:ietf:params:scim:schemas:core:2.0:User:userName eq "carol@other.org"`)).toEqual([
        'carol@other.org',
      ]);
      expect(await q(`id eq "${ids['bob@example.com']}"`)).toEqual(['bob@example.com']);
      expect(await q('id eq "not-a-uuid"')).toEqual([]);
    });

    it('compares dateTime attributes as time', async () => {
      expect(await q('meta.lastModified gt "2000-01-01T00:00:00Z"')).toHaveLength(3);
      expect(await q('meta.created lt "2000-01-01T00:00:00+02:00"')).toEqual([]);
      const bad = await f
        .get('/Users?filter=' + encodeURIComponent('meta.created gt "yesterday"'))
        .expect(400);
      expect(bad.body.scimType).toBe('invalidFilter');
    });

    it('sorts ascending and descending, and searches with POST /.search', async () => {
      const desc = await f.get('/Users?sortBy=userName&sortOrder=descending').expect(200);
      expect(desc.body.Resources.map((r: { userName: string }) => r.userName)).toEqual([
        'carol@other.org',
        'bob@example.com',
        'alice@example.com',
      ]);
      const search = await f
        .post('/Users/.search', {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
          filter: 'emails.type eq "work"',
          sortBy: 'userName',
          attributes: ['userName'],
          count: 1,
          startIndex: 2,
        })
        .expect(200);
      expect(search.body).toMatchObject({ totalResults: 2, startIndex: 2, itemsPerPage: 1 });
      expect(search.body.Resources[0]).toEqual({
        schemas: [USER],
        id: ids['carol@other.org'],
        userName: 'carol@other.org',
      });
    });

    it('projects attributes and excludedAttributes on every response', async () => {
      const id = ids['alice@example.com'];
      const only = await f.get(`/Users/${id}?attributes=userName,name.givenName,emails.value`).expect(200);
      expect(only.body).toEqual({
        schemas: [USER],
        id,
        userName: 'alice@example.com',
        emails: [{ value: 'alice@example.com' }, { value: 'al@home.org' }],
      });
      const without = await f.get(`/Users/${id}?excludedAttributes=emails,title,meta,id`).expect(200);
      expect(without.body).not.toHaveProperty('emails');
      expect(without.body).not.toHaveProperty('title');
      expect(without.body).toHaveProperty('id', id);
      expect(without.body).not.toHaveProperty('meta');
      expect(without.body).toHaveProperty('userName', 'alice@example.com');
      const patched = await f
        .patch(`/Users/${id}?attributes=title`, patchOp({ op: 'replace', path: 'title', value: 'Lead' }))
        .expect(200);
      expect(patched.body).toEqual({ schemas: [USER], id, title: 'Lead' });
    });
  });

  describe('ETags', () => {
    it('sends ETag, honours If-None-Match with 304 and If-Match with 412', async () => {
      const user = await create('etag@acme.com');
      const res = await api.get(`/Users/${user.id}`).expect(200);
      expect(res.headers.etag).toBe('W/"1"');
      await api.get(`/Users/${user.id}`).set('If-None-Match', 'W/"1"').expect(304);
      await api
        .patch(`/Users/${user.id}`, patchOp({ op: 'replace', path: 'title', value: 'A' }))
        .set('If-Match', 'W/"9"')
        .expect(412);
      const ok = await api
        .patch(`/Users/${user.id}`, patchOp({ op: 'replace', path: 'title', value: 'A' }))
        .set('If-Match', 'W/"1"')
        .expect(200);
      expect(ok.headers.etag).toBe('W/"2"');
      await api.get(`/Users/${user.id}`).set('If-None-Match', 'W/"1"').expect(200);
      await api.put(`/Users/${user.id}`, oktaUser('etag@acme.com')).set('If-Match', 'W/"1"').expect(412);
      await api.delete(`/Users/${user.id}`).set('If-Match', 'W/"1"').expect(412);
      await api.delete(`/Users/${user.id}`).set('If-Match', 'W/"2"').expect(204);
    });
  });

  it('gives exactly one 201 and nineteen 409 for 20 concurrent POSTs of one userName', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.post('/Users', oktaUser(i % 2 ? 'RACE@acme.com' : 'race@acme.com')).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const rows = await t.db.query(
      `SELECT count(*)::int AS n FROM scim_user WHERE tenant_id = $1 AND lower(user_name) = 'race@acme.com'`,
      [tenant.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it("keeps tenants apart: tenant B cannot read, list, change or delete tenant A's users", async () => {
    const user = await create('private@acme.com');
    const other = await createTenant(t);
    const b = scim(t, other);
    await b.get(`/Users/${user.id}`).expect(404);
    const list = await b
      .get('/Users?filter=' + encodeURIComponent('userName eq "private@acme.com"'))
      .expect(200);
    expect(list.body.totalResults).toBe(0);
    await b.put(`/Users/${user.id}`, oktaUser('private@acme.com')).expect(404);
    await b.patch(`/Users/${user.id}`, patchOp({ op: 'replace', value: { active: false } })).expect(404);
    await b.delete(`/Users/${user.id}`).expect(404);
    const still = await api.get(`/Users/${user.id}`).expect(200);
    expect(still.body.active).toBe(true);
    // and B may create the same userName in its own tenant
    await b.post('/Users', oktaUser('private@acme.com')).expect(201);
    await admin(t).get(`/admin/tenants/${other.id}`).expect(200);
  });
});
