import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { admin, createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';
import { waitFor } from './helpers/wait';
import { SeatCountShards1765200000000 } from '../src/database/migrations/1765200000000-seat-count-shards';
import { DropTenantCounter1765300000000 } from '../src/database/migrations/1765300000000-drop-tenant-counter';
import { SEATS_USED } from '../src/seats/seat-count';

/** The embedded test database serves one session at a time: no two transactions are ever in flight. */
const onServer = process.env.ROLLCALL_TEST_DATABASE !== 'embedded';
const itOnServer = onServer ? it : it.skip;
/** A schema change in a test would hold the other test files a server runs alongside: embedded only. */
const itEmbedded = onServer ? it.skip : it;

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const activate = patchOp({ op: 'replace', value: { active: true } });
const deactivate = patchOp({ op: 'replace', value: { active: false } });
const HOLD_MS = 2000;
/** The app's connections name themselves, so that what they wait on is told apart from other test files'. */
const APP_NAME = 'seat-count-e2e';
const APP_DATABASE_URL = (() => {
  const url = new URL(process.env.DATABASE_URL as string);
  url.searchParams.set('application_name', APP_NAME);
  return url.toString();
})();

type Api = ReturnType<typeof scim>;

async function createUsers(api: Api, prefix: string, count: number, active: boolean): Promise<string[]> {
  const created = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      api.post('/Users', { schemas: [USER], userName: `${prefix}${i}@count.test`, active }),
    ),
  );
  return created.map((res) => {
    expect(res.status).toBe(201);
    return res.body.id as string;
  });
}

