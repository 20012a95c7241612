import { statementsDuring } from './helpers/statements';
import { admin, createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';

/** The embedded test database (PGlite) delivers notifications only to the connection that caused them. */
const onServer = process.env.ROLLCALL_TEST_DATABASE !== 'embedded';
const itOnServer = onServer ? it : it.skip;
const itEmbedded = onServer ? it.skip : it;

async function cacheMode(t: TestApp): Promise<string> {
  const res = await t.http.get('/health/ready').expect(200);
  return (res.body as { info: { tokenCache: { mode: string } } }).info.tokenCache.mode;
}

/** Polls `check` every 20 ms; the milliseconds it took to hold, or null after `limitMs`. */
async function within(limitMs: number, check: () => Promise<boolean>): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

/** How many times the token behind a request was looked up in the database. */
async function tokenLookups(t: TestApp, tenant: TestTenant, status = 200): Promise<number> {
  const statements = await statementsDuring(() =>
    scim(t, tenant).get('/ServiceProviderConfig').expect(status),
  );
  return statements.filter((s) => /FROM tenant_token k/.test(s)).length;
}

const refused = (t: TestApp, tenant: TestTenant) => async () =>
  (await scim(t, tenant).get('/ServiceProviderConfig')).status === 401;

async function listenerPids(t: TestApp): Promise<number[]> {
  const rows = await t.db.query<Array<{ pid: number }>>(
    `SELECT pid FROM pg_stat_activity WHERE application_name = 'rollcall tenant access'`,
  );
  return rows.map((r) => r.pid);
}

describe('Token cache', () => {
  // Two apps on one database stand for two processes (cluster workers or hosts).
  let a: TestApp;
  let b: TestApp;
  let bListeners: number[] = [];
  const saved = process.env.TOKEN_CACHE_SECONDS;
  beforeAll(async () => {
    process.env.TOKEN_CACHE_SECONDS = '60';
    a = await createTestApp();
    if (onServer) expect(await within(3000, async () => (await cacheMode(a)) === 'listening')).not.toBeNull();
    const before = onServer ? await listenerPids(a) : [];
    b = await createTestApp();
    if (onServer) {
      expect(await within(3000, async () => (await cacheMode(b)) === 'listening')).not.toBeNull();
      bListeners = (await listenerPids(a)).filter((pid) => !before.includes(pid));
    }
  });
  afterAll(async () => {
    process.env.TOKEN_CACHE_SECONDS = saved;
    await a.close();
    await b.close();
  });

  itOnServer('keeps a verified token in memory once the process hears every revocation', async () => {
    const tenant = await createTenant(a);
    expect(await tokenLookups(b, tenant)).toBe(1);
    expect(await tokenLookups(b, tenant)).toBe(0);
    expect(await tokenLookups(b, tenant)).toBe(0);
  });

  it('refuses a token in the process that revoked it with the very next request', async () => {
    const tenant = await createTenant(a);
    await tokenLookups(a, tenant);
    const tokens = await admin(a).get(`/admin/tenants/${tenant.id}/tokens`).expect(200);
    await admin(a)
      .delete(`/admin/tenants/${tenant.id}/tokens/${(tokens.body.items as Array<{ id: string }>)[0].id}`)
      .expect(204);
    await scim(a, tenant).get('/ServiceProviderConfig').expect(401);
  });

  itOnServer('refuses a token in every other process within a second of its revocation', async () => {
    const revoked = await createTenant(a);
    const disabled = await createTenant(a);
    const deletedInSql = await createTenant(a);
    for (const tenant of [revoked, disabled, deletedInSql]) {
      await tokenLookups(b, tenant);
      expect(await tokenLookups(b, tenant)).toBe(0);
    }

    const tokens = await admin(a).get(`/admin/tenants/${revoked.id}/tokens`).expect(200);
    await admin(a)
      .delete(`/admin/tenants/${revoked.id}/tokens/${(tokens.body.items as Array<{ id: string }>)[0].id}`)
      .expect(204);
    expect(await within(1000, refused(b, revoked))).not.toBeNull();

    await admin(a).patch(`/admin/tenants/${disabled.id}`, { enabled: false }).expect(200);
    expect(await within(1000, refused(b, disabled))).not.toBeNull();

    // A change made outside Rollcall is announced by the database's own trigger.
    await a.db.query('DELETE FROM tenant_token WHERE tenant_id = $1', [deletedInSql.id]);
    expect(await within(1000, refused(b, deletedInSql))).not.toBeNull();
  });

  itOnServer(
    'looks every token up while it cannot hear revocations, and caches again once it can',
    async () => {
      const tenant = await createTenant(a);
      await tokenLookups(b, tenant);
      expect(await tokenLookups(b, tenant)).toBe(0);
      expect(bListeners.length).toBeGreaterThan(0);

      await a.db.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [bListeners]);
      expect(await within(2000, async () => (await cacheMode(b)) === 'reconnecting')).not.toBeNull();
      expect(await tokenLookups(b, tenant)).toBe(1);
      expect(await tokenLookups(b, tenant)).toBe(1);

      expect(await within(5000, async () => (await cacheMode(b)) === 'listening')).not.toBeNull();
      expect(await tokenLookups(b, tenant)).toBe(1);
      expect(await tokenLookups(b, tenant)).toBe(0);
    },
  );

  itEmbedded('stays off where the database cannot tell this process of revocations', async () => {
    // The probe it sends itself goes unheard for two seconds.
    await new Promise((r) => setTimeout(r, 2500));
    expect(await cacheMode(a)).toBe('off');
    const tenant = await createTenant(a);
    expect(await tokenLookups(a, tenant)).toBe(1);
    expect(await tokenLookups(a, tenant)).toBe(1);
  });
});
