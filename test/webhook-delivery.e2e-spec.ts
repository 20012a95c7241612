import { Webhook } from 'standardwebhooks';
import { DeliveryWorker } from '../src/events/delivery-worker';
import { admin, createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';
import { drain, ReceivedPost, WebhookReceiver } from './helpers/webhook-receiver';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Several instances need a PostgreSQL server: the embedded database runs one session, which
 * connections from two applications would share (and interleave statements in).
 */
const onServer = process.env.ROLLCALL_TEST_DATABASE !== 'embedded';
const itOnServer = onServer ? it : it.skip;

const sequences = (posts: ReceivedPost[]) => posts.flatMap((p) => p.events.map((e) => Number(e.sequence)));

describe('Webhook delivery', () => {
  let t: TestApp;
  let worker: DeliveryWorker;
  let receiver: WebhookReceiver;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    worker = t.app.get(DeliveryWorker);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    receiver = new WebhookReceiver();
    url = await receiver.start();
  });
  afterEach(() => receiver.stop());

  async function users(tenant: TestTenant, count: number, prefix: string, active = false): Promise<void> {
    const api = scim(t, tenant);
    for (let i = 0; i < count; i += 1) {
      await api.post('/Users', { schemas: [USER], userName: `${prefix}${i}@acme.com`, active }).expect(201);
    }
  }

  async function endpoint(tenant: TestTenant, body: Record<string, unknown> = {}) {
    const created = await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks`, { url, ...body })
      .expect(201);
    return created.body as { id: string; secret: string };
  }

  const hook = (tenant: TestTenant, id: string) =>
    admin(t)
      .get(`/admin/tenants/${tenant.id}/webhooks/${id}`)
      .expect(200)
      .then((r) => r.body as Record<string, unknown>);

  it('holds back what waits behind a failing receiver, shows it, then delivers it in order', async () => {
    const tenant = await createTenant(t);
    const { id } = await endpoint(tenant);
    receiver.statuses.push(500, 503, 500);
    await users(tenant, 4, 'wait');
    expect(await hook(tenant, id)).toMatchObject({ state: 'active', pending: 4, lastError: null });

    expect(await worker.runOnce(tenant.id)).toBe(1);
    const failing = await hook(tenant, id);
    expect(failing).toMatchObject({
      state: 'failing',
      pending: 4,
      consecutiveFailures: 1,
      oldestPendingAt: expect.any(String),
      nextAttemptAt: expect.any(String),
      failingSince: expect.any(String),
      lastError: { at: expect.any(String), statusCode: 500, error: 'receiver answered 500' },
    });
    expect(await worker.runOnce(tenant.id)).toBe(1);
    expect(await worker.runOnce(tenant.id)).toBe(1);
    expect(receiver.delivered).toHaveLength(0);
    await users(tenant, 2, 'more');
    expect(await hook(tenant, id)).toMatchObject({ state: 'failing', pending: 6, consecutiveFailures: 3 });

    await drain(worker, tenant.id);
    const healed = await hook(tenant, id);
    expect(healed).toMatchObject({
      state: 'active',
      pending: 0,
      consecutiveFailures: 0,
      oldestPendingAt: null,
      nextAttemptAt: null,
      failingSince: null,
      lastError: { statusCode: 500, error: 'receiver answered 500' },
    });
    expect(sequences(receiver.delivered)).toEqual([1, 2, 3, 4, 5, 6]);
    // The head was tried 4 times as one message: one webhook-id, so a receiver can deduplicate.
    const head = receiver.posts.filter((p) => p.events[0].sequence === '1');
    expect(head.map((p) => p.status)).toEqual([500, 503, 500, 200]);
    expect(new Set(head.map((p) => p.headers['webhook-id'])).size).toBe(1);
    expect(receiver.posts).toHaveLength(9);
  });

  it('sends batches of {"events":[…]} in sequence order and retries a batch as a whole', async () => {
    const tenant = await createTenant(t);
    const { id, secret } = await endpoint(tenant, { maxBatchSize: 10 });
    await users(tenant, 23, 'batch');
    receiver.statuses.push(503);
    expect(await worker.runOnce(tenant.id)).toBe(1);
    await drain(worker, tenant.id);

    expect(receiver.posts.map((p) => [p.status, p.events.length])).toEqual([
      [503, 10],
      [200, 10],
      [200, 10],
      [200, 3],
    ]);
    const [failed, retried] = receiver.posts;
    expect(retried.headers['webhook-id']).toBe(failed.headers['webhook-id']);
    expect(retried.events.map((e) => e.id)).toEqual(failed.events.map((e) => e.id));
    expect(sequences(receiver.delivered)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(new Set(receiver.delivered.map((p) => p.headers['webhook-id'])).size).toBe(3);
    for (const post of receiver.delivered) {
      const verified = new Webhook(secret).verify(post.body, post.headers as Record<string, string>);
      expect(verified).toEqual({ events: post.events });
    }
    const log = await admin(t)
      .get(`/admin/tenants/${tenant.id}/webhooks/${id}/deliveries?limit=23`)
      .expect(200);
    const byWebhookId = new Map<string, number>();
    for (const d of log.body.items as Array<{ webhookId: string; status: string }>) {
      expect(d.status).toBe('delivered');
      byWebhookId.set(d.webhookId, (byWebhookId.get(d.webhookId) ?? 0) + 1);
    }
    expect([...byWebhookId.values()].sort((a, b) => a - b)).toEqual([3, 10, 10]);
    expect(log.body.items).toContainEqual(
      expect.objectContaining({
        webhookId: failed.headers['webhook-id'],
        attempts: [
          expect.objectContaining({ attempt: 1, statusCode: 503 }),
          expect.objectContaining({ attempt: 2, statusCode: 200 }),
        ],
      }),
    );
  });

  it('changes the batch size of an endpoint, and refuses one out of range', async () => {
    const tenant = await createTenant(t);
    const { id } = await endpoint(tenant);
    for (const maxBatchSize of [0, 101, 2.5, '10']) {
      await admin(t).patch(`/admin/tenants/${tenant.id}/webhooks/${id}`, { maxBatchSize }).expect(400);
      await admin(t).post(`/admin/tenants/${tenant.id}/webhooks`, { url, maxBatchSize }).expect(400);
    }
    const changed = await admin(t)
      .patch(`/admin/tenants/${tenant.id}/webhooks/${id}`, { maxBatchSize: 100, description: 'batched' })
      .expect(200);
    expect(changed.body).toMatchObject({ id, maxBatchSize: 100, description: 'batched', eventTypes: [] });
    await users(tenant, 3, 'resize');
    await drain(worker, tenant.id);
    expect(receiver.posts.map((p) => p.events.length)).toEqual([3]);
    expect(JSON.parse(receiver.posts[0].body)).toHaveProperty('events');
    const listed = await admin(t).get(`/admin/tenants/${tenant.id}/webhooks`).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id, maxBatchSize: 100, pending: 0 })]);
  });

  it('disables an endpoint after the retry window, keeps its deliveries, and resumes it', async () => {
    const tenant = await createTenant(t);
    const { id } = await endpoint(tenant);
    receiver.statuses.push(500, 500);
    await users(tenant, 1, 'window');
    expect(await worker.runOnce(tenant.id)).toBe(1);
    // It has been failing for longer than the retry window (24 hours by default).
    await t.db.query(
      `UPDATE webhook_endpoint SET failing_since = now() - interval '25 hours' WHERE tenant_id = $1 AND id = $2`,
      [tenant.id, id],
    );
    expect(await worker.runOnce(tenant.id)).toBe(1);
    const disabled = await hook(tenant, id);
    expect(disabled).toMatchObject({ state: 'disabled', pending: 1, disabledAt: expect.any(String) });
    await users(tenant, 2, 'queued');
    expect(await worker.runOnce(tenant.id)).toBe(0);
    expect(await hook(tenant, id)).toMatchObject({ state: 'disabled', pending: 3 });

    const resumed = await admin(t).post(`/admin/tenants/${tenant.id}/webhooks/${id}/resume`).expect(200);
    expect(resumed.body).toMatchObject({
      state: 'active',
      pending: 3,
      consecutiveFailures: 0,
      disabledAt: null,
      failingSince: null,
    });
    expect(new Date(resumed.body.nextAttemptAt as string).getTime()).toBeLessThanOrEqual(Date.now());
    await drain(worker, tenant.id);
    expect(sequences(receiver.delivered)).toEqual([1, 2, 3]);
    expect(await hook(tenant, id)).toMatchObject({ state: 'active', pending: 0 });
    await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks/00000000-0000-4000-8000-000000000000/resume`)
      .expect(404);
  });

  it('replays the feed from a sequence, as new deliveries in order', async () => {
    const tenant = await createTenant(t);
    const { id } = await endpoint(tenant, { eventTypes: ['user.created'] });
    await users(tenant, 2, 'replay', true); // user.created and seat.assigned each
    await drain(worker, tenant.id);
    expect(sequences(receiver.delivered)).toEqual([1, 3]);

    const replayed = await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks/${id}/replay?fromSequence=2`)
      .expect(200);
    expect(replayed.body).toEqual({ queued: 1, fromSequence: '2' });
    const all = await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks/${id}/replay?fromSequence=1`)
      .expect(200);
    expect(all.body).toEqual({ queued: 1, fromSequence: '1' }); // 3 is already waiting
    await drain(worker, tenant.id);
    expect(sequences(receiver.delivered)).toEqual([1, 3, 1, 3]);
    const ids = receiver.delivered.map((p) => p.headers['webhook-id']);
    expect(new Set(ids).size).toBe(4);

    for (const bad of ['', 'abc', '-1', '0', '1.5']) {
      await admin(t)
        .post(`/admin/tenants/${tenant.id}/webhooks/${id}/replay?fromSequence=${bad}`)
        .expect(400);
    }
    await admin(t).post(`/admin/tenants/${tenant.id}/webhooks/${id}/replay`).expect(400);
    await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks/00000000-0000-4000-8000-000000000000/replay?fromSequence=1`)
      .expect(404);
  });

  it('keeps serving other endpoints while one drains slowly', async () => {
    const slowReceiver = new WebhookReceiver();
    const slowUrl = await slowReceiver.start();
    const background = await createTestApp({ config: { webhookPollMs: 20, webhookConcurrency: 4 } });
    try {
      const tenant = await createTenant(t);
      const slow = await admin(t).post(`/admin/tenants/${tenant.id}/webhooks`, { url: slowUrl }).expect(201);
      slowReceiver.delayMs = 300;
      await users(tenant, 10, 'slow');
      background.app.get(DeliveryWorker).start(tenant.id);
      await until(() => slowReceiver.posts.length > 0, 5000);
      // A second endpoint, and an event for both, while the first is being drained.
      await endpoint(tenant, { eventTypes: ['user.deleted'] });
      const [first] = (await scim(t, tenant).get('/Users?count=1').expect(200)).body.Resources as Array<{
        id: string;
      }>;
      await scim(t, tenant).delete(`/Users/${first.id}`).expect(204);
      await until(() => receiver.delivered.length === 1, 5000);
      expect(receiver.delivered[0].events.map((e) => e.type)).toEqual(['user.deleted']);
      const behind = await hook(tenant, slow.body.id as string);
      expect(behind.pending as number).toBeGreaterThan(0);
    } finally {
      await background.close();
      await slowReceiver.stop();
    }
  });

  it('deletes a tenant with its endpoints, their deliveries and its events', async () => {
    const tenant = await createTenant(t);
    await endpoint(tenant);
    await users(tenant, 2, 'gone');
    receiver.statuses.push(500);
    expect(await worker.runOnce(tenant.id)).toBe(1);
    await admin(t).delete(`/admin/tenants/${tenant.id}`).expect(204);
    for (const table of ['event', 'webhook_endpoint', 'webhook_delivery', 'webhook_attempt']) {
      const [{ count }] = await t.db.query<Array<{ count: number }>>(
        `SELECT count(*)::int AS count FROM ${table} WHERE tenant_id = $1`,
        [tenant.id],
      );
      expect([table, count]).toEqual([table, 0]);
    }
  });

  it('gives up on a slow receiver at the timeout, and retries with the same webhook-id after it', async () => {
    const slow = await createTestApp({ config: { webhookTimeoutMs: 300 } });
    try {
      const tenant = await createTenant(slow);
      await admin(slow).post(`/admin/tenants/${tenant.id}/webhooks`, { url }).expect(201);
      await scim(slow, tenant).post('/Users', { schemas: [USER], userName: 'slow@acme.com', active: false });
      receiver.delayMs = 1000;
      const slowWorker = slow.app.get(DeliveryWorker);
      const first = slowWorker.runOnce(tenant.id);
      await until(() => receiver.posts.length === 1, 5000);
      // While the attempt is in flight the endpoint is leased: another worker finds nothing to do.
      expect(await worker.runOnce(tenant.id)).toBe(0);
      expect(await first).toBe(1);
      receiver.delayMs = 0;
      await drain(slowWorker, tenant.id);

      expect(receiver.posts.map((p) => p.status)).toEqual([200, 200]);
      const [abandoned, retried] = receiver.posts;
      expect(abandoned.abandonedAt).not.toBeNull();
      expect(retried.startedAt).toBeGreaterThanOrEqual(abandoned.abandonedAt as number);
      expect(retried.headers['webhook-id']).toBe(abandoned.headers['webhook-id']);
      expect(receiver.maxInFlightPerEvent).toBe(1);
      const [endpoint] = (await admin(slow).get(`/admin/tenants/${tenant.id}/webhooks`).expect(200)).body
        .items as Array<{
        lastError: { error: string; statusCode: number | null };
      }>;
      expect(endpoint.lastError).toMatchObject({ statusCode: null, error: 'no answer within 300 ms' });
    } finally {
      await slow.close();
    }
  });

  itOnServer(
    'analyzes the queue tables when their statistics lag behind (autovacuum may be busy)',
    async () => {
      const tenant = await createTenant(t);
      const { id } = await endpoint(tenant);
      await t.db.query(`ANALYZE webhook_delivery`);
      const [{ live }] = await t.db.query<Array<{ live: number }>>(
        `SELECT n_live_tup::int AS live FROM pg_stat_user_tables WHERE relname = 'webhook_delivery'`,
      );
      // More than the threshold (1,000, or a tenth of the live rows, these included) on a database of
      // any size: rows > 0.1 * (live + rows) holds for rows > live / 9.
      const rows = Math.max(1000, Math.ceil(live / 8)) + 100;
      await t.db.query(
        `WITH ev AS (
         INSERT INTO event (tenant_id, seq, id, type, occurred_at, data)
         SELECT $1, g, gen_random_uuid(), 'user.deleted', now(), '{}' FROM generate_series(1, $3::int) g
         RETURNING id, seq)
       INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_id, event_seq, next_attempt_at, created_at)
       SELECT $1, gen_random_uuid(), $2, ev.id, ev.seq, now() + interval '1 day', now() FROM ev`,
        [tenant.id, id, rows],
      );
      const changed = async () =>
        (
          await t.db.query<Array<{ n: number }>>(
            `SELECT n_mod_since_analyze::int AS n FROM pg_stat_user_tables WHERE relname = 'webhook_delivery'`,
          )
        )[0].n >= rows;
      await until(changed, 5000);
      const later = Date.now() + 60_000;
      expect(await worker.refreshStatistics(later)).toContain('webhook_delivery');
      expect(await worker.refreshStatistics(later + 1)).toEqual([]); // looked again too soon
      const [{ analyzed }] = await t.db.query<Array<{ analyzed: boolean }>>(
        `SELECT last_analyze > now() - interval '1 minute' AS analyzed FROM pg_stat_user_tables WHERE relname = 'webhook_delivery'`,
      );
      expect(analyzed).toBe(true);
    },
  );

  itOnServer(
    'two instances share 2,000 events: each arrives once, never twice at once, in order per endpoint',
    async () => {
      const background = { webhookPollMs: 20, webhookConcurrency: 4 };
      const writer = t;
      const tenant = await createTenant(writer);
      await admin(writer)
        .post(`/admin/tenants/${tenant.id}/webhooks`, { url: `${url}/one` })
        .expect(201);
      await admin(writer)
        .post(`/admin/tenants/${tenant.id}/webhooks`, { url: `${url}/batched`, maxBatchSize: 25 })
        .expect(201);
      const instances = [
        await createTestApp({ config: background }),
        await createTestApp({ config: background }),
      ];
      // Each instance's worker runs in the background, as WEBHOOK_DELIVERY=true starts it, for this tenant.
      for (const instance of instances) instance.app.get(DeliveryWorker).start(tenant.id);
      try {
        receiver.delayMs = 1;
        const api = scim(writer, tenant);
        for (let i = 0; i < 1000; i += 8) {
          await Promise.all(
            Array.from({ length: 8 }, (_, k) =>
              api
                .post('/Users', { schemas: [USER], userName: `two${i + k}@acme.com`, active: true })
                .expect(201),
            ),
          );
        }
        await until(
          () =>
            receiver.eventsAt('/hooks/one').length >= 2000 &&
            receiver.eventsAt('/hooks/batched').length >= 2000,
          60_000,
        );
        for (const path of ['/hooks/one', '/hooks/batched']) {
          const got = receiver.eventsAt(path).map((e) => Number(e.sequence));
          expect(got).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
        }
        expect(receiver.posts.every((p) => p.status === 200)).toBe(true);
        expect(receiver.maxInFlightPerEvent).toBe(1);
        const webhookIds = receiver.posts.map((p) => p.headers['webhook-id']);
        expect(new Set(webhookIds).size).toBe(webhookIds.length);
        expect(receiver.posts.filter((p) => p.path === '/hooks/batched').length).toBeLessThan(2000);
      } finally {
        await Promise.all(instances.map((i) => i.close()));
      }
    },
    120_000,
  );
});
