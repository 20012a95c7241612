import { Client } from 'pg';
import { FOREIGN_KEY_DETAILS } from '../src/database/database-faults';
import { USER_SCHEMA as USER } from '../src/scim/schema/urns';
import { LogCapture } from './helpers/log-capture';
import { describeWithOwnCluster, useOwnCluster } from './helpers/own-cluster';
import { admin, createTenant, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';
import { waitFor } from './helpers/wait';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/**
 * Statement timeout, connection-acquire timeout, request deadline and the per-tenant cap, each
 * answering 503 with Retry-After and a log line naming it; retries of a lost connection; foreign-key
 * races. On a cluster of the test's own: rows are locked, backends killed.
 */
describeWithOwnCluster('Database limits and faults', () => {
  const own = useOwnCluster();
  /** Holds the locks of a test. */
  let db: Client;
  /** Watches and kills backends; apart from `db`, whose open transaction would see a frozen pg_stat_activity. */
  let monitor: Client;
  beforeAll(async () => {
    db = await own.client('test');
    monitor = await own.client('test');
  });

  const appWith = (env: Record<string, string>, logs = new LogCapture()) =>
    own.app({ TOKEN_CACHE_SECONDS: '0', ...env }, { logStream: logs });

  /** The app's backends waiting for a lock (the test's own connections are named 'test'). */
  const lockWaiters = async () =>
    (
      await monitor.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name <> 'test'`,
      )
    ).rows.map((r) => r.pid);
  /** Milliseconds until exactly one of the app's backends waits for a lock, or null after 3 s. */
  const oneWaiting = () => waitFor(3000, async () => (await lockWaiters()).length === 1);
  const terminate = (pids: number[]) =>
    monitor.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);

  async function createUser(t: TestApp, tenant: TestTenant, userName: string): Promise<string> {
    const res = await scim(t, tenant)
      .post('/Users', { schemas: [USER], userName, displayName: 'Before' })
      .expect(201);
    return res.body.id as string;
  }

  /** Holds a row lock on the user until the returned function is called. */
  async function lockUser(id: string): Promise<() => Promise<void>> {
    await db.query('BEGIN');
    await db.query('SELECT 1 FROM scim_user WHERE id = $1 FOR UPDATE', [id]);
    return async () => {
      await db.query('ROLLBACK');
    };
  }

  const rename = (t: TestApp, tenant: TestTenant, id: string, displayName = 'After') =>
    scim(t, tenant).patch(
      `/Users/${id}`,
      patchOp({ op: 'replace', path: 'displayName', value: displayName }),
    );

  const displayNameOf = async (id: string) =>
    (await db.query<{ d: string }>(`SELECT data ->> 'displayName' AS d FROM scim_user WHERE id = $1`, [id]))
      .rows[0]?.d;

  const warning = (logs: LogCapture, text: string) =>
    logs.lines.find((l) => l.level === 40 && String(l.msg).includes(text));

  function unavailable(detail: string) {
    return { schemas: [ERROR], status: '503', detail };
  }

  /** An app with `env` (its log captured), a tenant, and a user of it. */
  async function userOnApp(env: Record<string, string>, userName: string) {
    const logs = new LogCapture();
    const t = await appWith(env, logs);
    const tenant = await createTenant(t);
    return { logs, t, tenant, id: await createUser(t, tenant, userName) };
  }

  /** userOnApp, the user's row locked by this test, and a rename that must wait for it. */
  async function renameOfLockedUser(env: Record<string, string>, userName: string) {
    const { logs, t, tenant, id } = await userOnApp(env, userName);
    const unlock = await lockUser(id);
    const started = Date.now();
    const res = await rename(t, tenant, id).expect(503);
    const took = Date.now() - started;
    await unlock();
    return { logs, t, tenant, id, res, took };
  }

  it('cuts a statement at DATABASE_STATEMENT_TIMEOUT_MS: 503, Retry-After, the limit in the log', async () => {
    const { logs, id, res } = await renameOfLockedUser(
      { DATABASE_STATEMENT_TIMEOUT_MS: '500' },
      'slow@acme.com',
    );
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body).toEqual(
      unavailable('The request took too long in the database (statement timeout); retry shortly'),
    );
    expect(warning(logs, '503: statement timeout hit (DATABASE_STATEMENT_TIMEOUT_MS)')).toBeDefined();
    expect(await displayNameOf(id)).toBe('Before');
  });

  it('cuts a request at its REQUEST_TIMEOUT_MS deadline, and the cut work never commits', async () => {
    const { logs, t, tenant, id, res, took } = await renameOfLockedUser(
      { REQUEST_TIMEOUT_MS: '1000' },
      'deadline@acme.com',
    );
    expect(took).toBeLessThan(3000);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body).toEqual(
      unavailable('The request ran out of time waiting for the database; retry shortly'),
    );
    expect(warning(logs, '503: request deadline hit (REQUEST_TIMEOUT_MS)')).toBeDefined();
    // The abandoned backend gets the lock now, but its connection is gone: it can never commit.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await displayNameOf(id)).toBe('Before');
    await rename(t, tenant, id).expect(200); // the app is none the worse
    expect(await displayNameOf(id)).toBe('After');
  });

  it('answers 503 when no connection comes free within DATABASE_ACQUIRE_TIMEOUT_MS', async () => {
    const logs = new LogCapture();
    const t = await appWith({ DATABASE_POOL_SIZE: '1', DATABASE_ACQUIRE_TIMEOUT_MS: '300' }, logs);
    const a = await createTenant(t);
    const b = await createTenant(t);
    const id = await createUser(t, a, 'holder@acme.com');
    const unlock = await lockUser(id);
    const held = rename(t, a, id).then((r) => r.status);
    expect(await oneWaiting()).not.toBeNull();
    const res = await scim(t, b).get('/Users').expect(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.body).toEqual(
      unavailable('The server is busy: no database connection came free in time; retry shortly'),
    );
    expect(warning(logs, '503: connection acquire timeout hit (DATABASE_ACQUIRE_TIMEOUT_MS)')).toBeDefined();
    await unlock();
    expect(await held).toBe(200);
    await scim(t, b).get('/Users').expect(200);
  });

  it("serves tenant B's lookups while tenant A floods slow filters (TENANT_MAX_CONCURRENCY)", async () => {
    const logs = new LogCapture();
    const t = await appWith(
      { DATABASE_POOL_SIZE: '4', TENANT_MAX_CONCURRENCY: '2', DATABASE_ACQUIRE_TIMEOUT_MS: '300' },
      logs,
    );
    const a = await createTenant(t);
    const b = await createTenant(t);
    await db.query(
      `INSERT INTO scim_user (tenant_id, id, user_name, active, data, created_at, last_modified)
       SELECT $1, gen_random_uuid(), 'flood' || n || '@acme.com', false,
              jsonb_build_object('userName', 'flood' || n || '@acme.com', 'displayName', 'Flood ' || n,
                'emails', jsonb_build_array(jsonb_build_object('value', 'flood' || n || '@acme.com', 'type', 'work'))),
              now(), now()
         FROM generate_series(1, 20000) AS n`,
      [a.id],
    );
    await createUser(t, b, 'bee@acme.com');
    // Allowed (four substring matches), and slow on 20,000 users: every row matches, is sorted on a
    // JSON value, counted, and a thousand are rendered.
    const slow =
      '/Users?count=1000&sortBy=displayName&filter=' +
      encodeURIComponent(
        'emails[value co "@acme"] or displayName co "Flood" or nickName ew "zz" or userName sw "flood"',
      );
    const until = Date.now() + 3000;
    const aStatuses: number[] = [];
    const flood = Array.from({ length: 6 }, async () => {
      while (Date.now() < until) aStatuses.push((await scim(t, a).get(slow)).status);
    });
    const bLatencies: number[] = [];
    const bStatuses: number[] = [];
    const lookups = (async () => {
      await new Promise((r) => setTimeout(r, 300)); // A's flood is under way
      while (Date.now() < until) {
        const started = performance.now();
        const res = await scim(t, b).get('/Users?filter=' + encodeURIComponent('userName eq "bee@acme.com"'));
        bLatencies.push(performance.now() - started);
        bStatuses.push(res.status);
      }
    })();
    // How many of A's filters the database runs at once (only they compare with LIKE).
    let aAtOnce = 0;
    const sampler = (async () => {
      while (Date.now() < until) {
        const active = await monitor.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE state = 'active' AND query LIKE '%LIKE%' AND application_name <> 'test'`,
        );
        aAtOnce = Math.max(aAtOnce, active.rows[0].n);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    await Promise.all([...flood, lookups, sampler]);
    expect(aAtOnce).toBeGreaterThan(0);
    expect(aAtOnce).toBeLessThanOrEqual(2);
    expect(bStatuses.length).toBeGreaterThan(5);
    expect(bStatuses.filter((s) => s !== 200)).toEqual([]);
    expect(aStatuses.every((s) => s === 200 || s === 503)).toBe(true);
    const sorted = [...bLatencies].sort((x, y) => x - y);
    // A figure, not a pass mark (bench/ measures it properly): B's p99 while A floods.
    process.stdout.write(
      `tenant B: ${sorted.length} lookups, p99 ${Math.round(sorted[Math.floor(sorted.length * 0.99)])} ms; ` +
        `tenant A: ${aStatuses.length} filters, ${aStatuses.filter((s) => s === 503).length} answered 503\n`,
    );
  });

  it('retries a write whose backend was killed before COMMIT (57P01), once', async () => {
    const { logs, t, tenant, id } = await userOnApp({}, 'killed@acme.com');
    const unlock = await lockUser(id);
    const answer = rename(t, tenant, id, 'Retried').then((r) => r.status);
    expect(await oneWaiting()).not.toBeNull();
    await terminate(await lockWaiters());
    // The retry waits on the same lock, on a new connection, until the lock is let go.
    expect(await oneWaiting()).not.toBeNull();
    await unlock();
    expect(await answer).toBe(200);
    expect(await displayNameOf(id)).toBe('Retried');
    expect(
      warning(
        logs,
        'a transaction failed (terminating connection due to administrator command); retrying once',
      ),
    ).toBeDefined();
  });

  it('never retries a write whose connection was lost after COMMIT was sent: 503, and no second attempt', async () => {
    const logs = new LogCapture();
    const t = await appWith({}, logs);
    const tenant = await createTenant(t);
    // A deferred trigger makes COMMIT itself take a second, for the rows of this test only. COMMIT is
    // sent with the write's events, in one simple query that starts with the commit mark.
    await db.query(`CREATE OR REPLACE FUNCTION rollcall_test_stall() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(1); RETURN NULL; END $$`);
    await db.query(`CREATE CONSTRAINT TRIGGER rollcall_test_stall AFTER INSERT ON scim_user DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.user_name LIKE 'stall%') EXECUTE FUNCTION rollcall_test_stall()`);
    try {
      // supertest sends on then(): start the request now.
      const answer = scim(t, tenant)
        .post('/Users', { schemas: [USER], userName: 'stall@acme.com' })
        .then((r) => r);
      const committing = async () =>
        (
          await monitor.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE query LIKE '/* commit:%' AND wait_event = 'PgSleep'`,
          )
        ).rows.map((r) => r.pid);
      expect(await waitFor(3000, async () => (await committing()).length === 1)).not.toBeNull();
      await terminate(await committing());
      const res = await answer;
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.detail).toBe(
        'The database connection was lost while the change was being committed, so it may or may not have been applied; retry it',
      );
      expect(logs.text).not.toContain('retrying once');
      expect(warning(logs, '503: the database connection was lost after COMMIT was sent')).toBeDefined();
      const rows = await db.query(`SELECT 1 FROM scim_user WHERE tenant_id = $1`, [tenant.id]);
      expect(rows.rowCount).toBe(0);
    } finally {
      await db.query('DROP TRIGGER rollcall_test_stall ON scim_user');
      await db.query('DROP FUNCTION rollcall_test_stall()');
    }
  });

  it('answers a member added while it is deleted with 400 invalidValue in plain words', async () => {
    const t = await appWith({});
    const tenant = await createTenant(t);
    const userId = await createUser(t, tenant, 'leaving@acme.com');
    const group = await scim(t, tenant)
      .post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Race' })
      .expect(201);
    // The user is deleted in a transaction that commits while the member is being added.
    await db.query('BEGIN');
    await db.query('DELETE FROM scim_user WHERE id = $1', [userId]);
    const answer = scim(t, tenant)
      .patch(`/Groups/${group.body.id}`, patchOp({ op: 'add', path: 'members', value: [{ value: userId }] }))
      .then((r) => r);
    expect(await oneWaiting()).not.toBeNull();
    await db.query('COMMIT');
    const res = await answer;
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      schemas: [ERROR],
      status: '400',
      scimType: 'invalidValue',
      detail: 'a member was deleted while it was being added: it is no longer a User of this tenant',
    });
    const rows = await db.query(`SELECT 1 FROM group_user_member WHERE group_id = $1`, [group.body.id]);
    expect(rows.rowCount).toBe(0);
  });

  it('runs a read-only request once more when its backend is killed, and answers 200', async () => {
    const { logs, t, tenant, id } = await userOnApp({}, 'reader@acme.com');
    await db.query('BEGIN');
    await db.query('LOCK TABLE scim_user IN ACCESS EXCLUSIVE MODE');
    const answer = scim(t, tenant)
      .get(`/Users/${id}`)
      .then((r) => ({ status: r.status, userName: (r.body as { userName?: string }).userName }));
    expect(await oneWaiting()).not.toBeNull();
    await terminate(await lockWaiters());
    expect(await oneWaiting()).not.toBeNull();
    await db.query('ROLLBACK');
    expect(await answer).toEqual({ status: 200, userName: 'reader@acme.com' });
    expect(
      warning(logs, 'a read-only request failed (terminating connection due to administrator command)'),
    ).toBeDefined();
  });

  it('runs an admin read once more when its backend is killed, and answers 200', async () => {
    // The admin routes retry through ReadRetryInterceptor (@RetryReads), not the resource handler.
    const logs = new LogCapture();
    const t = await appWith({}, logs);
    const tenant = await createTenant(t);
    await db.query('BEGIN');
    await db.query('LOCK TABLE tenant IN ACCESS EXCLUSIVE MODE');
    const answer = admin(t)
      .get(`/admin/tenants/${tenant.id}`)
      .then((r) => ({ status: r.status, id: (r.body as { id?: string }).id }));
    expect(await oneWaiting()).not.toBeNull();
    await terminate(await lockWaiters());
    expect(await oneWaiting()).not.toBeNull();
    await db.query('ROLLBACK');
    expect(await answer).toEqual({ status: 200, id: tenant.id });
    expect(
      warning(logs, 'a read-only request failed (terminating connection due to administrator command)'),
    ).toBeDefined();
  });

  it('retries a write chosen as a deadlock victim, and answers 200', async () => {
    const { logs, t, tenant, id } = await userOnApp({}, 'deadlock@acme.com');
    // The test locks the tenant's row, which the PATCH's event (its last statement) needs a key share
    // of, then the user's row, which the PATCH holds while it waits: a cycle PostgreSQL breaks after 1 s.
    await db.query('BEGIN');
    await db.query('SELECT 1 FROM tenant WHERE id = $1 FOR UPDATE', [tenant.id]);
    const answer = rename(t, tenant, id, 'Survived').then((r) => r.status);
    expect(await oneWaiting()).not.toBeNull();
    const mine = db.query('SELECT 1 FROM scim_user WHERE id = $1 FOR UPDATE', [id]).then(
      () => 'locked',
      (error: { code?: string }) => error.code,
    );
    // The PATCH waited first, so it is the one the deadlock check picks; the test's lock goes through.
    expect(await mine).toBe('locked');
    await db.query('ROLLBACK');
    expect(await answer).toBe(200);
    expect(await displayNameOf(id)).toBe('Survived');
    expect(warning(logs, 'a transaction failed (deadlock detected); retrying once')).toBeDefined();
  });

  it('names only foreign keys that exist', async () => {
    const names = Object.keys(FOREIGN_KEY_DETAILS);
    const found = await db.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint WHERE contype = 'f' AND conname = ANY($1)`,
      [names],
    );
    expect(found.rows.map((r) => r.conname).sort()).toEqual([...names].sort());
  });
});
