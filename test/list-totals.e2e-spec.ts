import { statementsDuring } from './helpers/statements';
import { admin, createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/**
 * An unfiltered list's totalResults comes from per-tenant counts kept in sharded rows by the writes
 * themselves, not from a count over the tenant on every page; and it stays exact.
 */
describe('List totals without a count over the tenant', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const total = async (api: ReturnType<typeof scim>, endpoint: string) =>
    ((await api.get(`${endpoint}?count=1`).expect(200)).body as { totalResults: number }).totalResults;
  const counted = async (tenant: TestTenant, table: string) => {
    const rows: Array<{ n: number }> = await t.db.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`,
      [tenant.id],
    );
    return rows[0].n;
  };
  const createUser = (api: ReturnType<typeof scim>, userName: string) =>
    api.post('/Users', { schemas: [USER], userName, active: false }).expect(201);

  it('answers a full unfiltered page in one statement, with the total and no count(*)', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    for (const name of ['a', 'b', 'c']) await createUser(api, `${name}@acme.com`);
    for (const name of ['G1', 'G2'])
      await api.post('/Groups', { schemas: [GROUP], displayName: name }).expect(201);
    // Members are streamed from a cursor of their own, so the Groups page leaves them out here.
    for (const [endpoint, table, expected] of [
      ['/Users?', 'scim_user', 3],
      ['/Groups?excludedAttributes=members&', 'scim_group', 2],
    ] as const) {
      let body: { totalResults: number; itemsPerPage: number } = { totalResults: -1, itemsPerPage: -1 };
      const sent = await statementsDuring(async () => {
        body = (await api.get(`${endpoint}startIndex=1&count=1`).expect(200)).body as typeof body;
      });
      expect(body.totalResults).toBe(expected);
      expect(body.itemsPerPage).toBe(1);
      const onTable = sent.filter((sql) => new RegExp(`\\b${table}\\b`).test(sql));
      expect(onTable).toHaveLength(1);
      expect(onTable[0]).toMatch(/resource_count/);
      expect(sent.filter((sql) => /count\(\*\)/.test(sql))).toEqual([]);
    }
    // count=0 asks for the total alone: one read of the counts.
    const zero = await statementsDuring(() => api.get('/Users?count=0').expect(200));
    expect(zero.filter((sql) => /count\(\*\)/.test(sql))).toEqual([]);
  });

  it('keeps totals exact under concurrent creates and deletes', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const first = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createUser(api, `first${i}@acme.com`)),
    );
    const groups = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.post('/Groups', { schemas: [GROUP], displayName: `G${i}` }).expect(201),
      ),
    );
    await Promise.all([
      ...Array.from({ length: 25 }, (_, i) => createUser(api, `second${i}@acme.com`)),
      ...first.slice(0, 12).map((res) => api.delete(`/Users/${res.body.id as string}`).expect(204)),
      ...groups.slice(0, 4).map((res) => api.delete(`/Groups/${res.body.id as string}`).expect(204)),
      ...Array.from({ length: 5 }, (_, i) =>
        api.post('/Groups', { schemas: [GROUP], displayName: `H${i}` }).expect(201),
      ),
      // A create that fails (a taken userName) rolls its count back with it.
      api.post('/Users', { schemas: [USER], userName: 'first19@acme.com' }).expect(409),
    ]);
    expect(await counted(tenant, 'scim_user')).toBe(20 + 25 - 12);
    expect(await total(api, '/Users')).toBe(20 + 25 - 12);
    expect(await counted(tenant, 'scim_group')).toBe(10 - 4 + 5);
    expect(await total(api, '/Groups')).toBe(10 - 4 + 5);
  });

  it('counts rows however they are written, and a deleted tenant leaves no counts behind', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    await createUser(api, 'api@acme.com');
    await t.db.query(
      `INSERT INTO scim_user (tenant_id, id, user_name, data, created_at, last_modified)
       SELECT $1, gen_random_uuid(), 'sql' || n || '@acme.com', jsonb_build_object('userName', 'sql' || n || '@acme.com'), now(), now()
         FROM generate_series(1, 150) AS n`,
      [tenant.id],
    );
    expect(await total(api, '/Users')).toBe(151);
    await t.db.query(`DELETE FROM scim_user WHERE tenant_id = $1 AND user_name LIKE 'sql1%'`, [tenant.id]);
    expect(await total(api, '/Users')).toBe(await counted(tenant, 'scim_user'));
    await admin(t).delete(`/admin/tenants/${tenant.id}`).expect(204);
    const left: Array<{ n: number }> = await t.db.query(
      `SELECT count(*)::int AS n FROM resource_count WHERE tenant_id = $1`,
      [tenant.id],
    );
    expect(left[0].n).toBe(0);
  });
});
