import { TenantAccessChannel } from '../src/tenants/tenant-access.channel';
import { admin, createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';
import { expectAdminError } from './helpers/admin-errors';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** Sends `n` requests at once and counts the answers by status. */
async function burst(
  n: number,
  send: () => PromiseLike<{ status: number }>,
): Promise<Record<number, number>> {
  const statuses = await Promise.all(Array.from({ length: n }, () => send()));
  const counts: Record<number, number> = {};
  for (const { status } of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('Throttling SCIM requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets an IdP-sized burst through with the defaults', async () => {
    const tenant = await createTenant(t);
    // Entra's bursts approach 1,000 requests a minute; 300 at once stay well inside the default bucket.
    const counts = await burst(300, () => scim(t, tenant).get('/Users?count=1'));
    expect(counts).toEqual({ 200: 300 });
  });

  it("answers 429 with Retry-After over a tenant's own limit, set through the admin API, and only for it", async () => {
    const limited = await createTenant(t);
    const neighbour = await createTenant(t);
    const set = await admin(t)
      .patch(`/admin/tenants/${limited.id}`, { scimRateLimit: { perSecond: 1, burst: 5 } })
      .expect(200);
    expect(set.body.scimRateLimit).toEqual({ perSecond: 1, burst: 5 });
    const rows = await t.db.query(`SELECT scim_rate_per_second, scim_rate_burst FROM tenant WHERE id = $1`, [
      limited.id,
    ]);
    expect(rows).toEqual([{ scim_rate_per_second: 1, scim_rate_burst: 5 }]);

    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await scim(t, limited).get('/Users?count=1')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await scim(t, limited).get('/Users?count=1').expect(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(refused.body).toEqual({
      schemas: [ERROR],
      status: '429',
      detail:
        'Too many requests for this tenant (limit 1 a second, bursts of 5); retry after the time in Retry-After',
    });
    // A refused write writes nothing.
    await scim(t, limited)
      .post('/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'late@acme.com' })
      .expect(429);
    const users = await t.db.query(`SELECT count(*)::int AS n FROM scim_user WHERE tenant_id = $1`, [
      limited.id,
    ]);
    expect(users[0].n).toBe(0);
    await scim(t, neighbour).get('/Users?count=1').expect(200);

    // After Retry-After, the bucket has a token again.
    await new Promise((resolve) => setTimeout(resolve, 1050));
    await scim(t, limited).get('/Users?count=1').expect(200);

    // null restores the server's defaults; 0 means unlimited.
    const reset = await admin(t).patch(`/admin/tenants/${limited.id}`, { scimRateLimit: null }).expect(200);
    expect(reset.body.scimRateLimit).toEqual({ perSecond: null, burst: null });
    await scim(t, limited).get('/Users?count=1').expect(200);
    await admin(t)
      .patch(`/admin/tenants/${limited.id}`, { scimRateLimit: { perSecond: 0, burst: 1 } })
      .expect(200);
    expect(await burst(20, () => scim(t, limited).get('/Users?count=1'))).toEqual({ 200: 20 });
  });

  it('refuses bad limits with 400 and changes nothing', async () => {
    const tenant = await createTenant(t);
    for (const scimRateLimit of [{ perSecond: -1 }, { burst: 0 }, { perSecond: 'fast' }, { rate: 3 }]) {
      const res = await admin(t).patch(`/admin/tenants/${tenant.id}`, { scimRateLimit }).expect(400);
      expect(expectAdminError(res, 400).errors?.[0].field).toMatch(/^scimRateLimit\./);
    }
    const rows = await t.db.query(`SELECT scim_rate_per_second, scim_rate_burst FROM tenant WHERE id = $1`, [
      tenant.id,
    ]);
    expect(rows).toEqual([{ scim_rate_per_second: null, scim_rate_burst: null }]);
  });

  it('limits failed authentications by client address and tenant together', async () => {
    const victim = await createTenant(t);
    const bystander = await createTenant(t);
    const bad = `Bearer rcs_${'B'.repeat(43)}`;
    // AUTH_FAILURE_BURST defaults to 20: the 21st failure from one address against one tenant is refused.
    const guesses: number[] = [];
    for (let i = 0; i < 22; i += 1) {
      guesses.push((await t.http.get(`${victim.base}/Users`).set('Authorization', bad)).status);
    }
    expect(guesses.filter((s) => s === 401)).toHaveLength(20);
    expect(guesses.slice(20)).toEqual([429, 429]);
    const refused = await t.http.get(`${victim.base}/Users`).set('Authorization', bad).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.body).toEqual({
      schemas: [ERROR],
      status: '429',
      detail: 'Too many failed authentications from this address; retry after the time in Retry-After',
    });
    // Another tenant, from the same address, is not locked out.
    await scim(t, bystander).get('/Users?count=1').expect(200);
    await t.http.get(`${bystander.base}/Users`).set('Authorization', bad).expect(401);
  });

  it('takes the client address from X-Forwarded-For only when TRUST_PROXY says so', async () => {
    const check = async (app: TestApp, tenant: TestTenant) => {
      const bad = `Bearer rcs_${'C'.repeat(43)}`;
      for (let i = 0; i < 20; i += 1) {
        await app.http
          .get(`${tenant.base}/Users`)
          .set('Authorization', bad)
          .set('X-Forwarded-For', '203.0.113.7')
          .expect(401);
      }
      return (
        await app.http
          .get(`${tenant.base}/Users`)
          .set('Authorization', bad)
          .set('X-Forwarded-For', '203.0.113.8')
      ).status;
    };
    // Untrusted: both "addresses" are the loopback peer, so the 21st failure is refused.
    expect(await check(t, await createTenant(t))).toBe(429);
    const proxied = await createTestApp({ env: { TRUST_PROXY: 'loopback' } });
    try {
      // Trusted: 203.0.113.8 is another client, with failures of its own to spend.
      expect(await check(proxied, await createTenant(proxied))).toBe(401);
    } finally {
      await proxied.close();
    }
  });

  it('keeps the limits per process: a second instance on the same database has its own buckets', async () => {
    const tenant = await createTenant(t);
    await admin(t)
      .patch(`/admin/tenants/${tenant.id}`, { scimRateLimit: { perSecond: 1, burst: 3 } })
      .expect(200);
    const second = await createTestApp();
    try {
      expect(await burst(5, () => scim(t, tenant).get('/Users?count=1'))).toEqual({ 200: 3, 429: 2 });
      expect(await burst(5, () => scim(second, tenant).get('/Users?count=1'))).toEqual({ 200: 3, 429: 2 });
    } finally {
      await second.close();
    }
  });

  it('applies a limit changed through one instance in another at once (its cached token is dropped)', async () => {
    const tenant = await createTenant(t);
    const second = await createTestApp();
    try {
      // On a server, wait until the second instance caches tokens (it must then hear of the change);
      // the embedded database's tests run with the cache off.
      const channel = second.app.get(TenantAccessChannel);
      for (let i = 0; i < 100 && process.env.ROLLCALL_TEST_DATABASE !== 'embedded'; i += 1) {
        if (channel.mode === 'listening') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Cached there with the default limit.
      await scim(second, tenant).get('/Users?count=1').expect(200);
      await admin(t)
        .patch(`/admin/tenants/${tenant.id}`, { scimRateLimit: { perSecond: 1, burst: 2 } })
        .expect(200);
      const deadline = Date.now() + 2000;
      let status = 200;
      while (status === 200 && Date.now() < deadline)
        status = (await scim(second, tenant).get('/Users?count=1')).status;
      expect(status).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('limits failed admin-key guesses per client address, apart from the SCIM tenants', async () => {
    const own = await createTestApp(); // its buckets are its own: the other tests' admin calls go on
    try {
      const tenant = await createTenant(own);
      const guesses: number[] = [];
      for (let i = 0; i < 21; i += 1) {
        guesses.push((await own.http.get('/admin/tenants').set('Authorization', 'Bearer rca_guess')).status);
      }
      expect(guesses.slice(0, 20).every((s) => s === 401)).toBe(true);
      const refused = await own.http
        .get('/admin/tenants')
        .set('Authorization', 'Bearer rca_guess')
        .expect(429);
      expectAdminError(refused, 429);
      expect(refused.headers['retry-after']).toEqual(expect.stringMatching(/^\d+$/));
      expect(guesses[20]).toBe(429);
      // Refused before the key is looked at, so the right key waits too; SCIM tenants do not.
      await own.http
        .get('/admin/tenants')
        .set('Authorization', 'Bearer test-admin-key-0123456789')
        .expect(429);
      await scim(own, tenant).get('/Users?count=1').expect(200);
    } finally {
      await own.close();
    }
  });
});
