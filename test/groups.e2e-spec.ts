import { randomUUID } from 'node:crypto';
import { statementsDuring } from './helpers/statements';
import { createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTRA_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

type Api = ReturnType<typeof scim>;

const filterQuery = (filter: string) => 'filter=' + encodeURIComponent(filter);

async function createUser(api: Api, userName: string, displayName?: string): Promise<string> {
  const res = await api
    .post('/Users', { schemas: [USER], userName, ...(displayName ? { displayName } : {}) })
    .expect(201);
  return res.body.id as string;
}

async function createGroup(api: Api, displayName: string, members: string[] = []): Promise<string> {
  const res = await api
    .post('/Groups', { schemas: [GROUP], displayName, members: members.map((value) => ({ value })) })
    .expect(201);
  return res.body.id as string;
}

async function memberIds(api: Api, groupId: string): Promise<string[]> {
  const res = await api.get(`/Groups/${groupId}`).expect(200);
  return ((res.body.members ?? []) as Array<{ value: string }>).map((m) => m.value).sort();
}

const MEMBERSHIP_TABLES = /group_user_member|group_group_member|group_member/;

describe('SCIM Groups', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let api: Api;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    api = scim(t, tenant);
  });
  afterAll(() => t.close());

  describe('Okta Push Groups', () => {
    it('finds no group, creates it, reads it without members, renames it and manages members', async () => {
      const jane = await createUser(api, 'jane@acme.com', 'Jane Doe');
      const john = await createUser(api, 'john@acme.com');

      const none = await api
        .get(`/Groups?${filterQuery('displayName eq "Engineering"')}&startIndex=1&count=100`)
        .expect(200);
      expect(none.body).toMatchObject({ totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });

      const created = await api
        .post('/Groups', { schemas: [GROUP], displayName: 'Engineering', members: [] })
        .expect(201);
      expect(created.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(created.headers.etag).toBe('W/"1"');
      expect(created.headers.location).toBe(`https://rollcall.test${tenant.base}/Groups/${created.body.id}`);
      expect(created.body).toEqual({
        schemas: [GROUP],
        id: created.body.id,
        displayName: 'Engineering',
        meta: {
          resourceType: 'Group',
          created: expect.any(String),
          lastModified: expect.any(String),
          location: `https://rollcall.test${tenant.base}/Groups/${created.body.id}`,
          version: 'W/"1"',
        },
      });
      const id = created.body.id as string;

      const found = await api
        .get(`/Groups?${filterQuery('displayName eq "engineering"')}&startIndex=1&count=100`)
        .expect(200);
      expect(found.body.totalResults).toBe(1);
      expect(found.body.Resources[0].id).toBe(id);

      const renamed = await api.patch(
        `/Groups/${id}`,
        patchOp({ op: 'replace', value: { id, displayName: 'Eng' } }),
      );
      expect(renamed.status).toBe(204);
      expect(renamed.headers.etag).toBe('W/"2"');

      await api
        .patch(
          `/Groups/${id}`,
          patchOp(
            { op: 'replace', value: { id, displayName: 'Eng' } },
            { op: 'add', path: 'members', value: [{ value: jane, display: 'jane@acme.com' }] },
            { op: 'add', path: 'members', value: [{ value: john, display: 'john@acme.com' }] },
          ),
        )
        .expect(204);
      const read = await api.get(`/Groups/${id}`).expect(200);
      expect(read.body.displayName).toBe('Eng');
      expect(read.body.members).toEqual(
        expect.arrayContaining([
          {
            value: jane,
            $ref: `https://rollcall.test${tenant.base}/Users/${jane}`,
            type: 'User',
            display: 'Jane Doe',
          },
          {
            value: john,
            $ref: `https://rollcall.test${tenant.base}/Users/${john}`,
            type: 'User',
            display: 'john@acme.com',
          },
        ]),
      );
      expect(read.body.members).toHaveLength(2);

      const lean = await api.get(`/Groups/${id}?excludedAttributes=members`).expect(200);
      expect(lean.body).not.toHaveProperty('members');
      expect(lean.body.displayName).toBe('Eng');

      await api
        .patch(`/Groups/${id}`, patchOp({ op: 'remove', path: `members[value eq "${jane}"]` }))
        .expect(204);
      expect(await memberIds(api, id)).toEqual([john]);

      await api
        .patch(`/Groups/${id}`, patchOp({ op: 'replace', path: 'members', value: [{ value: jane }] }))
        .expect(204);
      expect(await memberIds(api, id)).toEqual([jane]);

      const put = await api
        .put(`/Groups/${id}`, {
          schemas: [GROUP],
          id,
          displayName: 'Engineering',
          members: [{ value: john }],
        })
        .expect(200);
      expect(put.body.displayName).toBe('Engineering');
      expect(put.body.members.map((m: { value: string }) => m.value)).toEqual([john]);

      await api.delete(`/Groups/${id}`).expect(204);
      await api.get(`/Groups/${id}`).expect(404);
      const rows = await t.db.query(
        'SELECT count(*)::int AS n FROM group_user_member WHERE tenant_id = $1 AND group_id = $2',
        [tenant.id, id],
      );
      expect(rows[0].n).toBe(0);
    });

    it('imports groups page by page like users', async () => {
      const own = await createTenant(t);
      const ownApi = scim(t, own);
      for (const name of ['G1', 'G2', 'G3']) await createGroup(ownApi, name);
      const first = await ownApi.get('/Groups?startIndex=1&count=2').expect(200);
      expect(first.body).toMatchObject({ totalResults: 3, startIndex: 1, itemsPerPage: 2 });
      const second = await ownApi.get('/Groups?startIndex=3&count=2').expect(200);
      expect(second.body).toMatchObject({ totalResults: 3, startIndex: 3, itemsPerPage: 1 });
      const names = [...first.body.Resources, ...second.body.Resources].map(
        (g: { displayName: string }) => g.displayName,
      );
      expect(names).toEqual(['G1', 'G2', 'G3']);
      const sorted = await ownApi
        .get('/Groups?sortBy=displayName&sortOrder=descending&attributes=displayName')
        .expect(200);
      expect(sorted.body.Resources).toEqual([
        { schemas: [GROUP], id: expect.any(String), displayName: 'G3' },
        { schemas: [GROUP], id: expect.any(String), displayName: 'G2' },
        { schemas: [GROUP], id: expect.any(String), displayName: 'G1' },
      ]);
    });
  });

  describe('Microsoft Entra ID', () => {
    it('creates with its extra schema URI, adds and removes listed members, checks membership by filter', async () => {
      const a = await createUser(api, 'entra-a@acme.com');
      const b = await createUser(api, 'entra-b@acme.com');
      const c = await createUser(api, 'entra-c@acme.com');

      const created = await api
        .post('/Groups', {
          schemas: [GROUP, ENTRA_GROUP],
          externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
          displayName: 'Sales',
          members: [],
          meta: { resourceType: 'Group' },
        })
        .expect(201);
      const id = created.body.id as string;
      expect(created.body.externalId).toBe('8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159');

      await api
        .patch(
          `/Groups/${id}`,
          patchOp({
            op: 'Add',
            path: 'members',
            value: [{ $ref: null, value: a }, { $ref: null, value: b }, { value: c }],
          }),
        )
        .expect(204);
      await api
        .patch(
          `/Groups/${id}`,
          patchOp({ op: 'Remove', path: 'members', value: [{ $ref: null, value: a }, { value: b }] }),
        )
        .expect(204);
      expect(await memberIds(api, id)).toEqual([c]);

      const isMember = await api
        .get(
          `/Groups?${filterQuery(`id eq "${id}" and members[value eq "${c}"]`)}&excludedAttributes=members`,
        )
        .expect(200);
      expect(isMember.body.totalResults).toBe(1);
      expect(isMember.body.Resources[0]).not.toHaveProperty('members');
      const notMember = await api
        .get(
          `/Groups?${filterQuery(`id eq "${id}" and members[value eq "${a}"]`)}&excludedAttributes=members`,
        )
        .expect(200);
      expect(notMember.body.totalResults).toBe(0);
      const dotted = await api.get(`/Groups?${filterQuery(`members.value eq "${c}"`)}`).expect(200);
      expect(dotted.body.Resources.map((g: { id: string }) => g.id)).toEqual([id]);
      const byExternal = await api
        .get(
          `/Groups?${filterQuery('externalId eq "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159"')}&excludedAttributes=members`,
        )
        .expect(200);
      expect(byExternal.body.Resources.map((g: { id: string }) => g.id)).toEqual([id]);

      await api
        .patch(`/Groups/${id}`, patchOp({ op: 'Replace', path: 'displayName', value: 'Sales EMEA' }))
        .expect(204);
      expect((await api.get(`/Groups/${id}?attributes=displayName`).expect(200)).body).toEqual({
        schemas: [GROUP],
        id,
        displayName: 'Sales EMEA',
      });
    });

    it('answers 200 with the projected group when PATCH asks for attributes', async () => {
      const u = await createUser(api, 'patch-200@acme.com');
      const id = await createGroup(api, 'Patch 200');
      const res = await api
        .patch(
          `/Groups/${id}?attributes=members.value,displayName`,
          patchOp({ op: 'add', path: 'members', value: [{ value: u }] }),
        )
        .expect(200);
      expect(res.body).toEqual({ schemas: [GROUP], id, displayName: 'Patch 200', members: [{ value: u }] });
      expect(res.headers.etag).toBe('W/"2"');
    });
  });

  describe('membership rules', () => {
    it('adding a member twice or removing an absent one succeeds and changes nothing', async () => {
      const u = await createUser(api, 'idem@acme.com');
      const v = await createUser(api, 'idem2@acme.com');
      const id = await createGroup(api, 'Idempotent', [u]);
      const again = await api
        .patch(`/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: u }] }))
        .expect(204);
      expect(again.headers.etag).toBe('W/"1"');
      await api
        .patch(`/Groups/${id}`, patchOp({ op: 'remove', path: `members[value eq "${v}"]` }))
        .expect(204);
      await api
        .patch(`/Groups/${id}`, patchOp({ op: 'Remove', path: 'members', value: [{ value: v }] }))
        .expect(204);
      const read = await api.get(`/Groups/${id}`).expect(200);
      expect(read.body.meta.version).toBe('W/"1"');
      expect(read.body.members.map((m: { value: string }) => m.value)).toEqual([u]);
    });

    it('refuses unknown, malformed and foreign members with 400 invalidValue and writes nothing', async () => {
      const other = await createTenant(t);
      const foreign = await createUser(scim(t, other), 'foreign@acme.com');
      const u = await createUser(api, 'rules@acme.com');
      const id = await createGroup(api, 'Rules');
      for (const value of [randomUUID(), 'not-a-uuid', foreign]) {
        const res = await api
          .patch(
            `/Groups/${id}`,
            patchOp(
              { op: 'replace', path: 'displayName', value: 'Renamed' },
              { op: 'add', path: 'members', value: [{ value: u }, { value }] },
            ),
          )
          .expect(400);
        expect(res.body).toMatchObject({ status: '400', scimType: 'invalidValue' });
        expect(res.body.detail).toBe(`member ${value} is not a User or Group of this tenant`);
      }
      const missingValue = await api
        .patch(`/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ type: 'User' }] }))
        .expect(400);
      expect(missingValue.body).toMatchObject({
        scimType: 'invalidValue',
        detail: 'members[0].value is required',
      });
      const read = await api.get(`/Groups/${id}`).expect(200);
      expect(read.body).toMatchObject({ displayName: 'Rules', meta: { version: 'W/"1"' } });
      expect(read.body).not.toHaveProperty('members');

      const onCreate = await api
        .post('/Groups', { schemas: [GROUP], displayName: 'Foreign', members: [{ value: foreign }] })
        .expect(400);
      expect(onCreate.body.scimType).toBe('invalidValue');
      await api
        .get(`/Groups?${filterQuery('displayName eq "Foreign"')}`)
        .expect(200)
        .expect((r) => {
          expect(r.body.totalResults).toBe(0);
        });
    });

    it('keeps displayName unique per tenant whatever its case, and requires it', async () => {
      await createGroup(api, 'Unique Name');
      const dup = await api.post('/Groups', { schemas: [GROUP], displayName: 'UNIQUE name' }).expect(409);
      expect(dup.body).toMatchObject({
        status: '409',
        scimType: 'uniqueness',
        detail: 'displayName is already taken by another Group of this tenant',
      });
      const other = await createTenant(t);
      await createGroup(scim(t, other), 'Unique Name');
      const missing = await api.post('/Groups', { schemas: [GROUP], members: [] }).expect(400);
      expect(missing.body).toMatchObject({ scimType: 'invalidValue', detail: 'displayName is required' });
    });

    it('answers PATCH errors with the right scimType', async () => {
      const id = await createGroup(api, 'Errors');
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ op: 'add', path: 'owners', value: 'x' }, 'invalidPath'],
        [{ op: 'replace', path: 'meta.version', value: 'x' }, 'mutability'],
        [{ op: 'replace', path: 'members[value eq "x"]', value: [] }, 'invalidPath'],
        [{ op: 'remove', path: 'members[value eq' }, 'invalidPath'],
        [{ op: 'remove', path: 'displayName' }, 'invalidValue'],
      ];
      for (const [operation, scimType] of cases) {
        const res = await api.patch(`/Groups/${id}`, patchOp(operation));
        expect({ operation, status: res.status, scimType: res.body.scimType }).toEqual({
          operation,
          status: 400,
          scimType,
        });
      }
      await api.patch(`/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [] })).expect(204);
      const stale = await api
        .patch(`/Groups/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'X' }))
        .set('If-Match', 'W/"9"')
        .expect(412);
      expect(stale.body.scimType).toBeUndefined();
      await api.get(`/Groups/${id}`).set('If-None-Match', 'W/"1"').expect(304);
    });
  });

  describe('nested groups and the User groups attribute', () => {
    it('lists direct and indirect groups on the User, and refuses cycles', async () => {
      const u = await createUser(api, 'nested@acme.com');
      const child = await createGroup(api, 'Child', [u]);
      const parent = await createGroup(api, 'Parent');
      await api
        .patch(
          `/Groups/${parent}`,
          patchOp({ op: 'add', path: 'members', value: [{ value: child, type: 'Group' }] }),
        )
        .expect(204);
      const parentRead = await api.get(`/Groups/${parent}`).expect(200);
      expect(parentRead.body.members).toEqual([
        {
          value: child,
          $ref: `https://rollcall.test${tenant.base}/Groups/${child}`,
          type: 'Group',
          display: 'Child',
        },
      ]);
      const user = await api.get(`/Users/${u}`).expect(200);
      expect(user.body.groups).toEqual([
        {
          value: child,
          $ref: `https://rollcall.test${tenant.base}/Groups/${child}`,
          display: 'Child',
          type: 'direct',
        },
        {
          value: parent,
          $ref: `https://rollcall.test${tenant.base}/Groups/${parent}`,
          display: 'Parent',
          type: 'indirect',
        },
      ]);
      // A write to the user answers with the same groups, and a projection without them leaves them out.
      const patched = await api
        .patch(`/Users/${u}`, patchOp({ op: 'replace', path: 'displayName', value: 'Nested' }))
        .expect(200);
      expect(patched.body.groups).toEqual(user.body.groups);
      const replaced = await api
        .put(`/Users/${u}`, { schemas: [USER], userName: 'nested@acme.com', displayName: 'Nested again' })
        .expect(200);
      expect(replaced.body.groups).toEqual(user.body.groups);
      const lean = await api
        .patch(
          `/Users/${u}?excludedAttributes=groups`,
          patchOp({ op: 'replace', path: 'displayName', value: 'Lean' }),
        )
        .expect(200);
      expect(lean.body).not.toHaveProperty('groups');

      const cycle = await api
        .patch(`/Groups/${child}`, patchOp({ op: 'add', path: 'members', value: [{ value: parent }] }))
        .expect(400);
      expect(cycle.body).toMatchObject({ scimType: 'invalidValue' });
      expect(cycle.body.detail).toMatch(/loop/);
      const self = await api
        .patch(`/Groups/${child}`, patchOp({ op: 'add', path: 'members', value: [{ value: child }] }))
        .expect(400);
      expect(self.body.detail).toBe('a Group cannot be its own member');

      // Deleting the child takes it out of its parent, whose version moves on.
      await api.delete(`/Groups/${child}`).expect(204);
      const after = await api.get(`/Groups/${parent}`).expect(200);
      expect(after.body).not.toHaveProperty('members');
      expect(after.body.meta.version).toBe('W/"3"');
      expect((await api.get(`/Users/${u}`).expect(200)).body).not.toHaveProperty('groups');
    });

    it('deleting a user removes it from every group', async () => {
      const u = await createUser(api, 'leaver@acme.com');
      const stay = await createUser(api, 'stayer@acme.com');
      const g1 = await createGroup(api, 'Leaver 1', [u, stay]);
      const g2 = await createGroup(api, 'Leaver 2', [u]);
      await api.delete(`/Users/${u}`).expect(204);
      expect(await memberIds(api, g1)).toEqual([stay]);
      expect(await memberIds(api, g2)).toEqual([]);
      expect((await api.get(`/Groups/${g1}`).expect(200)).body.meta.version).toBe('W/"2"');
      const rows = await t.db.query(
        'SELECT count(*)::int AS n FROM group_user_member WHERE tenant_id = $1 AND user_id = $2',
        [tenant.id, u],
      );
      expect(rows[0].n).toBe(0);
    });
  });

  describe('tenant isolation', () => {
    it("tenant B can neither see nor change tenant A's groups, nor add A's users to its own", async () => {
      const u = await createUser(api, 'isolated@acme.com');
      const id = await createGroup(api, 'Isolated', [u]);
      const other = await createTenant(t);
      const b = scim(t, other);
      await b.get(`/Groups/${id}`).expect(404);
      await b
        .patch(`/Groups/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Taken' }))
        .expect(404);
      await b.delete(`/Groups/${id}`).expect(404);
      const listed = await b.get(`/Groups?${filterQuery(`members.value eq "${u}"`)}`).expect(200);
      expect(listed.body.totalResults).toBe(0);
      const own = await createGroup(b, 'Own');
      await b
        .patch(`/Groups/${own}`, patchOp({ op: 'add', path: 'members', value: [{ value: u }] }))
        .expect(400);
      expect(await memberIds(api, id)).toEqual([u]);
    });
  });

  describe('SQL cost', () => {
    it('excludedAttributes=members never reads the membership tables', async () => {
      const u = await createUser(api, 'cost@acme.com');
      const id = await createGroup(api, 'Cost', [u]);
      const single = await statementsDuring(() =>
        api.get(`/Groups/${id}?excludedAttributes=members`).expect(200),
      );
      expect(single.length).toBeGreaterThan(0);
      expect(single.filter((sql) => MEMBERSHIP_TABLES.test(sql))).toEqual([]);
      const list = await statementsDuring(() =>
        api.get(`/Groups?${filterQuery('displayName eq "Cost"')}&excludedAttributes=members`).expect(200),
      );
      expect(list.filter((sql) => MEMBERSHIP_TABLES.test(sql))).toEqual([]);
      const full = await statementsDuring(() => api.get(`/Groups/${id}`).expect(200));
      expect(full.filter((sql) => MEMBERSHIP_TABLES.test(sql))).toHaveLength(1);
    });

    it('lists 100 groups with their members in as many statements as 5 groups', async () => {
      const own = await createTenant(t);
      const ownApi = scim(t, own);
      const u = await createUser(ownApi, 'many@acme.com');
      for (let i = 0; i < 100; i += 1) await createGroup(ownApi, `Many ${String(i).padStart(3, '0')}`, [u]);
      let small: string[] = [];
      let large: string[] = [];
      const smallPage = await (async () => {
        let body: { Resources: Array<{ members: unknown[] }> } = { Resources: [] };
        small = await statementsDuring(async () => {
          body = (await ownApi.get('/Groups?count=5').expect(200)).body;
        });
        return body;
      })();
      const largePage = await (async () => {
        let body: { Resources: Array<{ members: unknown[] }> } = { Resources: [] };
        large = await statementsDuring(async () => {
          body = (await ownApi.get('/Groups?count=100').expect(200)).body;
        });
        return body;
      })();
      expect(smallPage.Resources).toHaveLength(5);
      expect(largePage.Resources).toHaveLength(100);
      expect(largePage.Resources.every((g) => g.members.length === 1)).toBe(true);
      expect(large.length).toBe(small.length);
      expect(large.filter((sql) => MEMBERSHIP_TABLES.test(sql))).toHaveLength(1);
    });

    it('streams a group larger than one read batch, every member once', async () => {
      const own = await createTenant(t);
      const ownApi = scim(t, own);
      const id = await createGroup(ownApi, 'Big');
      const size = 12_000;
      await t.db.query(
        `INSERT INTO scim_user (tenant_id, id, user_name, data, created_at, last_modified)
         SELECT $1, gen_random_uuid(), 'bulk' || n || '@acme.com', jsonb_build_object('userName', 'bulk' || n || '@acme.com'), now(), now()
           FROM generate_series(1, $2::int) AS n`,
        [own.id, size],
      );
      await t.db.query(
        `INSERT INTO group_user_member (tenant_id, group_id, user_id) SELECT $1, $2, id FROM scim_user WHERE tenant_id = $1`,
        [own.id, id],
      );
      const res = await ownApi.get(`/Groups/${id}`).expect(200);
      expect(res.body.members).toHaveLength(size);
      expect(new Set(res.body.members.map((m: { value: string }) => m.value)).size).toBe(size);
      const listed = await ownApi.get('/Groups?attributes=members.value').expect(200);
      expect(listed.body.Resources[0].members).toHaveLength(size);
      expect(listed.body.Resources[0].members[0]).toEqual({ value: expect.any(String) });
    });
  });
});
