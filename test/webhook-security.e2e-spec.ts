import { Writable } from 'node:stream';
import { DeliveryWorker } from '../src/events/delivery-worker';
import { STANDARD_SECRET_SQL } from '../src/database/migrations/1764300000000-webhook-delivery-at-scale';
import { WebhookDestinations } from '../src/events/webhook-destinations';
import { admin, createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';
import { verifies, WebhookReceiver } from './helpers/webhook-receiver';
import { expectAdminError } from './helpers/admin-errors';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** Collects pino's JSON lines. */
class LogCapture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
  lines(): Array<Record<string, unknown>> {
    return this.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

describe('Webhook destinations and secrets', () => {
  let t: TestApp;
  /** The same application with no allow-list: loopback is refused, as in production. */
  let strict: TestApp;
  let receiver: WebhookReceiver;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    strict = await createTestApp({ config: { webhookAllowedNetworks: [] } });
  });
  afterAll(async () => {
    await strict.close();
    await t.close();
  });
  beforeEach(async () => {
    receiver = new WebhookReceiver();
    url = await receiver.start();
  });
  afterEach(() => receiver.stop());

  const endpoints = async (app: TestApp, tenant: TestTenant) =>
    (await admin(app).get(`/admin/tenants/${tenant.id}/webhooks`).expect(200)).body.items as unknown[];

  it.each([
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a linkLocal address'],
    ['http://10.0.0.1/hook', '10.0.0.1 is a private address'],
    ['http://localhost:5432/', 'is a loopback address'],
    ['http://127.0.0.1:8080/', '127.0.0.1 is a loopback address'],
    ['http://2130706433/', '127.0.0.1 is a loopback address'],
    ['http://[::1]/', '::1 is a loopback address'],
    ['http://[::ffff:10.0.0.1]/', '::ffff:a00:1 (10.0.0.1) is a private address'],
    ['http://[fd00::1]/', 'fd00::1 is a uniqueLocal address'],
    ['http://0.0.0.0/', '0.0.0.0 is a unspecified address'],
    ['http://100.64.0.1/', '100.64.0.1 is a carrierGradeNat address'],
    ['https://192.168.1.20/', '192.168.1.20 is a private address'],
    [
      'http://metadata.google.internal/computeMetadata/v1/',
      'metadata.google.internal is a cloud metadata service',
    ],
    ['ftp://example.com/', 'must be an http or https URL'],
    ['not a url', 'not a URL'],
  ])('refuses %s at registration (%s) and writes nothing', async (target, reason) => {
    const tenant = await createTenant(strict);
    const res = await admin(strict).post(`/admin/tenants/${tenant.id}/webhooks`, { url: target }).expect(400);
    expect(expectAdminError(res, 400).errors).toEqual([{ field: 'url', detail: res.body.detail }]);
    expect(res.body.detail).toContain(reason);
    expect(res.body.detail).toMatch(/^url: /);
    expect(await endpoints(strict, tenant)).toEqual([]);
  });

  it('refuses a change of URL to a private destination, and keeps the old one', async () => {
    const tenant = await createTenant(t);
    const hook = await admin(t).post(`/admin/tenants/${tenant.id}/webhooks`, { url }).expect(201);
    const res = await admin(strict)
      .patch(`/admin/tenants/${tenant.id}/webhooks/${hook.body.id}`, { url: 'http://10.1.2.3/' })
      .expect(400);
    expect(res.body.detail).toBe('url: 10.1.2.3 is a private address; webhooks go to public addresses only');
    expect(await endpoints(t, tenant)).toEqual([expect.objectContaining({ url })]);
  });

  it('checks the destination again at delivery, after resolving it, and sends nothing there', async () => {
    const tenant = await createTenant(t);
    const named = url.replace('127.0.0.1', 'localhost');
    // Registered where loopback is allowed; delivered by an instance where it is not.
    const hook = await admin(t).post(`/admin/tenants/${tenant.id}/webhooks`, { url: named }).expect(201);
    await scim(t, tenant).post('/Users', { schemas: [USER], userName: 'ssrf@acme.com', active: false });
    expect(await strict.app.get(DeliveryWorker).runOnce(tenant.id)).toBe(1);
    expect(receiver.posts).toHaveLength(0);
    const state = await admin(t).get(`/admin/tenants/${tenant.id}/webhooks/${hook.body.id}`).expect(200);
    expect(state.body).toMatchObject({
      state: 'failing',
      pending: 1,
      lastError: {
        statusCode: null,
        error: expect.stringMatching(/^destination refused: .* is a loopback address/),
      },
    });
    // Where it is allowed, the same delivery goes out, to the address that was checked.
    expect(await t.app.get(DeliveryWorker).runOnce(tenant.id)).toBe(1);
    expect(receiver.delivered).toHaveLength(1);
  });

  it('pins the address it checked: the lookup answers it, or refuses', async () => {
    const lookup = (app: TestApp, host: string) =>
      new Promise<{ error: Error | null; address: unknown }>((resolve) =>
        app.app
          .get(WebhookDestinations)
          .lookup(host, { all: false }, (error, address) => resolve({ error, address })),
      );
    expect(await lookup(t, '127.0.0.1')).toEqual({ error: null, address: '127.0.0.1' });
    const refused = await lookup(strict, '127.0.0.1');
    expect(refused.error?.message).toBe(
      'destination refused: 127.0.0.1 is a loopback address; webhooks go to public addresses only',
    );
  });

  it('never shows URL credentials back, stores them and the secret sealed, and sends them as Basic auth', async () => {
    const tenant = await createTenant(t);
    const withCredentials = url.replace('http://', 'http://hook-user:p%40ss%3Aword@');
    const shown = url.replace('http://', 'http://***@');
    const created = await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks`, { url: withCredentials })
      .expect(201);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.body).toMatchObject({
      url: shown,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
    });
    const id = created.body.id as string;
    expect((await admin(t).get(`/admin/tenants/${tenant.id}/webhooks/${id}`).expect(200)).body.url).toBe(
      shown,
    );
    expect(await endpoints(t, tenant)).toEqual([expect.objectContaining({ url: shown })]);
    const listing = JSON.stringify(await endpoints(t, tenant));
    expect(listing).not.toContain('p%40ss');
    expect(listing).not.toContain('hook-user');

    const [row] = await t.db.query<Array<{ url: string; url_credentials: string; secret: string }>>(
      `SELECT url, url_credentials, secret FROM webhook_endpoint WHERE tenant_id = $1 AND id = $2`,
      [tenant.id, id],
    );
    expect(row.url).toBe(url);
    expect(row.url_credentials).toMatch(/^aesgcm:test:/);
    expect(row.secret).toMatch(/^aesgcm:test:/);
    expect(JSON.stringify(row)).not.toContain(created.body.secret.slice(6, 20));
    expect(JSON.stringify(row)).not.toContain('word');

    await admin(t).post(`/admin/tenants/${tenant.id}/webhooks/${id}/test`).expect(200);
    const [post] = receiver.delivered;
    expect(post.headers.authorization).toBe(`Basic ${Buffer.from('hook-user:p@ss:word').toString('base64')}`);
    expect(verifies(created.body.secret, post)).toBe(true);
  });

  it('rotates the secret: shown once, the old one signing beside it until it expires', async () => {
    const tenant = await createTenant(t);
    const created = await admin(t).post(`/admin/tenants/${tenant.id}/webhooks`, { url }).expect(201);
    const id = created.body.id as string;
    const rotated = await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks/${id}/rotate-secret`)
      .expect(200);
    expect(rotated.headers['cache-control']).toBe('no-store');
    expect(rotated.body).toEqual({
      secret: expect.stringMatching(/^whsec_/),
      previousSecretExpiresAt: expect.any(String),
    });
    const hours = (new Date(rotated.body.previousSecretExpiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect(rotated.body.secret).not.toBe(created.body.secret);

    await scim(t, tenant).post('/Users', { schemas: [USER], userName: 'rotate@acme.com', active: false });
    await t.app.get(DeliveryWorker).runOnce(tenant.id);
    const [during] = receiver.delivered;
    expect(during.headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    expect(verifies(rotated.body.secret, during)).toBe(true);
    expect(verifies(created.body.secret, during)).toBe(true);

    const now = await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks/${id}/rotate-secret`, { keepPreviousHours: 0 })
      .expect(200);
    expect(now.body.previousSecretExpiresAt).toBeNull();
    await admin(t).post(`/admin/tenants/${tenant.id}/webhooks/${id}/test`).expect(200);
    const after = receiver.delivered[1];
    expect(after.headers['webhook-signature']).toMatch(/^v1,\S+$/);
    expect(verifies(now.body.secret, after)).toBe(true);
    expect(verifies(rotated.body.secret, after)).toBe(false);
    await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks/${id}/rotate-secret`, { keepPreviousHours: 169 })
      .expect(400);
    await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks/00000000-0000-4000-8000-000000000000/rotate-secret`)
      .expect(404);
  });

  it('seals at start-up what the migration left in the clear, with the same key bytes', async () => {
    const tenant = await createTenant(t);
    const legacy = 'whsec_' + Buffer.alloc(32, 0xab).toString('base64url');
    const [{ standard }] = await t.db.query<Array<{ standard: string }>>(
      `SELECT ${STANDARD_SECRET_SQL} AS standard FROM (SELECT $1::text AS secret) s`,
      [legacy],
    );
    expect(standard).toBe('whsec_' + Buffer.alloc(32, 0xab).toString('base64'));
    const id = '0f0e0d0c-0b0a-4908-8706-050403020100';
    await t.db.query(
      `INSERT INTO webhook_endpoint (tenant_id, id, url, secret, url_credentials) VALUES ($1, $2, $3, $4, 'u:p')`,
      [tenant.id, id, url, standard],
    );
    const restarted = await createTestApp();
    try {
      const [row] = await t.db.query<Array<{ secret: string; url_credentials: string }>>(
        `SELECT secret, url_credentials FROM webhook_endpoint WHERE tenant_id = $1 AND id = $2`,
        [tenant.id, id],
      );
      expect(row.secret).toMatch(/^aesgcm:test:/);
      expect(row.url_credentials).toMatch(/^aesgcm:test:/);
      await admin(restarted).post(`/admin/tenants/${tenant.id}/webhooks/${id}/test`).expect(200);
      expect(verifies(standard, receiver.delivered[0])).toBe(true);
      expect(receiver.delivered[0].headers.authorization).toBe(
        `Basic ${Buffer.from('u:p').toString('base64')}`,
      );
    } finally {
      await restarted.close();
    }
  });

  it('logs a failed delivery with endpoint, status, attempt and next retry, never the secret or the body', async () => {
    const logs = new LogCapture();
    const logged = await createTestApp({ logStream: logs });
    try {
      const tenant = await createTenant(logged);
      const withCredentials = url.replace('http://', 'http://log-user:log-password@');
      const hook = await admin(logged)
        .post(`/admin/tenants/${tenant.id}/webhooks`, { url: withCredentials })
        .expect(201);
      receiver.statuses.push(502);
      await scim(logged, tenant).post('/Users', {
        schemas: [USER],
        userName: 'logged-body@acme.com',
        active: false,
      });
      expect(await logged.app.get(DeliveryWorker).runOnce(tenant.id)).toBe(1);
      const line = logs.lines().find((l) => l.msg === 'webhook delivery failed');
      expect(line).toMatchObject({
        level: 40,
        tenantId: tenant.id,
        endpointId: hook.body.id,
        webhookId: receiver.posts[0].headers['webhook-id'],
        attempt: 1,
        statusCode: 502,
        error: 'receiver answered 502',
        state: 'failing',
        nextAttemptAt: expect.any(String),
      });
      expect(logs.text).not.toContain(hook.body.secret);
      expect(logs.text).not.toContain((hook.body.secret as string).slice(6));
      expect(logs.text).not.toContain('logged-body@acme.com');
      expect(logs.text).not.toContain('log-password');
    } finally {
      await logged.close();
    }
  });
});
