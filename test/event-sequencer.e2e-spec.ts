import { DeliveryWorker } from '../src/events/delivery-worker';
import { EventSequencer } from '../src/events/event-sequencer';
import { EventsRepository } from '../src/events/events.repository';
import { EventSequencer1765100000000 } from '../src/database/migrations/1765100000000-event-sequencer';
import { DropTenantCounter1765300000000 } from '../src/database/migrations/1765300000000-drop-tenant-counter';
import { admin, createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';
import { WebhookReceiver } from './helpers/webhook-receiver';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/**
 * Several instances need a PostgreSQL server: the embedded database runs one session, which
 * connections from two applications would share (and interleave statements in).
 */
const onServer = process.env.ROLLCALL_TEST_DATABASE !== 'embedded';
const itOnServer = onServer ? it : it.skip;
/** Schema changes run on the embedded database only: on a server they would hold the other test files. */
const itEmbedded = onServer ? it.skip : it;

interface FeedEvent {
  id: string;
  type: string;
  sequence: string;
  data: { id?: string; resource?: { id: string; displayName?: string; meta: { version: string } } };
}

async function feedPage(t: TestApp, tenant: TestTenant, after: string) {
  const res = await admin(t).get(`/admin/tenants/${tenant.id}/events?after=${after}&limit=1000`).expect(200);
  return res.body as { items: FeedEvent[]; cursor: string };
}

/** Every event of the tenant's feed, page after page from its start. */
async function wholeFeed(t: TestApp, tenant: TestTenant): Promise<FeedEvent[]> {
  const all: FeedEvent[] = [];
  let cursor = '0';
  for (;;) {
    const page = await feedPage(t, tenant, cursor);
    if (page.items.length === 0) return all;
    all.push(...page.items);
    cursor = page.cursor;
  }
}

/** Stores an event the way a write does, without the numbering that follows its commit. */
const storeUnnumbered = (t: TestApp, tenant: TestTenant, id: string) =>
  t.app
    .get(EventsRepository)
    .append(t.db.manager, tenant.id, [{ type: 'user.deleted', data: { id } }], new Date());

const versionOf = (e: FeedEvent) => Number(/\d+/.exec(e.data.resource?.meta.version ?? '')?.[0]);

describe('Event numbering after commit', () => {
  itOnServer(
    'numbers every acknowledged write once, gap-free and in commit order, with 32 writers on 2 instances',
    async () => {
      const apps = [await createTestApp(), await createTestApp()];
      try {
        const tenant = await createTenant(apps[0]);
        const api = apps.map((t) => scim(t, tenant));
        const shared = await api[0]
          .post('/Users', { schemas: [USER], userName: 'shared@acme.com', active: false })
          .expect(201);
        const sharedId = shared.body.id as string;

        // A consumer polls the feed while the writes go on, resuming from its cursor each time.
        let writing = true;
        const consumed: FeedEvent[] = [];
        const consumer = (async () => {
          let cursor = '0';
          for (;;) {
            const page = await feedPage(apps[1], tenant, cursor);
            consumed.push(...page.items);
            cursor = page.cursor;
            if (page.items.length === 0) {
              if (!writing) return;
              await new Promise((r) => setTimeout(r, 5));
            }
          }
        })();

        // Each writer creates a user and renames it 3 times, and renames the shared user once, each
        // request on the instance of its turn.
        const writers = Array.from({ length: 32 }, async (_, w) => {
          const on = (n: number) => api[(w + n) % 2];
          const created = await on(0)
            .post('/Users', {
              schemas: [USER],
              userName: `writer${w}@acme.com`,
              displayName: 'step 0',
              active: false,
            })
            .expect(201);
          const id = created.body.id as string;
          for (let step = 1; step <= 3; step += 1) {
            await on(step)
              .patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'displayName', value: `step ${step}` }))
              .expect(200);
          }
          await on(4)
            .patch(
              `/Users/${sharedId}`,
              patchOp({ op: 'replace', path: 'displayName', value: `writer ${w}` }),
            )
            .expect(200);
          return id;
        });
        const ids = await Promise.all(writers);
        writing = false;
        await consumer;

        const events = await wholeFeed(apps[0], tenant);
        // 1 shared create, then per writer: a create, 3 updates and its update of the shared user.
        expect(events).toHaveLength(1 + 32 * 5);
        expect(events.map((e) => Number(e.sequence))).toEqual(events.map((_, i) => i + 1));
        expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
        for (const id of ids) {
          const own = events.filter((e) => e.data.resource?.id === id);
          expect(own.map((e) => [e.type, e.data.resource?.displayName])).toEqual([
            ['user.created', 'step 0'],
            ['user.updated', 'step 1'],
            ['user.updated', 'step 2'],
            ['user.updated', 'step 3'],
          ]);
          expect(own.map(versionOf)).toEqual([...own.map(versionOf)].sort((a, b) => a - b));
        }
        // Concurrent writes to one resource: its versions (commit order) increase with the sequence.
        const sharedVersions = events.filter((e) => e.data.resource?.id === sharedId).map(versionOf);
        expect(sharedVersions).toHaveLength(33);
        expect(new Set(sharedVersions).size).toBe(33);
        expect(sharedVersions).toEqual([...sharedVersions].sort((a, b) => a - b));

        // The consumer saw each event once, in order, and all of them.
        expect(consumed.map((e) => e.id)).toEqual(events.map((e) => e.id));
        const rows = await apps[0].db.query(
          `SELECT count(*)::int AS n FROM event WHERE tenant_id = $1 AND seq IS NULL`,
          [tenant.id],
        );
        expect(rows).toEqual([{ n: 0 }]);
      } finally {
        await Promise.all(apps.map((t) => t.close()));
      }
    },
    120_000,
  );

  describe('events committed but not numbered (a process stopped after its commit): the sweep', () => {
    let t: TestApp;
    let receiver: WebhookReceiver;
    let url: string;
    beforeAll(async () => {
      // The sweep every 50 ms, where the other tests leave it to run when asked.
      t = await createTestApp({ env: { EVENT_SWEEP_MS: '50' } });
      receiver = new WebhookReceiver();
      url = await receiver.start();
    });
    afterAll(async () => {
      await receiver.stop();
      await t.close();
    });

    async function until<T>(
      read: () => Promise<T>,
      done: (value: T) => boolean,
      timeoutMs: number,
    ): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await read();
        if (done(value) || Date.now() > deadline) return value;
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    it('leaves them out of the feed until the sweep numbers them, then delivers them', async () => {
      const tenant = await createTenant(t);
      await admin(t).post(`/admin/tenants/${tenant.id}/webhooks`, { url, description: 'sweep' }).expect(201);
      const created = await scim(t, tenant)
        .post('/Users', { schemas: [USER], userName: 'swept@acme.com', active: false })
        .expect(201);
      const sweep = jest.spyOn(t.app.get(EventSequencer), 'sweep');
      const ghost = '6f1c1f4e-2d7a-4c3b-9a55-0f3e8f0b1c2d';
      try {
        // Stored between two sweeps: numbered by the next one, never shown unnumbered.
        await until(
          async () => sweep.mock.calls.length,
          (n) => n > 0,
          5000,
        );
        await storeUnnumbered(t, tenant, ghost);
        const before = sweep.mock.calls.length;
        const page = await until(
          () => feedPage(t, tenant, '1'),
          (p) => p.items.length > 0,
          5000,
        );
        expect(sweep.mock.calls.length).toBeGreaterThan(before);
        expect(page.items).toEqual([
          expect.objectContaining({ sequence: '2', type: 'user.deleted', data: { id: ghost } }),
        ]);
      } finally {
        sweep.mockRestore();
      }
      await t.app.get(DeliveryWorker).runOnce(tenant.id);
      expect(receiver.delivered.flatMap((p) => p.events).map((e) => [e.sequence, e.type])).toEqual([
        ['1', 'user.created'],
        ['2', 'user.deleted'],
      ]);
      expect((await wholeFeed(t, tenant)).map((e) => e.data.resource?.id ?? e.data.id)).toEqual([
        created.body.id,
        ghost,
      ]);
    });
  });

  describe('events committed but not numbered: the next write', () => {
    it('numbers them with the next write of the tenant, ahead of its own events', async () => {
      // The test environment's sweep runs every 10 minutes: here the write alone numbers what was left.
      const t = await createTestApp();
      const tenant = await createTenant(t);
      const ghost = '0b7e0c55-5b0e-4d55-8f5a-3f4e6b7a8c9d';
      try {
        await storeUnnumbered(t, tenant, ghost);
        expect((await feedPage(t, tenant, '0')).items).toEqual([]);
        await scim(t, tenant)
          .post('/Users', { schemas: [USER], userName: 'next@acme.com', active: false })
          .expect(201);
        const events = (await feedPage(t, tenant, '0')).items;
        expect(events.map((e) => [e.sequence, e.type])).toEqual([
          ['1', 'user.deleted'],
          ['2', 'user.created'],
        ]);
        expect(events[0].data).toEqual({ id: ghost });
      } finally {
        await t.close();
      }
    });
  });

  itEmbedded(
    'numbers what is left unnumbered, for every tenant, when the migration is reverted',
    async () => {
      const t = await createTestApp();
      try {
        const tenants = [await createTenant(t), await createTenant(t)];
        for (const tenant of tenants) {
          await scim(t, tenant)
            .post('/Users', { schemas: [USER], userName: 'numbered@acme.com' })
            .expect(201);
        }
        await admin(t)
          .post(`/admin/tenants/${tenants[1].id}/webhooks`, { url: 'http://127.0.0.1:9/rollcall' })
          .expect(201);
        for (const tenant of tenants) {
          await storeUnnumbered(t, tenant, '00000000-0000-4000-8000-000000000001');
          await storeUnnumbered(t, tenant, '00000000-0000-4000-8000-000000000002');
        }
        const runner = t.db.createQueryRunner();
        await runner.connect();
        await runner.startTransaction();
        try {
          // The counter row, dropped by a later migration, comes back first.
          await new DropTenantCounter1765300000000().down(runner);
          await new EventSequencer1765100000000().down(runner);
          for (const [i, tenant] of tenants.entries()) {
            const events = await runner.query(
              `SELECT e.seq::int AS seq, e.data ->> 'id' AS id,
                    (SELECT count(*)::int FROM webhook_delivery d WHERE d.tenant_id = e.tenant_id AND d.event_id = e.id) AS deliveries
               FROM event e WHERE e.tenant_id = $1 ORDER BY e.seq`,
              [tenant.id],
            );
            const stored = events.slice(-2);
            expect(stored.map((e: { id: string }) => e.id)).toEqual([
              '00000000-0000-4000-8000-000000000001',
              '00000000-0000-4000-8000-000000000002',
            ]);
            expect(events.map((e: { seq: number }) => e.seq)).toEqual(
              events.map((_: unknown, n: number) => n + 1),
            );
            // Only the second tenant has an endpoint: its two events are queued for it.
            expect(stored.map((e: { deliveries: number }) => e.deliveries)).toEqual(
              i === 1 ? [1, 1] : [0, 0],
            );
            const [counter] = await runner.query(
              `SELECT event_seq::int AS seq FROM tenant_counter WHERE tenant_id = $1`,
              [tenant.id],
            );
            expect(counter.seq).toBe(events.length);
          }
        } finally {
          await runner.rollbackTransaction();
          await runner.release();
        }
      } finally {
        await t.close();
      }
    },
  );
});
