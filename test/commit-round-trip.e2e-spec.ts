import { Client } from 'pg';
import { createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';
import { waitFor } from './helpers/wait';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
/** Lock waits and a killed backend need a second session: the embedded database runs one. */
const onServer = process.env.ROLLCALL_TEST_DATABASE !== 'embedded';
const itOnServer = onServer ? it : it.skip;

/**
 * The write's COMMIT round trip (events' insert; COMMIT; numbering) against the limits the README
 * states: the request deadline, the no-answer limit, and "the numbering never fails the write".
 */
describe('A write whose events ride in its COMMIT round trip', () => {
  let db: Client;
  let monitor: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL, application_name: 'test' });
    monitor = new Client({ connectionString: process.env.DATABASE_URL, application_name: 'test' });
    if (onServer) {
      await db.connect();
      await monitor.connect();
    }
  });
  afterAll(async () => {
    if (onServer) {
      await db.end();
      await monitor.end();
    }
  });

  const numberingLock = (tenantId: string) =>
    db.query(`SELECT pg_advisory_lock(hashtextextended('event-sequencer:' || $1, 0))`, [tenantId]);
  const numberingUnlock = (tenantId: string) =>
    db.query(`SELECT pg_advisory_unlock(hashtextextended('event-sequencer:' || $1, 0))`, [tenantId]);
  const usersOf = async (tenant: TestTenant) =>
    (await db.query(`SELECT user_name FROM scim_user WHERE tenant_id = $1`, [tenant.id])).rows;
  const displayNameOf = async (id: string) =>
    (await db.query<{ d: string }>(`SELECT data ->> 'displayName' AS d FROM scim_user WHERE id = $1`, [id]))
      .rows[0]?.d;

  itOnServer(
    'cuts the events insert at the request deadline: 503 within it, and the write never commits',
    async () => {
      const t: TestApp = await createTestApp({
        env: { REQUEST_TIMEOUT_MS: '1000', TOKEN_CACHE_SECONDS: '0' },
      });
      try {
        const tenant = await createTenant(t);
        const api = scim(t, tenant);
        const { id } = (await api.post('/Users', { schemas: [USER], userName: 'dl@acme.com' }).expect(201))
          .body as { id: string };
        // The tenant's row locked: the event's insert (its foreign key takes a key share) waits; the
        // rename's own statements do not touch it.
        await db.query('BEGIN');
        await db.query('SELECT 1 FROM tenant WHERE id = $1 FOR UPDATE', [tenant.id]);
        const started = Date.now();
        const answer = api
          .patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Late' }))
          .then((r) => ({ status: r.status, took: Date.now() - started }));
        await new Promise((r) => setTimeout(r, 2500));
        await db.query('ROLLBACK');
        const res = await answer;
        // README: "A request's database work … its statement is cut, its transaction never commits; 503".
        expect(res.status).toBe(503);
        expect(res.took).toBeLessThan(2500);
        expect(await displayNameOf(id)).not.toBe('Late');
      } finally {
        await db.query('ROLLBACK').catch(() => undefined);
        await t.close();
      }
    },
  );

  itOnServer(
    'answers 201 when each statement of the commit round trip answers within the statement timeout',
    async () => {
      // No-answer limit: statement timeout (1 s) + 1 s = 2 s. Each statement below takes under 1 s.
      const t: TestApp = await createTestApp({
        env: { DATABASE_STATEMENT_TIMEOUT_MS: '1000', TOKEN_CACHE_SECONDS: '0' },
      });
      const tenant = await createTenant(t);
      await db.query(`CREATE OR REPLACE FUNCTION rollcall_review_stall() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_sleep(0.7); RETURN NEW; END $$`);
      // The events' insert takes 0.7 s (its first row), COMMIT 0.7 s (a deferred trigger on the user).
      await db.query(`CREATE TRIGGER rollcall_review_stall_event BEFORE INSERT ON event FOR EACH ROW
        WHEN (NEW.tenant_id = '${tenant.id}' AND NEW.type = 'user.created') EXECUTE FUNCTION rollcall_review_stall()`);
      await db.query(`CREATE CONSTRAINT TRIGGER rollcall_review_stall_user AFTER INSERT ON scim_user
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.user_name LIKE 'stall-review%')
        EXECUTE FUNCTION rollcall_review_stall()`);
      // The numbering waits its second for the lock, then gives up (the sweep numbers later).
      await numberingLock(tenant.id);
      try {
        const res = await scim(t, tenant).post('/Users', {
          schemas: [USER],
          userName: 'stall-review@acme.com',
        });
        expect(await usersOf(tenant)).toEqual([{ user_name: 'stall-review@acme.com' }]);
        // The write committed, every statement answered within its limit: it is a 201, not a 503
        // "may or may not have been applied" with its connection dropped as unanswering.
        expect({ status: res.status, detail: res.body.detail }).toEqual({ status: 201, detail: undefined });
      } finally {
        await numberingUnlock(tenant.id);
        await db.query('DROP TRIGGER rollcall_review_stall_event ON event');
        await db.query('DROP TRIGGER rollcall_review_stall_user ON scim_user');
        await db.query('DROP FUNCTION rollcall_review_stall()');
        await t.close();
      }
    },
  );

  itOnServer(
    'runs a rename once more, 200, when its connection is lost while its update, sent ahead, is unanswered: COMMIT waits for it',
    async () => {
      const t: TestApp = await createTestApp({ env: { TOKEN_CACHE_SECONDS: '0' } });
      const tenant = await createTenant(t);
      const api = scim(t, tenant);
      const { id } = (await api.post('/Users', { schemas: [USER], userName: 'ahead@acme.com' }).expect(201))
        .body as { id: string };
      await db.query(`CREATE OR REPLACE FUNCTION rollcall_review_stall() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_sleep(1); RETURN NEW; END $$`);
      await db.query(`CREATE TRIGGER rollcall_review_stall_update BEFORE UPDATE ON scim_user FOR EACH ROW
        WHEN (NEW.data ->> 'displayName' = 'Stalled') EXECUTE FUNCTION rollcall_review_stall()`);
      try {
        // A rename's update is sent ahead; its COMMIT is not sent before the update is answered.
        const answer = api
          .patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Stalled' }))
          .then((r) => r);
        const updating = async () =>
          (
            await monitor.query<{ pid: number }>(
              `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'test'
                  AND query LIKE 'UPDATE scim_user%' AND wait_event = 'PgSleep'`,
            )
          ).rows.map((r) => r.pid);
        expect(await waitFor(3000, async () => (await updating()).length === 1)).not.toBeNull();
        await new Promise((r) => setTimeout(r, 200));
        await monitor.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
          await updating(),
        ]);
        // Nothing of it can have committed, so it runs again on a fresh connection: renamed once.
        const res = await answer;
        expect({ status: res.status, version: res.body.meta?.version as unknown }).toEqual({
          status: 200,
          version: 'W/"2"',
        });
        expect(await displayNameOf(id)).toBe('Stalled');
      } finally {
        await db.query('DROP TRIGGER rollcall_review_stall_update ON scim_user');
        await db.query('DROP FUNCTION rollcall_review_stall()');
        await t.close();
      }
    },
  );

  itOnServer('answers 201 for a committed write whose connection is lost during its numbering', async () => {
    const t: TestApp = await createTestApp({ env: { TOKEN_CACHE_SECONDS: '0' } });
    const tenant = await createTenant(t);
    await numberingLock(tenant.id);
    try {
      const answer = scim(t, tenant)
        .post('/Users', { schemas: [USER], userName: 'numbering-killed@acme.com' })
        .then((r) => r);
      // The app's backend waits for the numbering lock: its COMMIT is done (this query, or the one before).
      const waiting = async () =>
        (
          await monitor.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'test'
                AND wait_event_type = 'Lock'
                AND (query LIKE '/* commit:%' OR query LIKE '%rollcall_number_events%')`,
          )
        ).rows.map((r) => r.pid);
      expect(await waitFor(3000, async () => (await waiting()).length === 1)).not.toBeNull();
      await monitor.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
        await waiting(),
      ]);
      const res = await answer;
      expect(await usersOf(tenant)).toEqual([{ user_name: 'numbering-killed@acme.com' }]);
      // README: "the numbering never fails the write, which committed".
      expect({ status: res.status, detail: res.body.detail }).toEqual({ status: 201, detail: undefined });
    } finally {
      await numberingUnlock(tenant.id);
      await t.close();
    }
  });

  itOnServer(
    'rolls back and answers when the events insert fails before COMMIT; the next write commits',
    async () => {
      const t: TestApp = await createTestApp({ env: { TOKEN_CACHE_SECONDS: '0' } });
      const tenant = await createTenant(t);
      await db.query(`CREATE OR REPLACE FUNCTION rollcall_review_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
      await db.query(`CREATE TRIGGER rollcall_review_refuse BEFORE INSERT ON event FOR EACH ROW
      WHEN (NEW.tenant_id = '${tenant.id}' AND NEW.data -> 'resource' ->> 'userName' = 'refused@acme.com')
      EXECUTE FUNCTION rollcall_review_refuse()`);
      try {
        const api = scim(t, tenant);
        const res = await api.post('/Users', { schemas: [USER], userName: 'refused@acme.com' });
        expect(res.status).toBe(500);
        expect(await usersOf(tenant)).toEqual([]);
        await api.post('/Users', { schemas: [USER], userName: 'after@acme.com' }).expect(201);
        expect(await usersOf(tenant)).toEqual([{ user_name: 'after@acme.com' }]);
      } finally {
        await db.query('DROP TRIGGER rollcall_review_refuse ON event');
        await db.query('DROP FUNCTION rollcall_review_refuse()');
        await t.close();
      }
    },
  );
  itOnServer(
    'never runs a committed write again when an error follows its COMMIT in the round trip',
    async () => {
      const t: TestApp = await createTestApp({ env: { TOKEN_CACHE_SECONDS: '0' } });
      const tenant = await createTenant(t);
      // Stands in for any error after COMMIT outside the numbering function's handler: a deferred check
      // that fails, once, with a serialization failure when the numbering's own transaction commits.
      await db.query(`CREATE SEQUENCE rollcall_review_once`);
      await db.query(`CREATE OR REPLACE FUNCTION rollcall_review_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('rollcall_review_once') = 1 THEN RAISE EXCEPTION 'test' USING ERRCODE = '40001'; END IF;
      RETURN NULL; END $$`);
      await db.query(`CREATE CONSTRAINT TRIGGER rollcall_review_once AFTER UPDATE ON event DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW WHEN (NEW.tenant_id = '${tenant.id}') EXECUTE FUNCTION rollcall_review_once()`);
      try {
        const res = await scim(t, tenant).post('/Users', { schemas: [USER], userName: 'once@acme.com' });
        expect(await usersOf(tenant)).toEqual([{ user_name: 'once@acme.com' }]);
        expect(res.status).toBe(201);
      } finally {
        await db.query('DROP TRIGGER rollcall_review_once ON event');
        await db.query('DROP FUNCTION rollcall_review_once()');
        await db.query('DROP SEQUENCE rollcall_review_once');
        await t.close();
      }
    },
  );
});
