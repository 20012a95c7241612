import { DeliveryWorker } from '../src/events/delivery-worker';
import { EventRetention, RETENTION_BATCH } from '../src/events/event-retention';
import { EventsRepository } from '../src/events/events.repository';
import { admin, createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';
import { WebhookReceiver } from './helpers/webhook-receiver';
import { expectAdminError } from './helpers/admin-errors';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

describe('Event retention (EVENT_RETENTION_DAYS)', () => {
  let t: TestApp;
  let retention: EventRetention;
  beforeAll(async () => {
    t = await createTestApp();
    retention = t.app.get(EventRetention);
  });
  afterAll(() => t.close());

  async function users(tenant: TestTenant, count: number, prefix: string): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      await scim(t, tenant)
        .post('/Users', { schemas: [USER], userName: `${prefix}${i}@acme.com`, active: false })
        .expect(201);
    }
  }

  /** Makes a tenant's events up to `seq` 40 days old (the default retention is 30). */
  async function age(tenant: TestTenant, throughSeq: number): Promise<void> {
    await t.db.query(
      `UPDATE event SET occurred_at = now() - interval '40 days' WHERE tenant_id = $1 AND seq <= $2`,
      [tenant.id, throughSeq],
    );
  }

  async function held(tenant: TestTenant): Promise<number[]> {
    const rows: Array<{ seq: string }> = await t.db.query(
      `SELECT seq FROM event WHERE tenant_id = $1 ORDER BY seq`,
      [tenant.id],
    );
    return rows.map((r) => Number(r.seq));
  }

  it('deletes expired events, and answers 410 to a cursor behind what it kept', async () => {
    const tenant = await createTenant(t);
    await users(tenant, 5, 'expire');
    await age(tenant, 3);
    expect(await retention.runOnce()).toBeGreaterThanOrEqual(3);
    expect(await held(tenant)).toEqual([4, 5]);

    for (const after of ['0', '2']) {
      const gone = await admin(t).get(`/admin/tenants/${tenant.id}/events?after=${after}`).expect(410);
      expect(gone.headers['rollcall-oldest-sequence']).toBe('4');
      expect(expectAdminError(gone, 410)).toEqual({
        type: 'about:blank',
        title: 'Gone',
        status: 410,
        detail: `after asks for events from sequence ${Number(after) + 1}, but events before 4 are no longer held (EVENT_RETENTION_DAYS); the oldest sequence held is 4`,
      });
    }
    const resumed = await admin(t).get(`/admin/tenants/${tenant.id}/events?after=3`).expect(200);
    expect(resumed.body.items.map((e: { sequence: string }) => e.sequence)).toEqual(['4', '5']);
    const fromOldest = await admin(t).get(`/admin/tenants/${tenant.id}/events`).expect(200);
    expect(fromOldest.body.items.map((e: { sequence: string }) => e.sequence)).toEqual(['4', '5']);
  });

  it('works in batches of short statements, and keeps the newest event', async () => {
    const tenant = await createTenant(t);
    const count = 2 * RETENTION_BATCH + 500;
    await t.db.query(
      `INSERT INTO event (tenant_id, seq, id, type, occurred_at, data)
       SELECT $1, g, gen_random_uuid(), 'user.deleted', now() - interval '40 days', jsonb_build_object('id', gen_random_uuid())
         FROM generate_series(1, $2::int) AS g`,
      [tenant.id, count],
    );
    const deletes = jest.spyOn(t.app.get(EventsRepository), 'deleteBefore');
    try {
      await retention.runOnce();
      const mine = deletes.mock.calls.filter(([tenantId]) => tenantId === tenant.id);
      expect(mine.map(([, , , limit]) => limit)).toEqual([
        RETENTION_BATCH,
        RETENTION_BATCH,
        RETENTION_BATCH,
        RETENTION_BATCH,
      ]);
    } finally {
      deletes.mockRestore();
    }
    expect(await held(tenant)).toEqual([count]);
    await admin(t).get(`/admin/tenants/${tenant.id}/events?after=0`).expect(410);
    await scim(t, tenant)
      .post('/Users', { schemas: [USER], userName: 'after-prune@acme.com', active: false })
      .expect(201);
    const page = await admin(t).get(`/admin/tenants/${tenant.id}/events?after=${count}`).expect(200);
    expect(page.body.items.map((e: { sequence: string; type: string }) => [e.sequence, e.type])).toEqual([
      [String(count + 1), 'user.created'],
    ]);
  });

  it('never deletes an event a pending delivery still needs, nor any after it', async () => {
    const receiver = new WebhookReceiver();
    const url = await receiver.start();
    try {
      const tenant = await createTenant(t);
      const hook = await admin(t).post(`/admin/tenants/${tenant.id}/webhooks`, { url }).expect(201);
      const worker = t.app.get(DeliveryWorker);
      await users(tenant, 2, 'sent');
      expect(await worker.runOnce(tenant.id)).toBe(2);
      receiver.statuses.push(500);
      await users(tenant, 3, 'stuck');
      expect(await worker.runOnce(tenant.id)).toBe(1); // event 3 failed: 3, 4 and 5 wait
      await age(tenant, 5);

      await retention.runOnce();
      expect(await held(tenant)).toEqual([3, 4, 5]);
      const log = await admin(t)
        .get(`/admin/tenants/${tenant.id}/webhooks/${hook.body.id}/deliveries`)
        .expect(200);
      expect(log.body.items.map((d: { sequence: string; status: string }) => [d.sequence, d.status])).toEqual(
        [
          ['5', 'pending'],
          ['4', 'pending'],
          ['3', 'pending'],
        ],
      );
      const gone = await admin(t)
        .post(`/admin/tenants/${tenant.id}/webhooks/${hook.body.id}/replay?fromSequence=2`)
        .expect(410);
      expect(gone.headers['rollcall-oldest-sequence']).toBe('3');
      expect(gone.body.detail).toContain('the oldest sequence held is 3');
      await admin(t)
        .post(`/admin/tenants/${tenant.id}/webhooks/${hook.body.id}/replay?fromSequence=3`)
        .expect(200, { queued: 0, fromSequence: '3' });
      // Not even a delete by hand takes it: the delivery's foreign key holds the event.
      await expect(
        t.db.query(`DELETE FROM event WHERE tenant_id = $1 AND seq = 3`, [tenant.id]),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23503' }) });

      while ((await worker.runOnce(tenant.id)) > 0);
      expect(receiver.eventsAt('/hooks').map((e) => e.sequence)).toEqual(['1', '2', '3', '4', '5']);
      await retention.runOnce();
      expect(await held(tenant)).toEqual([5]);
    } finally {
      await receiver.stop();
    }
  });

  it('keeps every event with EVENT_RETENTION_DAYS=0', async () => {
    const forever = await createTestApp({ config: { eventRetentionDays: 0 } });
    try {
      const tenant = await createTenant(forever);
      await users(tenant, 2, 'forever');
      await age(tenant, 2);
      expect(await forever.app.get(EventRetention).runOnce()).toBe(0);
      expect(await held(tenant)).toEqual([1, 2]);
    } finally {
      await forever.close();
    }
  });
});
