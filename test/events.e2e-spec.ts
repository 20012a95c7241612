import { DeliveryWorker } from '../src/events/delivery-worker';
import { admin, createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';
import { drain, verifies, WebhookReceiver } from './helpers/webhook-receiver';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

describe('Provisioning events and webhooks', () => {
  let t: TestApp;
  let worker: DeliveryWorker;
  beforeAll(async () => {
    t = await createTestApp();
    worker = t.app.get(DeliveryWorker);
  });
  afterAll(() => t.close());

  async function feed(tenant: TestTenant, after = '0', limit = 1000) {
    const res = await admin(t)
      .get(`/admin/tenants/${tenant.id}/events?after=${after}&limit=${limit}`)
      .expect(200);
    return res.body as {
      items: Array<{
        id: string;
        type: string;
        sequence: string;
        tenantId: string;
        data: Record<string, unknown>;
      }>;
      cursor: string;
    };
  }

  async function typesAfter(tenant: TestTenant, cursor: string): Promise<[string[], string]> {
    const page = await feed(tenant, cursor);
    return [page.items.map((e) => e.type), page.cursor];
  }

  it('records exactly the events of each SCIM change, in order, numbered per tenant', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    let cursor = '0';
    let types: string[];

    const user = await api
      .post('/Users', { schemas: [USER], userName: 'ev@acme.com', displayName: 'Ev', active: true })
      .expect(201);
    const id = user.body.id as string;
    [types, cursor] = await typesAfter(tenant, cursor);
    expect(types).toEqual(['user.created', 'seat.assigned']);

    await api
      .patch(`/Users/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Eve' }))
      .expect(200);
    const updated = await feed(tenant, cursor);
    expect(updated.items).toEqual([
      expect.objectContaining({
        type: 'user.updated',
        tenantId: tenant.id,
        data: { resource: expect.objectContaining({ id, displayName: 'Eve' }), changed: ['displayName'] },
      }),
    ]);
    cursor = updated.cursor;

    await api.patch(`/Users/${id}`, patchOp({ op: 'replace', value: { active: false } })).expect(200);
    [types, cursor] = await typesAfter(tenant, cursor);
    expect(types).toEqual(['user.deactivated', 'seat.released']);
    await api.patch(`/Users/${id}`, patchOp({ op: 'replace', value: { active: true } })).expect(200);
    [types, cursor] = await typesAfter(tenant, cursor);
    expect(types).toEqual(['user.reactivated', 'seat.assigned']);
    await api
      .put(`/Users/${id}`, { schemas: [USER], userName: 'ev@acme.com', displayName: 'Eve', title: 'CTO' })
      .expect(200);
    const put = await feed(tenant, cursor);
    expect(put.items.map((e) => [e.type, e.data.changed])).toEqual([['user.updated', ['title']]]);
    cursor = put.cursor;

    const group = await api
      .post('/Groups', { schemas: [GROUP], displayName: 'Events', members: [{ value: id }] })
      .expect(201);
    const groupId = group.body.id as string;
    const created = await feed(tenant, cursor);
    expect(created.items.map((e) => [e.type, e.data])).toEqual([
      ['group.created', { resource: expect.objectContaining({ id: groupId, displayName: 'Events' }) }],
      ['group.members_added', { group: groupId, members: [{ value: id, type: 'User' }] }],
    ]);
    expect(created.items[0].data.resource).not.toHaveProperty('members');
    cursor = created.cursor;

    await api
      .patch(
        `/Groups/${groupId}`,
        patchOp(
          { op: 'replace', value: { id: groupId, displayName: 'Events 2' } },
          { op: 'remove', path: `members[value eq "${id}"]` },
        ),
      )
      .expect(204);
    const patched = await feed(tenant, cursor);
    expect(patched.items.map((e) => [e.type, e.data.changed ?? e.data.members])).toEqual([
      ['group.updated', ['displayName']],
      ['group.members_removed', [{ value: id, type: 'User' }]],
    ]);
    cursor = patched.cursor;
    // An add that changes nothing records nothing.
    await api
      .patch(`/Groups/${groupId}`, patchOp({ op: 'add', path: 'members', value: [{ value: id }] }))
      .expect(204);
    await api
      .patch(`/Groups/${groupId}`, patchOp({ op: 'add', path: 'members', value: [{ value: id }] }))
      .expect(204);
    [types, cursor] = await typesAfter(tenant, cursor);
    expect(types).toEqual(['group.members_added']);

    await api.delete(`/Users/${id}`).expect(204);
    const deleted = await feed(tenant, cursor);
    expect(deleted.items.map((e) => [e.type, e.data])).toEqual([
      ['seat.released', { userId: id, userName: 'ev@acme.com', status: 'released', quota: null }],
      ['user.deleted', { id }],
      ['group.members_removed', { group: groupId, members: [{ value: id, type: 'User' }] }],
    ]);
    cursor = deleted.cursor;
    await api.delete(`/Groups/${groupId}`).expect(204);
    [types, cursor] = await typesAfter(tenant, cursor);
    expect(types).toEqual(['group.deleted']);

    const all = await feed(tenant);
    expect(all.items.map((e) => e.sequence)).toEqual(all.items.map((_, i) => String(i + 1)));
    expect(new Set(all.items.map((e) => e.id)).size).toBe(all.items.length);
  });

  it('records nothing for a request that fails', async () => {
    const tenant = await createTenant(t, 1);
    const api = scim(t, tenant);
    await api.post('/Users', { schemas: [USER], userName: 'one@acme.com' }).expect(201);
    const { cursor } = await feed(tenant);
    await api.post('/Users', { schemas: [USER], userName: 'ONE@acme.com', active: false }).expect(409);
    await api.post('/Users', { schemas: [USER], userName: 'two@acme.com' }).expect(403);
    const group = await api.post('/Groups', { schemas: [GROUP], displayName: 'G' }).expect(201);
    const afterGroup = (await feed(tenant, cursor)).cursor;
    await api
      .patch(
        `/Groups/${group.body.id}`,
        patchOp(
          { op: 'replace', path: 'displayName', value: 'H' },
          { op: 'add', path: 'members', value: [{ value: '00000000-0000-4000-8000-000000000000' }] },
        ),
      )
      .expect(400);
    const after = await feed(tenant, afterGroup);
    expect(after).toEqual({ items: [], cursor: afterGroup });
  });

  it('lets a consumer resume from its cursor and see every event exactly once', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    for (let i = 0; i < 7; i += 1)
      await api.post('/Users', { schemas: [USER], userName: `r${i}@acme.com`, active: false });
    const seen: string[] = [];
    let cursor = '0';
    for (;;) {
      const page = await feed(tenant, cursor, 3);
      seen.push(...page.items.map((e) => e.sequence));
      if (page.items.length === 0) {
        expect(page.cursor).toBe(cursor);
        break;
      }
      cursor = page.cursor;
    }
    expect(seen).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    await admin(t).get(`/admin/tenants/${tenant.id}/events?after=abc`).expect(400);
  });

  describe('webhooks', () => {
    let receiver: WebhookReceiver;
    let url: string;
    /** The POSTs answered 200, each with the one event it carried. */
    const received = () => receiver.delivered.map((p) => ({ ...p, event: p.events[0] }));
    beforeEach(async () => {
      receiver = new WebhookReceiver();
      url = await receiver.start();
    });
    afterEach(() => receiver.stop());

    it('signs each delivery, retries failures, and delivers on the third attempt after two 500s', async () => {
      const tenant = await createTenant(t);
      const created = await admin(t)
        .post(`/admin/tenants/${tenant.id}/webhooks`, { url, description: 'product' })
        .expect(201);
      expect(created.body).toMatchObject({
        url,
        eventTypes: [],
        state: 'active',
        secret: expect.stringMatching(/^whsec_/),
      });
      const listed = await admin(t).get(`/admin/tenants/${tenant.id}/webhooks`).expect(200);
      expect(listed.body).toEqual({
        items: [expect.not.objectContaining({ secret: expect.anything() })],
        nextCursor: null,
      });

      receiver.statuses.push(500, 500);
      await scim(t, tenant)
        .post('/Users', { schemas: [USER], userName: 'hook@acme.com', active: false })
        .expect(201);
      expect(await worker.runOnce(tenant.id)).toBe(1);
      expect(await worker.runOnce(tenant.id)).toBe(1);
      expect(received()).toHaveLength(0);
      expect(await worker.runOnce(tenant.id)).toBe(1);
      expect(await worker.runOnce(tenant.id)).toBe(0);

      expect(received()).toHaveLength(1);
      const [delivery] = received();
      const [event] = (await feed(tenant)).items;
      expect(JSON.parse(delivery.body)).toEqual(event);
      expect(verifies(created.body.secret, delivery)).toBe(true);
      expect(verifies(created.body.secret, { ...delivery, body: delivery.body + ' ' })).toBe(false);
      expect(verifies('whsec_d3Jvbmcgc2VjcmV0', delivery)).toBe(false);

      const log = await admin(t)
        .get(`/admin/tenants/${tenant.id}/webhooks/${created.body.id}/deliveries`)
        .expect(200);
      expect(log.body.items).toEqual([
        expect.objectContaining({
          webhookId: delivery.headers['webhook-id'],
          eventId: event.id,
          eventType: 'user.created',
          status: 'delivered',
          attempts: [
            expect.objectContaining({ attempt: 1, statusCode: 500, error: 'receiver answered 500' }),
            expect.objectContaining({ attempt: 2, statusCode: 500 }),
            expect.objectContaining({
              attempt: 3,
              statusCode: 200,
              error: null,
              latencyMs: expect.any(Number),
            }),
          ],
        }),
      ]);
    });

    it('keeps per-endpoint order, filters by event type, and marks a failing endpoint', async () => {
      const tenant = await createTenant(t);
      const api = scim(t, tenant);
      await admin(t).post(`/admin/tenants/${tenant.id}/webhooks`, { url }).expect(201);
      const deletions = await admin(t)
        .post(`/admin/tenants/${tenant.id}/webhooks`, {
          url: `${url}?only=deleted`,
          eventTypes: ['user.deleted'],
        })
        .expect(201);
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        ids.push(
          (await api.post('/Users', { schemas: [USER], userName: `o${i}@acme.com`, active: false })).body.id,
        );
      }
      await api.delete(`/Users/${ids[0]}`).expect(204);
      receiver.statuses.push(503);
      await drain(worker, tenant.id);
      const on = (path: string) => received().filter((r) => r.path === path);
      // The first attempt at event 1 failed; the endpoint still got 1, 2, 3, 4 in that order.
      expect(on('/hooks').map((r) => [r.event.sequence, r.event.type])).toEqual([
        ['1', 'user.created'],
        ['2', 'user.created'],
        ['3', 'user.created'],
        ['4', 'user.deleted'],
      ]);
      expect(on('/hooks?only=deleted').map((r) => r.event.type)).toEqual(['user.deleted']);
      await admin(t).delete(`/admin/tenants/${tenant.id}/webhooks/${deletions.body.id}`).expect(204);
      await admin(t).delete(`/admin/tenants/${tenant.id}/webhooks/${deletions.body.id}`).expect(404);

      for (let i = 0; i < 5; i += 1) receiver.statuses.push(500);
      await api.delete(`/Users/${ids[1]}`).expect(204);
      for (let i = 0; i < 5; i += 1) expect(await worker.runOnce(tenant.id)).toBe(1);
      const failing = await admin(t).get(`/admin/tenants/${tenant.id}/webhooks`).expect(200);
      expect(failing.body.items).toEqual([
        expect.objectContaining({ state: 'failing', consecutiveFailures: 5 }),
      ]);
      await drain(worker, tenant.id);
      const healed = await admin(t).get(`/admin/tenants/${tenant.id}/webhooks`).expect(200);
      expect(healed.body.items).toEqual([
        expect.objectContaining({ state: 'active', consecutiveFailures: 0 }),
      ]);
      expect(on('/hooks').map((r) => r.event.sequence)).toEqual(['1', '2', '3', '4', '5']);
    });

    it('sends a signed test event on request', async () => {
      const tenant = await createTenant(t);
      const hook = await admin(t).post(`/admin/tenants/${tenant.id}/webhooks`, { url }).expect(201);
      const res = await admin(t)
        .post(`/admin/tenants/${tenant.id}/webhooks/${hook.body.id}/test`)
        .expect(200);
      expect(res.body).toEqual({
        delivered: true,
        statusCode: 200,
        latencyMs: expect.any(Number),
        error: null,
      });
      expect(received()[0].event).toMatchObject({
        type: 'webhook.test',
        data: { webhookId: hook.body.id },
      });
      expect(verifies(hook.body.secret, received()[0])).toBe(true);
      await admin(t).post(`/admin/tenants/${tenant.id}/webhooks`, { url: 'ftp://example.com' }).expect(400);
      await admin(t)
        .post(`/admin/tenants/${tenant.id}/webhooks`, { url, eventTypes: ['user.exploded'] })
        .expect(400);
    });

    it('two workers against one database never deliver one event twice', async () => {
      const other = await createTestApp();
      try {
        const tenant = await createTenant(t);
        const api = scim(t, tenant);
        await admin(t).post(`/admin/tenants/${tenant.id}/webhooks`, { url }).expect(201);
        await admin(t)
          .post(`/admin/tenants/${tenant.id}/webhooks`, { url: `${url}/second` })
          .expect(201);
        for (let i = 0; i < 15; i += 1) {
          await api
            .post('/Users', { schemas: [USER], userName: `w${i}@acme.com`, active: false })
            .expect(201);
        }
        receiver.delayMs = 20;
        const workers = [worker, other.app.get(DeliveryWorker)];
        await Promise.all(workers.map((w) => drain(w, tenant.id)));
        await Promise.all(workers.map((w) => drain(w, tenant.id)));
        expect(received()).toHaveLength(30);
        expect(receiver.maxInFlightPerEvent).toBe(1);
        const byEvent = new Map<string, number>();
        for (const r of received())
          byEvent.set(`${r.path} ${r.event.id}`, (byEvent.get(`${r.path} ${r.event.id}`) ?? 0) + 1);
        expect(byEvent.size).toBe(30);
        for (const path of ['/hooks', '/hooks/second']) {
          const sequences = received()
            .filter((r) => r.path === path)
            .map((r) => Number(r.event.sequence));
          expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
        }
      } finally {
        await other.close();
      }
    });
  });
});
