import { admin, createTenant, createTestApp, scim, SCIM_JSON, TestApp } from './helpers/test-app';
import { expectAdminError } from './helpers/admin-errors';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const onServer = process.env.ROLLCALL_TEST_DATABASE !== 'embedded';
const itOnServer = onServer ? it : it.skip;

const turnedOff = {
  schemas: [ERROR],
  status: '403',
  detail: 'SCIM provisioning is turned off for this organisation',
};
const unauthorized = { schemas: [ERROR], status: '401', detail: 'A valid bearer token is required' };

async function userCount(t: TestApp, tenantId: string): Promise<number> {
  const rows = await t.db.query('SELECT count(*)::int AS n FROM scim_user WHERE tenant_id = $1', [tenantId]);
  return (rows as Array<{ n: number }>)[0].n;
}

/** Issue 16 item 2: the tenant's own Enable SCIM provisioning switch, apart from the operator's `enabled`. */
describe("The tenant's SCIM provisioning switch", () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('is on for a new tenant unless the request says otherwise, and for tenants made before it existed', async () => {
    const on = await admin(t).post('/admin/tenants', { name: 'Switch on' }).expect(201);
    expect(on.body).toMatchObject({ enabled: true, scimEnabled: true });
    const off = await admin(t).post('/admin/tenants', { name: 'Switch off', scimEnabled: false }).expect(201);
    expect(off.body).toMatchObject({ enabled: true, scimEnabled: false });
    await admin(t).get(`/admin/tenants/${off.body.id}`).expect(200, off.body);
    // A row written without the column (as every tenant before the migration) has it on.
    const rows = await t.db.query(
      `INSERT INTO tenant (name) VALUES ('Before the switch') RETURNING id, scim_enabled`,
    );
    expect((rows as Array<{ scim_enabled: boolean }>)[0].scim_enabled).toBe(true);
    await admin(t)
      .delete(`/admin/tenants/${(rows as Array<{ id: string }>)[0].id}`)
      .expect(204);
  });

  it('answers a valid token 403 while off, writes nothing, and leaves every 401 as it was', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    await admin(t)
      .patch(`/admin/tenants/${tenant.id}`, { scimEnabled: false })
      .expect(200, {
        ...(await admin(t).get(`/admin/tenants/${tenant.id}`)).body,
        scimEnabled: false,
      });

    const refused = await api.get('/Users?startIndex=1&count=1').expect(403);
    expect(refused.body).toEqual(turnedOff);
    expect(refused.headers['content-type']).toContain(SCIM_JSON);
    const create = await api.post('/Users', { schemas: [USER], userName: 'jane@acme.com' }).expect(403);
    expect(create.body).toEqual(turnedOff);
    expect(await userCount(t, tenant.id)).toBe(0);

    // Without a valid token nobody learns the switch is off: the same 401 as for any tenant.
    const noToken = await t.http.get(`${tenant.base}/Users`).expect(401);
    expect(noToken.body).toEqual(unauthorized);
    const badToken = await t.http
      .get(`${tenant.base}/Users`)
      .set('Authorization', `Bearer rcs_${'A'.repeat(43)}`)
      .expect(401);
    expect(badToken.body).toEqual(unauthorized);

    await admin(t).patch(`/admin/tenants/${tenant.id}`, { scimEnabled: true }).expect(200);
    await api.post('/Users', { schemas: [USER], userName: 'jane@acme.com' }).expect(201);
    expect(await userCount(t, tenant.id)).toBe(1);
  });

  it("is the tenant's switch: the operator's enabled still answers 401 whatever it says", async () => {
    const tenant = await createTenant(t);
    await admin(t).patch(`/admin/tenants/${tenant.id}`, { enabled: false, scimEnabled: false }).expect(200);
    const res = await scim(t, tenant).get('/Users').expect(401);
    expect(res.body).toEqual(unauthorized);
    await admin(t).patch(`/admin/tenants/${tenant.id}`, { enabled: true }).expect(200);
    expect((await scim(t, tenant).get('/Users').expect(403)).body).toEqual(turnedOff);
  });

  it('refuses a switch that is not a boolean', async () => {
    const tenant = await createTenant(t);
    const res = await admin(t).patch(`/admin/tenants/${tenant.id}`, { scimEnabled: 'yes' }).expect(400);
    expect(expectAdminError(res, 400).errors).toEqual([
      { field: 'scimEnabled', detail: 'scimEnabled must be a boolean value' },
    ]);
    await admin(t).post('/admin/tenants', { name: 'X', scimEnabled: 1 }).expect(400);
    expect((await admin(t).get(`/admin/tenants/${tenant.id}`).expect(200)).body.scimEnabled).toBe(true);
  });

  itOnServer('applies at once in another process that cached the token', async () => {
    const other = await createTestApp({ env: { TOKEN_CACHE_SECONDS: '60' } });
    try {
      const tenant = await createTenant(t);
      // Wait until the other process hears revocations and caches, then warm its cache.
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        const ready = await other.http.get('/health/ready');
        if (
          (ready.body as { info?: { tokenCache?: { mode?: string } } }).info?.tokenCache?.mode === 'listening'
        )
          break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await scim(other, tenant).get('/Users').expect(200);
      await admin(t).patch(`/admin/tenants/${tenant.id}`, { scimEnabled: false }).expect(200);
      let status = 0;
      for (const until = Date.now() + 1000; Date.now() < until && status !== 403;) {
        status = (await scim(other, tenant).get('/Users')).status;
      }
      expect(status).toBe(403);
    } finally {
      await other.close();
    }
  });
});
