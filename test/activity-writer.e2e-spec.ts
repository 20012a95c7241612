import { Client } from 'pg';
import { RETENTION_LOCK_KEY, ActivityRetention } from '../src/activity/activity-retention';
import { ActivityWriter } from '../src/activity/activity-writer';
import { activity, clearOfMinuteEnd, flushActivity, OKTA } from './helpers/activity';
import { DatabaseProxy } from './helpers/database-proxy';
import { LogCapture } from './helpers/log-capture';
import { spawnServer, stopServer } from './helpers/spawned-server';
import { ADMIN_KEY, admin, createTenant, createTestApp, scim, TestApp } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const onServer = process.env.ROLLCALL_TEST_DATABASE !== 'embedded';
const itOnServer = onServer ? it : it.skip;
const DAY = 86_400_000;

interface ReadyActivity {
  status: string;
  queued: number;
  dropped: number;
  written: number;
  failingFlushes: number;
}

async function readiness(t: TestApp): Promise<ReadyActivity> {
  const res = await t.http.get('/health/ready');
  return (res.body as { info?: { activityLog?: ReadyActivity }; error?: { activityLog?: ReadyActivity } })
    .info?.activityLog as ReadyActivity;
}

async function storedCount(t: TestApp, tenantId: string): Promise<number> {
  const rows: Array<{ n: number }> = await t.db.query(
    'SELECT coalesce(sum(count), 0)::int AS n FROM activity_entry WHERE tenant_id = $1',
    [tenantId],
  );
  return rows[0].n;
}

describe('Activity log: the write path', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('writes on its own every ACTIVITY_FLUSH_MS, and at once when a batch is full', async () => {
    const until = async (check: () => Promise<boolean>) => {
      for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
        if (await check()) return true;
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    };
    const timed = await createTestApp({ env: { ACTIVITY_FLUSH_MS: '50' } });
    try {
      const tenant = await createTenant(timed);
      await scim(timed, tenant)
        .post('/Users', { schemas: [USER], userName: 'tick@acme.com' })
        .expect(201);
      expect(await until(async () => (await storedCount(t, tenant.id)) === 1)).toBe(true);
    } finally {
      await timed.close();
    }
    const batched = await createTestApp({ env: { ACTIVITY_FLUSH_MS: '600000', ACTIVITY_BATCH_SIZE: '3' } });
    try {
      const tenant = await createTenant(batched);
      const api = scim(batched, tenant);
      for (let i = 0; i < 2; i += 1)
        await api.post('/Users', { schemas: [USER], userName: `b${i}@acme.com` }).expect(201);
      await new Promise((r) => setTimeout(r, 200));
      expect(await storedCount(t, tenant.id)).toBe(0);
      await api.post('/Users', { schemas: [USER], userName: 'b2@acme.com' }).expect(201);
      expect(await until(async () => (await storedCount(t, tenant.id)) === 3)).toBe(true);
    } finally {
      await batched.close();
    }
  });

  it('keeps entries while the database is briefly unavailable, and writes them once it is back', async () => {
    const proxy = await DatabaseProxy.start(process.env.DATABASE_URL as string);
    const app = await createTestApp({ env: { DATABASE_URL: proxy.url } });
    try {
      const tenant = await createTenant(app);
      const api = scim(app, tenant);
      for (let i = 0; i < 3; i += 1) {
        await api.post('/Users', { schemas: [USER], userName: `outage-${i}@acme.com` }).expect(201);
      }
      proxy.cut();
      // The database is gone: requests that need no database are answered, and recorded, as before.
      const started = performance.now();
      await app.http.get(`${tenant.base}/Users`).set('User-Agent', OKTA).expect(401);
      expect(performance.now() - started).toBeLessThan(1000);
      await app.app.get(ActivityWriter).flush();
      expect(app.app.get(ActivityWriter).state()).toMatchObject({ queued: 4, dropped: 0, failingFlushes: 1 });
      expect(await storedCount(t, tenant.id)).toBe(0);

      proxy.restore();
      await flushActivity(app);
      expect(app.app.get(ActivityWriter).state()).toMatchObject({ queued: 0, dropped: 0, failingFlushes: 0 });
      expect(await storedCount(t, tenant.id)).toBe(4);
      const entries = (await activity(t, tenant.id)).items;
      expect(entries.map((e) => [e.method, e.status, e.count])).toEqual([
        ['GET', 401, 1],
        ['POST', 201, 1],
        ['POST', 201, 1],
        ['POST', 201, 1],
      ]);
    } finally {
      proxy.restore();
      await app.close();
      await proxy.stop();
    }
  });

  it('drops and counts what does not fit, never failing a request, and reports it in /health/ready and the log', async () => {
    const logs = new LogCapture();
    const app = await createTestApp({ env: { ACTIVITY_QUEUE_SIZE: '4' }, logStream: logs });
    try {
      const tenant = await createTenant(app);
      const api = scim(app, tenant);
      const ready = (queued: number, dropped: number, written: number) =>
        ({ status: 'up', queued, dropped, written, failingFlushes: 0 }) as const;
      await clearOfMinuteEnd();
      await app.http.get(`${tenant.base}/Users`).expect(401);
      for (let i = 0; i < 5; i += 1) {
        await api.post('/Users', { schemas: [USER], userName: `full-${i}@acme.com` }).expect(201);
      }
      expect(await readiness(app)).toEqual(ready(4, 2, 0));
      // Unauthenticated requests add to their tally, which holds its place already: none is dropped.
      for (let i = 0; i < 4; i += 1) await app.http.get(`${tenant.base}/Users`).expect(401);
      expect(await readiness(app)).toEqual(ready(4, 2, 0));
      // Another reason is another tally, and there is no room for it.
      await app.http.get(`${tenant.base}/Groups`).set('Authorization', 'Basic eDp5').expect(401);
      expect(await readiness(app)).toEqual(ready(4, 3, 0));

      await new Promise((r) => setTimeout(r, 1200));
      const line = logs.lines.find((l) => l.context === 'ActivityLog' && typeof l.dropped === 'number');
      expect(line).toMatchObject({ level: 40, dropped: 3, droppedTotal: 3, queued: 4 });

      await flushActivity(app);
      expect(await readiness(app)).toEqual(ready(0, 3, 8));
      expect(await storedCount(t, tenant.id)).toBe(8);
      const users: Array<{ n: number }> = await t.db.query(
        'SELECT count(*)::int AS n FROM scim_user WHERE tenant_id = $1',
        [tenant.id],
      );
      expect(users[0].n).toBe(5);
    } finally {
      await app.close();
    }
  });

  it('writes the queue out on SIGTERM before the process exits', async () => {
    const server = await spawnServer({ ACTIVITY_FLUSH_MS: '600000' });
    try {
      const post = (path: string, body: unknown, token = ADMIN_KEY) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
          body: JSON.stringify(body),
        });
      const tenant = (await (await post('/admin/tenants', { name: 'Shutdown flush' })).json()) as {
        id: string;
      };
      const { token } = (await (await post(`/admin/tenants/${tenant.id}/tokens`, {})).json()) as {
        token: string;
      };
      for (let i = 0; i < 3; i += 1) {
        const res = await post(
          `/scim/v2/${tenant.id}/Users`,
          { schemas: [USER], userName: `bye-${i}@acme.com` },
          token,
        );
        expect(res.status).toBe(201);
      }
      expect(await storedCount(t, tenant.id)).toBe(0);
      expect(await stopServer(server)).toBe(0);
      expect(await storedCount(t, tenant.id)).toBe(3);
      expect(server.stdout()).not.toMatch(/unwritten/);
    } finally {
      server.kill();
    }
  });
});