describe('Seat counts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DATABASE_URL: APP_DATABASE_URL } });
  });
  afterAll(() => t.close());

  /** seatsUsed as the tenant admin API and the seat usage show it, checked against the users. */
  async function seatsUsed(tenant: TestTenant): Promise<number> {
    const shown = (await admin(t).get(`/admin/tenants/${tenant.id}`).expect(200)).body.seatsUsed as number;
    const usage = (await admin(t).get(`/admin/tenants/${tenant.id}/seats`).expect(200)).body as {
      used: number;
    };
    const active = await scim(t, tenant).get('/Users?filter=active%20eq%20true&count=0').expect(200);
    expect(usage.used).toBe(shown);
    expect(active.body.totalResults).toBe(shown);
    return shown;
  }

  it('keeps seatsUsed exact through concurrent creates, deactivations, reactivations, PUTs and deletes', async () => {
    for (const limit of [null, 100]) {
      const tenant = await createTenant(t, limit);
      const api = scim(t, tenant);
      const active = await createUsers(api, 'on', 30, true);
      const inactive = await createUsers(api, 'off', 10, false);
      expect(await seatsUsed(tenant)).toBe(30);

      const off = await Promise.all(active.slice(0, 12).map((id) => api.patch(`/Users/${id}`, deactivate)));
      expect(off.map((r) => r.status)).toEqual(Array(12).fill(200));
      expect(await seatsUsed(tenant)).toBe(18);

      // Reactivating, activating for the first time, deactivating again and PUT, all at once.
      const mixed = await Promise.all([
        ...active.slice(0, 6).map((id) => api.patch(`/Users/${id}`, activate)),
        ...inactive.map((id) => api.patch(`/Users/${id}`, activate)),
        ...active.slice(20, 24).map((id) => api.patch(`/Users/${id}`, deactivate)),
        api.put(`/Users/${active[6]}`, { schemas: [USER], userName: 'on6@count.test', active: true }),
        api.put(`/Users/${active[24]}`, { schemas: [USER], userName: 'on24@count.test', active: false }),
      ]);
      expect(mixed.map((r) => r.status)).toEqual(Array(22).fill(200));
      expect(await seatsUsed(tenant)).toBe(18 + 6 + 10 - 4 + 1 - 1);

      // Deleting active users gives their seats back; deleting inactive ones changes nothing.
      const deleted = await Promise.all(
        [...active.slice(25, 30), ...active.slice(7, 10)].map((id) => api.delete(`/Users/${id}`)),
      );
      expect(deleted.map((r) => r.status)).toEqual(Array(8).fill(204));
      expect(await seatsUsed(tenant)).toBe(30 - 5);
    }
  });

  /**
   * Makes the commit of `userId`'s seat change wait HOLD_MS with every lock it took: a deferred
   * constraint trigger sleeps at commit. Returns the function that removes it.
   */
  async function slowCommitOf(userId: string): Promise<() => Promise<void>> {
    const name = `slow_commit_${randomBytes(6).toString('hex')}`;
    await t.db.query(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_sleep(${HOLD_MS / 1000}); RETURN NULL; END $$`,
    );
    await t.db.query(
      `CREATE CONSTRAINT TRIGGER ${name} AFTER INSERT OR UPDATE ON seat DEFERRABLE INITIALLY DEFERRED
       FOR EACH ROW WHEN (NEW.user_id = '${userId}') EXECUTE FUNCTION ${name}()`,
    );
    return async () => {
      await t.db.query(`DROP TRIGGER ${name} ON seat`);
      await t.db.query(`DROP FUNCTION ${name}()`);
    };
  }

  /** Waits until a backend of the test database waits on `waitEvent` (a lock's kind, a sleep), or `done`. */
  async function backendWaiting(waitEvent: string, done: () => boolean = () => false): Promise<void> {
    const observer = new Client({ connectionString: process.env.DATABASE_URL });
    await observer.connect();
    try {
      const after = await waitFor(HOLD_MS * 2, async () => {
        const rows = await observer.query(
          `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event = $2`,
          [APP_NAME, waitEvent],
        );
        return done() || rows.rows.length > 0;
      });
      expect(after).not.toBeNull();
    } finally {
      await observer.end();
    }
  }

  /** PATCHes `userId` active; resolves once its commit holds (slowCommitOf), with its response to come. */
  async function heldActivation(api: Api, userId: string) {
    const response = api.patch(`/Users/${userId}`, activate).then((res) => res);
    await backendWaiting('PgSleep');
    return { response };
  }

  /** The statements of the app's connections waiting on a lock, sampled while `work` runs. */
  async function lockWaitsDuring(work: () => Promise<void>): Promise<string[]> {
    const observer = new Client({ connectionString: process.env.DATABASE_URL });
    await observer.connect();
    const seen = new Set<string>();
    let done = false;
    const sampling = (async () => {
      while (!done) {
        const rows = await observer.query<{ query: string }>(
          `SELECT query FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
          [APP_NAME],
        );
        rows.rows.forEach((r) => seen.add(r.query));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      await work();
    } finally {
      done = true;
      await sampling;
      await observer.end();
    }
    return [...seen];
  }

  /** A seat statement is one that reads or changes the seat count, or takes one of its locks. */
  const isSeatStatement = (query: string) => /seat_count|seats_used|seat-limit|seat-count/.test(query);

  /**
   * Activates one user of a new tenant with `limit` and holds its commit, then 5 more meanwhile:
   * their answers, the seat statements any of them waited at, and the seats used at the end.
   */
  async function activationsBehindOneInFlight(limit: number | null) {
    const tenant = await createTenant(t, limit);
    const api = scim(t, tenant);
    const [slow, ...others] = await createUsers(api, 'inflight', 6, false);
    const removeTrigger = await slowCommitOf(slow);
    let statuses: number[] = [];
    try {
      const waits = await lockWaitsDuring(async () => {
        const { response: held } = await heldActivation(api, slow);
        const rest = await Promise.all(others.map((id) => api.patch(`/Users/${id}`, activate)));
        expect((await held).status).toBe(200);
        statuses = rest.map((r) => r.status).sort();
      });
      return { statuses, seatWaits: waits.filter(isSeatStatement), used: await seatsUsed(tenant) };
    } finally {
      await removeTrigger();
    }
  }

  itOnServer(
    'lets activations of a tenant without a limit pass their seat check while another is in flight',
    async () => {
      const { statuses, seatWaits, used } = await activationsBehindOneInFlight(null);
      expect(statuses).toEqual(Array(5).fill(200));
      expect(seatWaits).toEqual([]);
      expect(used).toBe(6);
    },
  );

  itOnServer('queues the activations of a tenant with a limit on its seat count', async () => {
    const { statuses, seatWaits, used } = await activationsBehindOneInFlight(3);
    expect(statuses).toEqual([200, 200, 403, 403, 403]);
    expect(seatWaits.length).toBeGreaterThan(0);
    expect(used).toBe(3);
  });

  itOnServer.each([
    ['set on a tenant without one', null, (id: string) => id],
    ['lowered', 20, (id: string) => id],
    // The admin API takes a tenant id in any case; the lock is the same one.
    ['set through the tenant id in capitals', null, (id: string) => id.toUpperCase()],
  ])(
    'never overshoots a limit %s while an activation is in flight',
    async (_case, initialLimit: number | null, spelled: (id: string) => string) => {
      const tenant = await createTenant(t, initialLimit);
      const api = scim(t, tenant);
      await createUsers(api, 'held', 10, true);
      const [slow, ...others] = await createUsers(api, 'late', 11, false);
      const removeTrigger = await slowCommitOf(slow);
      try {
        const { response: held } = await heldActivation(api, slow);
        // The limit (waiting, or done) is set before the activations that follow read it.
        let limitAnswered = false;
        const limited = admin(t)
          .patch(`/admin/tenants/${spelled(tenant.id)}`, { seatLimit: 11 })
          .then((res) => {
            limitAnswered = true;
            return res;
          });
        await backendWaiting('advisory', () => limitAnswered);
        const rest = await Promise.all(others.map((id) => api.patch(`/Users/${id}`, activate)));
        expect((await held).status).toBe(200);
        expect(rest.map((r) => r.status)).toEqual(Array(10).fill(403));
        expect(rest[0].body.detail).toBe('seat limit reached: 11 of 11 seats in use');
        expect(await seatsUsed(tenant)).toBe(11);
        // The limit was answered after the activation it waited for.
        const after = await limited;
        expect(after.status).toBe(200);
        expect(after.body).toMatchObject({ seatLimit: 11, seatsUsed: 11 });
      } finally {
        await removeTrigger();
      }
    },
  );

  itEmbedded(
    'counts the seats of every existing tenant when the count moves off tenant_counter',
    async () => {
      const tenant = await createTenant(t, 10);
      const api = scim(t, tenant);
      const [released, deleted] = await createUsers(api, 'migrated', 4, true);
      await createUsers(api, 'migrated-off', 2, false);
      await api.patch(`/Users/${released}`, deactivate).expect(200);
      await api.delete(`/Users/${deleted}`).expect(204);
      const migration = new SeatCountShards1765200000000();
      const runner = t.db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      // The counter row is gone after this migration (a later one drops it): back to where it was.
      const dropCounter = new DropTenantCounter1765300000000();
      try {
        await dropCounter.down(runner);
        await migration.down(runner);
        const [before] = await runner.query(`SELECT seats_used FROM tenant_counter WHERE tenant_id = $1`, [
          tenant.id,
        ]);
        expect(before.seats_used).toBe(2);
        // A counter that had drifted from the seats held is corrected: the count is taken from `seat`.
        await runner.query(`UPDATE tenant_counter SET seats_used = 7 WHERE tenant_id = $1`, [tenant.id]);
        await migration.up(runner);
        const [after] = await runner.query(`SELECT ${SEATS_USED('$1::uuid')} AS used`, [tenant.id]);
        expect(after.used).toBe(2);
        const columns = await runner.query(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'tenant_counter' ORDER BY 1`,
        );
        expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual([
          'event_seq',
          'tenant_id',
        ]);
        await dropCounter.up(runner);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      expect(await seatsUsed(tenant)).toBe(2);
    },
  );
});
