import { admin, createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';

// What peer-written conformance suites (python-scim's scim2-tester, Microsoft's reference collection)
// send and what RFC 7644 makes of it.
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

type Api = ReturnType<typeof scim>;

describe('SCIM conformance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function eventTypes(tenant: TestTenant, after: string): Promise<[string[], string]> {
    const res = await admin(t)
      .get(`/admin/tenants/${tenant.id}/events?after=${after}&limit=1000`)
      .expect(200);
    const body = res.body as { items: Array<{ type: string }>; cursor: string };
    return [body.items.map((e) => e.type), body.cursor];
  }

  async function seatsUsed(tenant: TestTenant): Promise<number> {
    return (await admin(t).get(`/admin/tenants/${tenant.id}/seats`).expect(200)).body.used as number;
  }

  async function stored(id: string): Promise<{ active: boolean; data: Record<string, unknown> }> {
    const rows = await t.db.query('SELECT active, data FROM scim_user WHERE id = $1', [id]);
    return rows[0];
  }

  describe('PATCH remove of active (RFC 7644 §3.5.2.2: the attribute becomes unassigned)', () => {
    /** Removes `active` and checks that the answer and the row both say inactive. */
    async function removeActive(api: Api, id: string, op: string): Promise<void> {
      const res = await api.patch(`/Users/${id}`, patchOp({ op, path: 'active' })).expect(200);
      expect(res.body.active).toBe(false);
      expect(await stored(id)).toMatchObject({ active: false, data: { active: false } });
    }

    it('leaves an inactive user inactive, without a seat or an event', async () => {
      const tenant = await createTenant(t, 2);
      const api = scim(t, tenant);
      await api.post('/Users', { schemas: [USER], userName: 'holder@acme.com' }).expect(201);
      const idle = await api
        .post('/Users', { schemas: [USER], userName: 'idle@acme.com', active: false })
        .expect(201);
      expect(await seatsUsed(tenant)).toBe(1);
      const [, cursor] = await eventTypes(tenant, '0');

      await removeActive(api, idle.body.id, 'remove');
      expect(await seatsUsed(tenant)).toBe(1);
      const seat = await t.db.query(
        'SELECT count(*)::int AS n FROM seat WHERE tenant_id = $1 AND user_id = $2',
        [tenant.id, idle.body.id],
      );
      expect(seat[0].n).toBe(0);
      expect((await eventTypes(tenant, cursor))[0]).toEqual([]);
    });

    it('deactivates an active user once: its seat is released and user.deactivated is emitted once', async () => {
      const tenant = await createTenant(t, 2);
      const api = scim(t, tenant);
      const user = await api.post('/Users', { schemas: [USER], userName: 'leaver@acme.com' }).expect(201);
      expect(user.body.active).toBe(true); // absent on create: true (RFC 7643 §4.1.1)
      expect(await seatsUsed(tenant)).toBe(1);
      const [, cursor] = await eventTypes(tenant, '0');

      await removeActive(api, user.body.id, 'Remove');
      expect(await seatsUsed(tenant)).toBe(0);
      const [types, next] = await eventTypes(tenant, cursor);
      expect(types).toEqual(['user.deactivated', 'seat.released']);

      // Removing it again, or with other changes, never reactivates.
      const again = await api
        .patch(
          `/Users/${user.body.id}`,
          patchOp({ op: 'remove', path: 'active' }, { op: 'replace', path: 'title', value: 'Gone' }),
        )
        .expect(200);
      expect(again.body).toMatchObject({ active: false, title: 'Gone' });
      expect(await seatsUsed(tenant)).toBe(0);
      expect((await eventTypes(tenant, next))[0]).toEqual(['user.updated']);
    });
  });

  describe('schemas inside an extension object (python-scim sends it)', () => {
    let api: Api;
    beforeAll(async () => {
      api = scim(t, await createTenant(t));
    });
    const extension = (department: string) => ({ schemas: [ENTERPRISE], department });

    it('is ignored on POST, PUT and PATCH', async () => {
      const created = await api
        .post('/Users', {
          schemas: [USER, ENTERPRISE],
          userName: 'ext@acme.com',
          [ENTERPRISE]: extension('R&D'),
        })
        .expect(201);
      expect(created.body[ENTERPRISE]).toEqual({ department: 'R&D' });
      const id = created.body.id as string;
      expect((await stored(id)).data[ENTERPRISE]).toEqual({ department: 'R&D' });

      const put = await api
        .put(`/Users/${id}`, {
          schemas: [USER, ENTERPRISE],
          userName: 'ext@acme.com',
          [ENTERPRISE]: extension('Ops'),
        })
        .expect(200);
      expect(put.body[ENTERPRISE]).toEqual({ department: 'Ops' });

      const withPath = await api
        .patch(`/Users/${id}`, patchOp({ op: 'replace', path: ENTERPRISE, value: extension('Sales') }))
        .expect(200);
      expect(withPath.body[ENTERPRISE]).toEqual({ department: 'Sales' });
      const noPath = await api
        .patch(`/Users/${id}`, patchOp({ op: 'add', value: { [ENTERPRISE]: extension('Legal') } }))
        .expect(200);
      expect(noPath.body[ENTERPRISE]).toEqual({ department: 'Legal' });
      expect((await stored(id)).data[ENTERPRISE]).toEqual({ department: 'Legal' });
    });

    it('answers a bad value for a valid extension path with invalidValue naming the extension', async () => {
      const user = await api
        .post('/Users', { schemas: [USER], userName: 'badext@acme.com', title: 'Before' })
        .expect(201);
      const id = user.body.id as string;
      const unknown = await api
        .patch(`/Users/${id}`, patchOp({ op: 'replace', path: ENTERPRISE, value: { shoeSize: 44 } }))
        .expect(400);
      expect(unknown.body).toEqual({
        schemas: [ERROR],
        status: '400',
        scimType: 'invalidValue',
        detail: `"shoeSize" is not an attribute of ${ENTERPRISE}`,
      });
      const noPath = await api
        .patch(`/Users/${id}`, patchOp({ op: 'add', value: { [ENTERPRISE]: { shoeSize: 44 } } }))
        .expect(400);
      expect(noPath.body).toMatchObject({
        scimType: 'invalidValue',
        detail: `"shoeSize" is not an attribute of ${ENTERPRISE}`,
      });
      const notObject = await api
        .patch(`/Users/${id}`, patchOp({ op: 'replace', path: ENTERPRISE, value: 'R&D' }))
        .expect(400);
      expect(notObject.body).toMatchObject({
        scimType: 'invalidValue',
        detail: `${ENTERPRISE} must be an object`,
      });
      const wrongType = await api
        .patch(`/Users/${id}`, patchOp({ op: 'replace', path: `${ENTERPRISE}:department`, value: 7 }))
        .expect(400);
      expect(wrongType.body).toMatchObject({
        scimType: 'invalidValue',
        detail: `${ENTERPRISE}:department must be a string`,
      });
      const after = await api.get(`/Users/${id}`).expect(200);
      expect(after.body).toMatchObject({ title: 'Before', meta: { version: 'W/"1"' } });
      expect(after.body).not.toHaveProperty(ENTERPRISE);
    });
  });

  describe('members entries (Microsoft sends displayName; python-scim labels the type at random)', () => {
    let tenant: TestTenant;
    let api: Api;
    beforeAll(async () => {
      tenant = await createTenant(t);
      api = scim(t, tenant);
    });
    const userId = async (userName: string) =>
      (await api.post('/Users', { schemas: [USER], userName }).expect(201)).body.id as string;
    const rows = async (groupId: string) => ({
      users: (
        await t.db.query('SELECT user_id FROM group_user_member WHERE tenant_id = $1 AND group_id = $2', [
          tenant.id,
          groupId,
        ])
      ).map((r: { user_id: string }) => r.user_id),
      groups: (
        await t.db.query(
          'SELECT member_group_id FROM group_group_member WHERE tenant_id = $1 AND group_id = $2',
          [tenant.id, groupId],
        )
      ).map((r: { member_group_id: string }) => r.member_group_id),
    });

    it('accepts and ignores unknown sub-attributes, and corrects a wrong type label from the id', async () => {
      const jane = await userId('members-jane@acme.com');
      const created = await api
        .post('/Groups', {
          schemas: [GROUP],
          displayName: 'Labelled',
          members: [{ value: jane, displayName: 'Jane Doe', type: 'Group' }],
        })
        .expect(201);
      const groupId = created.body.id as string;
      expect(created.body.members).toEqual([
        {
          value: jane,
          $ref: `https://rollcall.test${tenant.base}/Users/${jane}`,
          type: 'User',
          display: 'members-jane@acme.com',
        },
      ]);
      expect(await rows(groupId)).toEqual({ users: [jane], groups: [] });

      const john = await userId('members-john@acme.com');
      const child = (await api.post('/Groups', { schemas: [GROUP], displayName: 'Child' }).expect(201)).body
        .id as string;
      await api
        .patch(
          `/Groups/${groupId}`,
          patchOp({
            op: 'add',
            path: 'members',
            value: [
              { value: john, displayName: 'John', type: 'Group' },
              { value: child, displayName: 'Child', type: 'User' },
            ],
          }),
        )
        .expect(204);
      expect(await rows(groupId)).toEqual({ users: expect.arrayContaining([jane, john]), groups: [child] });
      const read = await api.get(`/Groups/${groupId}`).expect(200);
      const types = Object.fromEntries(
        (read.body.members as Array<{ value: string; type: string }>).map((m) => [m.value, m.type]),
      );
      expect(types).toEqual({ [jane]: 'User', [john]: 'User', [child]: 'Group' });
      const events = await admin(t).get(`/admin/tenants/${tenant.id}/events?after=0&limit=1000`).expect(200);
      const added = (
        events.body.items as Array<{ type: string; data: { group: string; members: unknown[] } }>
      )
        .filter((e) => e.type === 'group.members_added' && e.data.group === groupId)
        .map((e) => e.data.members);
      expect(added).toEqual([
        [{ value: jane, type: 'User' }],
        expect.arrayContaining([
          { value: john, type: 'User' },
          { value: child, type: 'Group' },
        ]),
      ]);
    });

    it('still refuses members that are no resource of the tenant, writing nothing', async () => {
      const other = await createTenant(t);
      const foreign = (
        await scim(t, other)
          .post('/Users', { schemas: [USER], userName: 'far@acme.com' })
          .expect(201)
      ).body.id as string;
      const res = await api
        .post('/Groups', {
          schemas: [GROUP],
          displayName: 'Foreigners',
          members: [{ value: foreign, displayName: 'Far', type: 'User' }],
        })
        .expect(400);
      expect(res.body).toMatchObject({
        status: '400',
        scimType: 'invalidValue',
        detail: `member ${foreign} is not a User or Group of this tenant`,
      });
      const found = await t.db.query(
        'SELECT count(*)::int AS n FROM scim_group WHERE tenant_id = $1 AND display_name = $2',
        [tenant.id, 'Foreigners'],
      );
      expect(found[0].n).toBe(0);
    });
  });

  describe('/Me (RFC 7644 §3.11)', () => {
    it('answers 501 as a SCIM error to every method, and ServiceProviderConfig claims nothing more', async () => {
      const tenant = await createTenant(t);
      const api = scim(t, tenant);
      const before = await api.get('/ServiceProviderConfig').expect(200);
      for (const res of [
        await api.get('/Me'),
        await api.get('/Me?attributes=userName'),
        await api.put('/Me', { schemas: [USER], userName: 'me@acme.com' }),
        await api.patch('/Me', patchOp({ op: 'replace', path: 'title', value: 'x' })),
        await api.delete('/Me'),
        await api.post('/Me', { schemas: [USER], userName: 'me@acme.com' }),
      ]) {
        expect(res.status).toBe(501);
        expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
        expect(res.body).toEqual({
          schemas: [ERROR],
          status: '501',
          detail:
            "/Me is not implemented: a tenant's bearer token authenticates its identity provider, not a User",
        });
      }
      const users = await t.db.query('SELECT count(*)::int AS n FROM scim_user WHERE tenant_id = $1', [
        tenant.id,
      ]);
      expect(users[0].n).toBe(0);
      await t.http.get(`${tenant.base}/Me`).expect(401);
      const after = await api.get('/ServiceProviderConfig').expect(200);
      expect(after.body).toEqual(before.body);
      expect(after.body).toMatchObject({
        patch: { supported: true },
        bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 1048576 },
        filter: { supported: true, maxResults: 1000 },
        changePassword: { supported: true },
        sort: { supported: true },
        etag: { supported: true },
      });
    });
  });
});