describe('Activity log: retention', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  /** A tenant with two entries and a minute total past 30 days, and one of each within them. */
  async function tenantWithHistory(): Promise<string> {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    for (let i = 0; i < 3; i += 1)
      await api.post('/Users', { schemas: [USER], userName: `old-${i}@acme.com` }).expect(201);
    await flushActivity(t);
    await t.db.query(
      `UPDATE activity_entry SET at = at - interval '31 days', last_at = last_at - interval '31 days'
        WHERE tenant_id = $1 AND id IN (SELECT id FROM activity_entry WHERE tenant_id = $1 ORDER BY at LIMIT 2)`,
      [tenant.id],
    );
    await t.db.query(
      `INSERT INTO activity_minute (tenant_id, minute, requests, errors)
       VALUES ($1, date_trunc('minute', now()) - interval '31 days', 7, 1)`,
      [tenant.id],
    );
    return tenant.id;
  }

  async function kept(tenantId: string) {
    const entries: Array<{ n: number }> = await t.db.query(
      'SELECT count(*)::int AS n FROM activity_entry WHERE tenant_id = $1',
      [tenantId],
    );
    const minutes: Array<{ n: number }> = await t.db.query(
      'SELECT count(*)::int AS n FROM activity_minute WHERE tenant_id = $1',
      [tenantId],
    );
    return { entries: entries[0].n, minutes: minutes[0].n };
  }

  it('purges entries and minute totals past ACTIVITY_RETENTION_DAYS in bounded batches', async () => {
    const tenantId = await tenantWithHistory();
    expect(await kept(tenantId)).toEqual({ entries: 3, minutes: 2 });
    const result = await t.app.get(ActivityRetention).purgeOnce(new Date(), 1);
    expect(result.ran).toBe(true);
    expect(result.entries).toBeGreaterThanOrEqual(2);
    expect(result.minutes).toBeGreaterThanOrEqual(1);
    // One row per DELETE: at least two for the entries and one for the totals, each followed by a check.
    expect(result.batches).toBeGreaterThanOrEqual(result.entries + result.minutes + 2);
    expect(await kept(tenantId)).toEqual({ entries: 1, minutes: 1 });
    // What is within the retention stays, and a later run finds nothing.
    const later = await t.app.get(ActivityRetention).purgeOnce(new Date(), 1000);
    expect(later).toMatchObject({ ran: true });
    expect(await kept(tenantId)).toEqual({ entries: 1, minutes: 1 });
    // Thirty days on, the rest goes too.
    await t.app.get(ActivityRetention).purgeOnce(new Date(Date.now() + 31 * DAY), 1000);
    expect(await kept(tenantId)).toEqual({ entries: 0, minutes: 0 });
    expect((await activity(t, tenantId)).items).toEqual([]);
    // The connection summary is the tenant's, kept while it exists.
    const connection = await admin(t).get(`/admin/tenants/${tenantId}/connection`).expect(200);
    expect(connection.body).toMatchObject({ connected: true, lastHour: { requests: 0 } });
  });

  itOnServer('leaves the purge to the one instance holding the advisory lock', async () => {
    const tenantId = await tenantWithHistory();
    const other = new Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [RETENTION_LOCK_KEY]);
      const skipped = await t.app.get(ActivityRetention).purgeOnce();
      expect(skipped).toEqual({ ran: false, entries: 0, minutes: 0, batches: 0 });
      expect(await kept(tenantId)).toEqual({ entries: 3, minutes: 2 });
      await other.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK_KEY]);
      expect((await t.app.get(ActivityRetention).purgeOnce()).ran).toBe(true);
      expect(await kept(tenantId)).toEqual({ entries: 1, minutes: 1 });
    } finally {
      await other.end();
    }
  });
});
