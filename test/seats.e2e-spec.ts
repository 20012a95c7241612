import { admin, createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const SEAT = 'urn:rollcall:params:scim:schemas:extension:seat:2.0:User';

type Api = ReturnType<typeof scim>;

function oktaUser(userName: string, active = true) {
  return {
    schemas: [USER],
    userName,
    name: { givenName: 'Jane', familyName: 'Doe' },
    emails: [{ primary: true, value: userName, type: 'work' }],
    active,
  };
}

async function createUser(api: Api, userName: string, active = true): Promise<string> {
  const res = await api.post('/Users', oktaUser(userName, active)).expect(201);
  return res.body.id as string;
}

const deactivate = patchOp({ op: 'replace', value: { active: false } });
const activate = patchOp({ op: 'replace', value: { active: true } });

describe('Seats', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function usage(tenant: TestTenant) {
    const res = await admin(t).get(`/admin/tenants/${tenant.id}/seats`).expect(200);
    return res.body as {
      limit: number | null;
      used: number;
      available: number | null;
      invited: number;
      claimed: number;
      overAllocated: boolean;
      items: Array<{ userId: string; status: string; quota: unknown }>;
      nextCursor: string | null;
    };
  }

  async function history(tenant: TestTenant) {
    const res = await admin(t).get(`/admin/tenants/${tenant.id}/seats/history?limit=500`).expect(200);
    return (res.body.items as Array<{ userId: string; action: string }>).map((e) => [e.action, e.userId]);
  }

  it('takes a seat for each active user the way Okta provisions, and gives it back', async () => {
    const tenant = await createTenant(t, 2);
    const api = scim(t, tenant);

    const jane = await api.post('/Users', oktaUser('jane@acme.com')).expect(201);
    expect(jane.body.schemas).toEqual([USER, SEAT]);
    expect(jane.body[SEAT]).toEqual({ status: 'invited', assignedAt: expect.any(String) });
    const inactive = await api.post('/Users', oktaUser('later@acme.com', false)).expect(201);
    expect(inactive.body).not.toHaveProperty(SEAT);
    const john = await createUser(api, 'john@acme.com');
    expect(await usage(tenant)).toMatchObject({
      limit: 2,
      used: 2,
      available: 0,
      invited: 2,
      overAllocated: false,
    });

    const full = await api.post('/Users', oktaUser('third@acme.com')).expect(403);
    expect(full.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '403',
      detail: 'seat limit reached: 2 of 2 seats in use',
    });
    const none = await api
      .get('/Users?filter=' + encodeURIComponent('userName eq "third@acme.com"'))
      .expect(200);
    expect(none.body.totalResults).toBe(0);

    const blocked = await api.patch(`/Users/${inactive.body.id}`, activate).expect(403);
    expect(blocked.body.detail).toBe('seat limit reached: 2 of 2 seats in use');
    expect((await api.get(`/Users/${inactive.body.id}`).expect(200)).body).toMatchObject({
      active: false,
      meta: { version: 'W/"1"' },
    });

    const off = await api.patch(`/Users/${jane.body.id}`, deactivate).expect(200);
    expect(off.body[SEAT]).toEqual({
      status: 'released',
      assignedAt: expect.any(String),
      releasedAt: expect.any(String),
    });
    expect((await usage(tenant)).used).toBe(1);

    const on = await api.patch(`/Users/${inactive.body.id}`, activate).expect(200);
    expect(on.body[SEAT].status).toBe('invited');
    expect((await usage(tenant)).used).toBe(2);

    // PUT with active false releases; PUT with active true takes a seat again.
    await api.put(`/Users/${john}`, oktaUser('john@acme.com', false)).expect(200);
    expect((await usage(tenant)).used).toBe(1);
    await api.put(`/Users/${jane.body.id}`, oktaUser('jane@acme.com', true)).expect(200);
    expect((await usage(tenant)).used).toBe(2);

    // DELETE of an active user releases its seat; of an inactive one changes nothing.
    await api.delete(`/Users/${jane.body.id}`).expect(204);
    await api.delete(`/Users/${john}`).expect(204);
    expect(await usage(tenant)).toMatchObject({ used: 1, available: 1 });

    expect(await history(tenant)).toEqual([
      ['assigned', jane.body.id],
      ['assigned', john],
      ['released', jane.body.id],
      ['assigned', inactive.body.id],
      ['released', john],
      ['assigned', jane.body.id],
      ['released', jane.body.id],
    ]);
  });

  it('reports over-allocation when the limit is lowered, and blocks activations until usage is under it', async () => {
    const tenant = await createTenant(t, 3);
    const api = scim(t, tenant);
    const ids = [];
    for (const name of ['a', 'b', 'c']) ids.push(await createUser(api, `${name}@over.com`));
    const lowered = await admin(t).patch(`/admin/tenants/${tenant.id}`, { seatLimit: 1 }).expect(200);
    expect(lowered.body).toMatchObject({ seatLimit: 1, seatsUsed: 3 });
    expect(await usage(tenant)).toMatchObject({ limit: 1, used: 3, available: 0, overAllocated: true });

    await api.patch(`/Users/${ids[0]}`, deactivate).expect(200);
    const still = await api.post('/Users', oktaUser('d@over.com')).expect(403);
    expect(still.body.detail).toBe('seat limit reached: 2 of 1 seats in use');
    await api.patch(`/Users/${ids[1]}`, deactivate).expect(200);
    expect(await usage(tenant)).toMatchObject({ used: 1, overAllocated: false });
    await api.patch(`/Users/${ids[0]}`, activate).expect(403);
    await api.patch(`/Users/${ids[2]}`, deactivate).expect(200);
    await api.patch(`/Users/${ids[0]}`, activate).expect(200);

    await admin(t).patch(`/admin/tenants/${tenant.id}`, { seatLimit: null }).expect(200);
    await createUser(api, 'e@over.com');
    expect(await usage(tenant)).toMatchObject({
      limit: null,
      used: 2,
      available: null,
      overAllocated: false,
    });
  });

  it('gives exactly the free seats to concurrent activations', async () => {
    const tenant = await createTenant(t, 10);
    const api = scim(t, tenant);
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) ids.push(await createUser(api, `race${i}@acme.com`, false));
    const results = await Promise.all(ids.map((id) => api.patch(`/Users/${id}`, activate)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 403)).toHaveLength(40);
    expect(await usage(tenant)).toMatchObject({ used: 10, available: 0 });
    const active = await t.db.query(
      'SELECT count(*)::int AS n FROM scim_user WHERE tenant_id = $1 AND active',
      [tenant.id],
    );
    expect(active[0].n).toBe(10);
    const held = await t.db.query(
      "SELECT count(*)::int AS n FROM seat WHERE tenant_id = $1 AND status <> 'released'",
      [tenant.id],
    );
    expect(held[0].n).toBe(10);
  });

  it('claims seats, counts invited and claimed, and lists seats a page at a time', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const first = await createUser(api, 'claim1@acme.com');
    const second = await createUser(api, 'claim2@acme.com');
    const gone = await createUser(api, 'claim3@acme.com');
    await api.patch(`/Users/${gone}`, deactivate).expect(200);

    const claimed = await admin(t).post(`/admin/tenants/${tenant.id}/seats/${first}/claim`).expect(200);
    expect(claimed.body).toMatchObject({
      userId: first,
      userName: 'claim1@acme.com',
      status: 'claimed',
      claimedAt: expect.any(String),
    });
    const again = await admin(t).post(`/admin/tenants/${tenant.id}/seats/${first}/claim`).expect(200);
    expect(again.body.claimedAt).toBe(claimed.body.claimedAt);
    await admin(t).post(`/admin/tenants/${tenant.id}/seats/${gone}/claim`).expect(409);
    await admin(t)
      .post(`/admin/tenants/${tenant.id}/seats/00000000-0000-4000-8000-000000000000/claim`)
      .expect(404);

    expect(await usage(tenant)).toMatchObject({ used: 2, invited: 1, claimed: 1 });
    const user = await api.get(`/Users/${first}`).expect(200);
    expect(user.body[SEAT]).toMatchObject({ status: 'claimed', claimedAt: claimed.body.claimedAt });
    const filtered = await api
      .get('/Users?filter=' + encodeURIComponent(`${SEAT}:status eq "claimed"`))
      .expect(200);
    expect(filtered.body.Resources.map((u: { id: string }) => u.id)).toEqual([first]);

    const page1 = await admin(t).get(`/admin/tenants/${tenant.id}/seats?limit=2`).expect(200);
    expect(page1.body.items.map((s: { userId: string }) => s.userId)).toEqual([first, second]);
    const page2 = await admin(t)
      .get(`/admin/tenants/${tenant.id}/seats?limit=2&cursor=${page1.body.nextCursor}`)
      .expect(200);
    expect(page2.body.items).toEqual([expect.objectContaining({ userId: gone, status: 'released' })]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it("gives each new seat the tenant's quota, changeable per seat and kept across deactivation", async () => {
    const created = await admin(t)
      .post('/admin/tenants', { name: 'Quota Co', seatLimit: null, seatQuota: { amount: 50, unit: 'GB' } })
      .expect(201);
    expect(created.body.seatQuota).toEqual({ amount: 50, unit: 'GB' });
    const token = await admin(t).post(`/admin/tenants/${created.body.id}/tokens`, {}).expect(201);
    const tenant = { id: created.body.id, token: token.body.token, base: `/scim/v2/${created.body.id}` };
    const api = scim(t, tenant);

    const user = await api.post('/Users', oktaUser('quota@acme.com')).expect(201);
    expect(user.body[SEAT].quota).toEqual({ amount: 50, unit: 'GB' });
    const changed = await admin(t)
      .patch(`/admin/tenants/${tenant.id}/seats/${user.body.id}`, { quota: { amount: 200.5, unit: 'GB' } })
      .expect(200);
    expect(changed.body.quota).toEqual({ amount: 200.5, unit: 'GB' });
    await api.patch(`/Users/${user.body.id}`, deactivate).expect(200);
    const back = await api.patch(`/Users/${user.body.id}`, activate).expect(200);
    expect(back.body[SEAT].quota).toEqual({ amount: 200.5, unit: 'GB' });

    await admin(t)
      .patch(`/admin/tenants/${tenant.id}/seats/${user.body.id}`, { quota: { amount: -1, unit: 'GB' } })
      .expect(400);
    await admin(t)
      .patch(`/admin/tenants/${tenant.id}`, { seatQuota: { amount: 1 } })
      .expect(400);
    await admin(t).patch(`/admin/tenants/${tenant.id}`, { seatQuota: null }).expect(200);
    const plain = await api.post('/Users', oktaUser('noquota@acme.com')).expect(201);
    expect(plain.body[SEAT]).not.toHaveProperty('quota');

    const history = await admin(t).get(`/admin/tenants/${tenant.id}/seats/history?limit=2`).expect(200);
    expect(history.body.items).toEqual([
      {
        userId: user.body.id,
        userName: 'quota@acme.com',
        action: 'assigned',
        quota: { amount: 50, unit: 'GB' },
        at: expect.any(String),
      },
      {
        userId: user.body.id,
        userName: 'quota@acme.com',
        action: 'released',
        quota: { amount: 200.5, unit: 'GB' },
        at: expect.any(String),
      },
    ]);
    const rest = await admin(t)
      .get(`/admin/tenants/${tenant.id}/seats/history?limit=2&cursor=${history.body.nextCursor}`)
      .expect(200);
    expect(rest.body.items.map((e: { action: string }) => e.action)).toEqual(['assigned', 'assigned']);
    await admin(t).get(`/admin/tenants/${tenant.id}/seats/history?cursor=bogus`).expect(400);
  });

  it('publishes the seat extension: its state readOnly, its quota writable', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const types = await api.get('/ResourceTypes/User').expect(200);
    expect(types.body.schemaExtensions).toContainEqual({ schema: SEAT, required: false });
    const schema = await api.get(`/Schemas/${SEAT}`).expect(200);
    expect(
      schema.body.attributes.map((a: { name: string; mutability: string }) => [a.name, a.mutability]),
    ).toEqual([
      ['status', 'readOnly'],
      ['quota', 'readWrite'],
      ['assignedAt', 'readOnly'],
      ['claimedAt', 'readOnly'],
      ['releasedAt', 'readOnly'],
    ]);
    // A client echoing the state back is ignored, never an error; changing it is refused.
    const res = await api
      .post('/Users', { ...oktaUser('echo@acme.com'), [SEAT]: { status: 'claimed' } })
      .expect(201);
    expect(res.body[SEAT].status).toBe('invited');
    const refused = await api
      .patch(`/Users/${res.body.id}`, patchOp({ op: 'replace', path: `${SEAT}:status`, value: 'claimed' }))
      .expect(400);
    expect(refused.body.scimType).toBe('mutability');
    const lean = await api.get(`/Users/${res.body.id}?excludedAttributes=${SEAT}`).expect(200);
    expect(lean.body).not.toHaveProperty(SEAT);
    expect(lean.body.schemas).toEqual([USER]);
  });

  it('takes the quota an identity provider writes, and keeps it when a request leaves it out', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const seatOf = async (id: string) =>
      (await admin(t).get(`/admin/tenants/${tenant.id}/seats`).expect(200)).body.items.find(
        (s: { userId: string }) => s.userId === id,
      ) as { quota: unknown } | undefined;

    const user = await api
      .post('/Users', { ...oktaUser('q1@acme.com'), [SEAT]: { quota: { amount: 10, unit: 'GB' } } })
      .expect(201);
    expect(user.body[SEAT]).toMatchObject({ status: 'invited', quota: { amount: 10, unit: 'GB' } });
    const id = user.body.id as string;

    const raised = await api
      .patch(`/Users/${id}`, patchOp({ op: 'replace', path: `${SEAT}:quota.amount`, value: 20 }))
      .expect(200);
    expect(raised.body[SEAT].quota).toEqual({ amount: 20, unit: 'GB' });
    expect((await seatOf(id))?.quota).toEqual({ amount: 20, unit: 'GB' });

    // Okta's PUT does not know the extension: the quota stays.
    await api.put(`/Users/${id}`, oktaUser('q1@acme.com')).expect(200);
    expect((await seatOf(id))?.quota).toEqual({ amount: 20, unit: 'GB' });
    const filtered = await api
      .get('/Users?filter=' + encodeURIComponent(`${SEAT}:quota.amount gt 15`))
      .expect(200);
    expect(filtered.body.Resources.map((u: { id: string }) => u.id)).toEqual([id]);

    // A user that never held a seat keeps the quota until it is activated.
    const later = await api
      .post('/Users', { ...oktaUser('q2@acme.com', false), [SEAT]: { quota: { amount: 5, unit: 'GB' } } })
      .expect(201);
    expect(later.body[SEAT]).toEqual({ quota: { amount: 5, unit: 'GB' } });
    const activated = await api.patch(`/Users/${later.body.id}`, activate).expect(200);
    expect(activated.body[SEAT]).toMatchObject({ status: 'invited', quota: { amount: 5, unit: 'GB' } });

    const removed = await api
      .patch(`/Users/${id}`, patchOp({ op: 'remove', path: `${SEAT}:quota` }))
      .expect(200);
    expect(removed.body[SEAT]).not.toHaveProperty('quota');
    expect((await seatOf(id))?.quota).toBeNull();

    for (const quota of [{ amount: 'lots', unit: 'GB' }, { amount: 5 }, { amount: -1, unit: 'GB' }]) {
      const bad = await api.post('/Users', {
        ...oktaUser(`bad${String(quota.amount)}@acme.com`),
        [SEAT]: { quota },
      });
      expect([bad.status, bad.body.scimType]).toEqual([400, 'invalidValue']);
    }
  });
});
