import { Client } from 'pg';
import { DatabaseProxy } from './helpers/database-proxy';
import { createTenant, createTestApp, patchOp, scim, TestApp } from './helpers/test-app';
import { waitFor } from './helpers/wait';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** A stalled statement needs a second session to watch it: the embedded database runs one. */
const onServer = process.env.ROLLCALL_TEST_DATABASE !== 'embedded';
const itOnServer = onServer ? it : it.skip;

/**
 * Writes whose statements go ahead of their answers (pipeline mode), against what the README and
 * the retry rules promise of every write: a write cut by its deadline never commits, and a write
 * whose connection is found dead before COMMIT could reach the database is retried, not answered
 * "may or may not".
 */
describe('Writes sent ahead in pipeline mode', () => {
  describe('on a connection that turns out dead as the write is sent', () => {
    let proxy: DatabaseProxy;
    let t: TestApp;
    beforeAll(async () => {
      proxy = await DatabaseProxy.start(process.env.DATABASE_URL as string);
      t = await createTestApp({ env: { DATABASE_URL: proxy.url, DATABASE_POOL_SIZE: '1' } });
    });
    afterAll(async () => {
      await t.close();
      await proxy.stop();
    });

    it('creates a Group without members once, 201: nothing of the first attempt reached the database', async () => {
      const tenant = await createTenant(t);
      const api = scim(t, tenant);
      proxy.dropWhenSent('INSERT INTO scim_group');
      const res = await api.post('/Groups', { schemas: [GROUP], displayName: 'Dropped', members: [] });
      expect({ status: res.status, detail: res.body.detail as unknown }).toEqual({
        status: 201,
        detail: undefined,
      });
      const list = await api
        .get(`/Groups?filter=${encodeURIComponent('displayName eq "Dropped"')}`)
        .expect(200);
      expect(list.body.totalResults).toBe(1);
    });

    it('creates an inactive User once, 201: nothing of the first attempt reached the database', async () => {
      const tenant = await createTenant(t);
      const api = scim(t, tenant);
      proxy.dropWhenSent('INSERT INTO scim_user');
      const res = await api.post('/Users', { schemas: [USER], userName: 'dropped@acme.com', active: false });
      expect({ status: res.status, detail: res.body.detail as unknown }).toEqual({
        status: 201,
        detail: undefined,
      });
      const list = await api
        .get(`/Users?filter=${encodeURIComponent('userName eq "dropped@acme.com"')}`)
        .expect(200);
      expect(list.body.totalResults).toBe(1);
    });
  });

  describe('at the request deadline', () => {
    let db: Client;
    beforeAll(async () => {
      db = new Client({ connectionString: process.env.DATABASE_URL, application_name: 'test' });
      if (onServer) await db.connect();
    });
    afterAll(async () => {
      if (onServer) await db.end();
    });

    const displayNameOf = async (id: string) =>
      (await db.query<{ d: string }>(`SELECT data ->> 'displayName' AS d FROM scim_user WHERE id = $1`, [id]))
        .rows[0]?.d;
    const stalled = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
              AND application_name <> 'test' AND query LIKE 'UPDATE scim_user%' AND wait_event = 'PgSleep'`,
        )
      ).rows[0].n;

    itOnServer(
      'cuts a rename whose update, sent ahead, outlives the deadline: 503 "ran out of time", and it never commits',
      async () => {
        const t = await createTestApp({ env: { REQUEST_TIMEOUT_MS: '1000', TOKEN_CACHE_SECONDS: '0' } });
        const tenant = await createTenant(t);
        const api = scim(t, tenant);
        const { id } = (await api.post('/Users', { schemas: [USER], userName: 'late@acme.com' }).expect(201))
          .body as { id: string };
        await db.query(`CREATE OR REPLACE FUNCTION rollcall_pipeline_stall() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN PERFORM pg_sleep(2); RETURN NEW; END $$`);
        await db.query(`CREATE TRIGGER rollcall_pipeline_stall_update BEFORE UPDATE ON scim_user FOR EACH ROW
          WHEN (NEW.data ->> 'displayName' = 'Late') EXECUTE FUNCTION rollcall_pipeline_stall()`);
        try {
          const res = await api.patch(
            `/Users/${id}`,
            patchOp({ op: 'replace', path: 'displayName', value: 'Late' }),
          );
          // Once the stalled statement has finished on the server, look at what stayed of the rename.
          expect(await waitFor(5000, async () => (await stalled()) === 0)).not.toBeNull();
          await new Promise((r) => setTimeout(r, 300));
          // README: a request's database work past its deadline is cut, its transaction never commits; 503.
          expect({
            status: res.status,
            detail: res.body.detail as unknown,
            stored: await displayNameOf(id),
          }).toEqual({
            status: 503,
            detail: 'The request ran out of time waiting for the database; retry shortly',
            stored: null,
          });
        } finally {
          await db.query('DROP TRIGGER rollcall_pipeline_stall_update ON scim_user');
          await db.query('DROP FUNCTION rollcall_pipeline_stall()');
          await t.close();
        }
      },
    );

    itOnServer(
      "cuts a rename that waits on another request's uncommitted userName past the deadline: it never commits",
      async () => {
        const t = await createTestApp({ env: { REQUEST_TIMEOUT_MS: '1000', TOKEN_CACHE_SECONDS: '0' } });
        const other = new Client({ connectionString: process.env.DATABASE_URL, application_name: 'test' });
        await other.connect();
        try {
          const tenant = await createTenant(t);
          const api = scim(t, tenant);
          const { id } = (
            await api.post('/Users', { schemas: [USER], userName: 'jane@acme.com' }).expect(201)
          ).body as { id: string };
          // Another request's create of the same userName, not committed yet: the rename's update waits on
          // the unique index until that transaction ends.
          await other.query('BEGIN');
          await other.query(
            `INSERT INTO scim_user (tenant_id, id, user_name, data, created_at, last_modified)
             VALUES ($1, gen_random_uuid(), 'jane.doe@acme.com', '{}', now(), now())`,
            [tenant.id],
          );
          const res = await api.patch(
            `/Users/${id}`,
            patchOp({ op: 'replace', path: 'userName', value: 'jane.doe@acme.com' }),
          );
          // That request fails after all; the rename's update, no longer waiting, goes on.
          await other.query('ROLLBACK');
          await new Promise((r) => setTimeout(r, 500));
          const stored = await db.query<{ user_name: string }>(
            `SELECT user_name FROM scim_user WHERE id = $1`,
            [id],
          );
          expect({
            status: res.status,
            detail: res.body.detail as unknown,
            stored: stored.rows[0].user_name,
          }).toEqual({
            status: 503,
            detail: 'The request ran out of time waiting for the database; retry shortly',
            stored: 'jane@acme.com',
          });
        } finally {
          await other.query('ROLLBACK').catch(() => undefined);
          await other.end();
          await t.close();
        }
      },
    );
  });
});
