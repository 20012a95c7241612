import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { LogCapture } from './helpers/log-capture';
import { admin, createTenant, createTestApp, scim } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

describe('Operability', () => {
  it('logs each request as JSON with request id, tenant, route, status and duration, never tokens or bodies', async () => {
    const logs = new LogCapture();
    const t = await createTestApp({ logStream: logs });
    try {
      const tenant = await createTenant(t);
      await scim(t, tenant)
        .post('/Users', { schemas: [USER], userName: 'logged@acme.com', password: 'Sup3r-S3cret!' })
        .set('X-Request-Id', 'req-create-1')
        .expect(201);
      const res = await scim(t, tenant).get('/Users?count=1').set('X-Request-Id', 'req-list-1').expect(200);
      expect(res.headers['x-request-id']).toBe('req-list-1');
      await scim(t, tenant).get('/Users').set('Authorization', 'Bearer rcs_not-a-real-token').expect(401);

      const line = logs.lines.find((l) => (l.req as { id?: string } | undefined)?.id === 'req-list-1');
      expect(line).toMatchObject({
        level: 30,
        tenantId: tenant.id,
        route: '/scim/v2/:tenantId/Users',
        req: { id: 'req-list-1', method: 'GET', path: `/scim/v2/${tenant.id}/Users` },
        res: { status: 200 },
        responseTime: expect.any(Number),
      });
      expect(logs.lines.some((l) => (l.res as { status?: number } | undefined)?.status === 401)).toBe(true);
      expect(logs.text).not.toContain(tenant.token);
      expect(logs.text).not.toContain('rcs_not-a-real-token');
      expect(logs.text).not.toContain('Sup3r-S3cret!');
      expect(logs.text).not.toContain('logged@acme.com');
      expect(logs.text).not.toContain('test-admin-key');
    } finally {
      await t.close();
    }
  });

  it('finishes in-flight requests before shutting down', async () => {
    // A webhook receiver that takes its time makes "send a test event" a slow request.
    const slow: Server = createServer((_req, res) => setTimeout(() => res.writeHead(200).end(), 700));
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const t = await createTestApp();
    try {
      await t.app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
      const tenant = await createTenant(t);
      const hook = await admin(t)
        .post(`/admin/tenants/${tenant.id}/webhooks`, {
          url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`,
        })
        .expect(201);
      const inFlight = request(base)
        .post(`/admin/tenants/${tenant.id}/webhooks/${hook.body.id}/test`)
        .set('Authorization', 'Bearer test-admin-key-0123456789')
        .then((r) => ({ status: r.status, body: r.body as { delivered: boolean }, at: Date.now() }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Shutdown starts while the request is in flight; the request still completes, database and all.
      const closeStartedAt = Date.now();
      const [answer] = await Promise.all([inFlight, t.close()]);
      expect(closeStartedAt).toBeLessThan(answer.at);
      expect(answer.status).toBe(200);
      expect(answer.body.delivered).toBe(true);
      await expect(request(base).get('/health/live')).rejects.toThrow();
    } finally {
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});
