import { Client } from 'pg';
import { EventSequencer } from '../src/events/event-sequencer';
import { LogCapture } from './helpers/log-capture';
import { roundTripsDuring } from './helpers/statements';
import { admin, createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const COMMITTING =
  /^\/\* commit: 3 statements \*\/\nINSERT INTO event .*;\nCOMMIT;\nSELECT rollcall_number_committed_events\('[0-9a-f-]{36}'\)$/s;
/** A lock wait needs a second session: the embedded database runs one. */
const onServer = process.env.ROLLCALL_TEST_DATABASE !== 'embedded';
const itOnServer = onServer ? it : it.skip;

/** The round trips of a write, with the statements each carried (not the token check's, nor the log's). */
async function writeRoundTrips(work: () => Promise<unknown>): Promise<string[][]> {
  const trips = await roundTripsDuring(work);
  return trips
    .map((trip) => trip.filter((sql) => !/\btenant_token\b|\bactivity\b/.test(sql)))
    .filter((trip) => trip.length > 0);
}

async function feed(t: TestApp, tenant: TestTenant) {
  const res = await admin(t).get(`/admin/tenants/${tenant.id}/events?limit=100`).expect(200);
  return (res.body as { items: Array<{ sequence: string; type: string }> }).items;
}

/**
 * A write's round trips: its events and their numbering ride in its COMMIT's round trip, and a seat's
 * row, history and count are one statement.
 */
describe('Writes in few round trips', () => {
  let t: TestApp;
  const logs = new LogCapture();
  beforeAll(async () => {
    t = await createTestApp({ logStream: logs });
  });
  afterAll(() => t.close());

  it('creates an active user in two round trips: BEGIN, the user and its seat; COMMIT with the events and their numbering', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    let id = '';
    const trips = await writeRoundTrips(async () => {
      id = (await api.post('/Users', { schemas: [USER], userName: 'four@acme.com' }).expect(201)).body.id;
    });
    expect(trips).toEqual([
      [
        'START TRANSACTION',
        expect.stringMatching(/^INSERT INTO scim_user /),
        expect.stringMatching(/INSERT INTO seat AS s .*rollcall_take_seat\(\$1\) AS taken/s),
      ],
      [expect.stringMatching(COMMITTING)],
    ]);
    // When it answers, its events are in the feed, numbered, and its seat is counted.
    expect((await feed(t, tenant)).map((e) => [e.sequence, e.type])).toEqual([
      ['1', 'user.created'],
      ['2', 'seat.assigned'],
    ]);
    const seats = await admin(t).get(`/admin/tenants/${tenant.id}/seats`).expect(200);
    expect(seats.body.used).toBe(1);
    expect((await api.get(`/Users/${id}`).expect(200)).body.userName).toBe('four@acme.com');
  });

  it('deactivates in three round trips, the seat given back by the statement that releases it', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const { id } = (await api.post('/Users', { schemas: [USER], userName: 'five@acme.com' }).expect(201))
      .body as { id: string };
    const trips = await writeRoundTrips(() =>
      api.patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'active', value: false })).expect(200),
    );
    expect(trips).toEqual([
      ['START TRANSACTION', expect.stringMatching(/FROM scim_user u .*FOR NO KEY UPDATE OF u$/s)],
      [
        expect.stringMatching(/^UPDATE scim_user /),
        expect.stringMatching(/UPDATE seat AS s SET status = 'released'.*rollcall_give_back_seat\(\$1\)/s),
      ],
      [expect.stringMatching(COMMITTING)],
    ]);
    const seats = await admin(t).get(`/admin/tenants/${tenant.id}/seats`).expect(200);
    expect(seats.body.used).toBe(0);
    expect((await feed(t, tenant)).map((e) => e.type).slice(2)).toEqual([
      'user.deactivated',
      'seat.released',
    ]);
  });

  it('renames in three round trips and creates an inactive user in two: COMMIT waits for what was sent ahead', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    let id = '';
    const created = await writeRoundTrips(async () => {
      const body = { schemas: [USER], userName: 'inactive@acme.com', active: false };
      id = (await api.post('/Users', body).expect(201)).body.id;
    });
    expect(created).toEqual([
      ['START TRANSACTION', expect.stringMatching(/^INSERT INTO scim_user /)],
      [expect.stringMatching(COMMITTING)],
    ]);
    const renamed = await writeRoundTrips(() =>
      api
        .patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Renamed' }))
        .expect(200),
    );
    expect(renamed).toEqual([
      ['START TRANSACTION', expect.stringMatching(/FROM scim_user u .*FOR NO KEY UPDATE OF u$/s)],
      [expect.stringMatching(/^UPDATE scim_user /)],
      [expect.stringMatching(COMMITTING)],
    ]);
  });

  it("fails a create whose user statement, sent ahead, fails with that statement's error, and keeps nothing of it", async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    await api.post('/Users', { schemas: [USER], userName: 'taken@acme.com' }).expect(201);
    const trips = await writeRoundTrips(async () => {
      const res = await api.post('/Users', { schemas: [USER], userName: 'TAKEN@acme.com' }).expect(409);
      expect(res.body.scimType).toBe('uniqueness');
      expect(res.body.detail).toMatch(/userName/);
    });
    // The seat statement travelled with the insert and failed because the insert had; then ROLLBACK.
    expect(trips).toEqual([
      [
        'START TRANSACTION',
        expect.stringMatching(/^INSERT INTO scim_user /),
        expect.stringMatching(/INSERT INTO seat/),
      ],
      ['ROLLBACK'],
    ]);
    const seats = await admin(t).get(`/admin/tenants/${tenant.id}/seats`).expect(200);
    expect(seats.body.used).toBe(1);
    expect((await feed(t, tenant)).map((e) => e.type)).toEqual(['user.created', 'seat.assigned']);
    const list = await api.get('/Users').expect(200);
    expect(list.body.totalResults).toBe(1);
  });

  it('fails a PATCH whose update, sent ahead, fails: the seat it would give back stays held', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    await api.post('/Users', { schemas: [USER], userName: 'first@acme.com' }).expect(201);
    const { id } = (await api.post('/Users', { schemas: [USER], userName: 'second@acme.com' }).expect(201))
      .body as { id: string };
    const res = await api
      .patch(
        `/Users/${id}`,
        patchOp(
          { op: 'replace', path: 'userName', value: 'first@acme.com' },
          { op: 'replace', path: 'active', value: false },
        ),
      )
      .expect(409);
    expect(res.body.scimType).toBe('uniqueness');
    const seats = await admin(t).get(`/admin/tenants/${tenant.id}/seats`).expect(200);
    expect(seats.body.used).toBe(2);
    const user = (await api.get(`/Users/${id}`).expect(200)).body as {
      userName: string;
      active: boolean;
      meta: { version: string };
    };
    expect([user.userName, user.active, user.meta.version]).toEqual(['second@acme.com', true, 'W/"1"']);
    expect((await feed(t, tenant)).map((e) => e.type)).toHaveLength(4);
  });

  it('stores an event whose text needs escaping exactly as sent', async () => {
    const tenant = await createTenant(t);
    const displayName = `O'Brien \\ "Quoted" $$ ; COMMIT; 名前 \u2028`;
    await scim(t, tenant)
      .post('/Users', { schemas: [USER], userName: 'obrien@acme.com', displayName })
      .expect(201);
    const res = await admin(t).get(`/admin/tenants/${tenant.id}/events?limit=1`).expect(200);
    expect(res.body.items[0].data.resource.displayName).toBe(displayName);
  });

  itOnServer(
    'answers a committed write when its numbering cannot take the lock, and the sweep numbers it later',
    async () => {
      const tenant = await createTenant(t);
      const holder = new Client({ connectionString: process.env.DATABASE_URL });
      await holder.connect();
      try {
        // Another run holds the tenant's numbering lock longer than a write waits for it (a second).
        await holder.query(`SELECT pg_advisory_lock(hashtextextended('event-sequencer:' || $1, 0))`, [
          tenant.id,
        ]);
        const started = Date.now();
        await scim(t, tenant)
          .post('/Users', { schemas: [USER], userName: 'late@acme.com' })
          .expect(201);
        expect(Date.now() - started).toBeGreaterThanOrEqual(900);
        const stored = await t.db.query(`SELECT seq FROM event WHERE tenant_id = $1`, [tenant.id]);
        expect(stored).toEqual([{ seq: null }, { seq: null }]);
        expect(await feed(t, tenant)).toEqual([]);
        // The database's warning reaches the app's log.
        const warning = logs.lines.find(
          (l) =>
            l.level === 40 &&
            String(l.msg).includes(`events of tenant ${tenant.id} committed but not numbered yet`),
        );
        expect(String(warning?.msg)).toContain('lock timeout');
      } finally {
        await holder.end();
      }
      expect(await t.app.get(EventSequencer).sweep()).toBeGreaterThanOrEqual(2);
      expect((await feed(t, tenant)).map((e) => e.type)).toEqual(['user.created', 'seat.assigned']);
    },
  );
});
