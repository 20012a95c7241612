import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../src/openapi/openapi';
import { admin, createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

describe('SCIM authentication and errors', () => {
  let t: TestApp;
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    t = await createTestApp();
    a = await createTenant(t);
    b = await createTenant(t);
  });
  afterAll(() => t.close());

  const expect401 = async (req: {
    expect(s: number): Promise<{ body: unknown; headers: Record<string, string> }>;
  }) => {
    const res = await req.expect(401);
    expect(res.body).toEqual({ schemas: [ERROR], status: '401', detail: 'A valid bearer token is required' });
    expect(res.headers['www-authenticate']).toBe('Bearer realm="Rollcall"');
  };

  it('answers every authentication failure with the same 401', async () => {
    const url = `${a.base}/Users`;
    await expect401(t.http.get(url));
    await expect401(t.http.get(url).set('Authorization', 'Bearer'));
    await expect401(t.http.get(url).set('Authorization', `Basic ${a.token}`));
    await expect401(t.http.get(url).set('Authorization', 'Bearer rcs_' + 'A'.repeat(43)));
    await expect401(t.http.get(url).set('Authorization', `Bearer ${b.token}`)); // B's token on A's URL
    await expect401(
      t.http
        .get('/scim/v2/00000000-0000-4000-8000-000000000000/Users')
        .set('Authorization', `Bearer ${a.token}`),
    );
    await expect401(t.http.get('/scim/v2/not-a-tenant/Users').set('Authorization', `Bearer ${a.token}`));
    await expect401(t.http.get(url).set('Authorization', `Bearer ${'x'.repeat(20)}`));
    await t.http.get(url).set('Authorization', `Bearer ${a.token}`).expect(200);
  });

  it('refuses revoked and expired tokens and disabled tenants', async () => {
    const c = await createTenant(t);
    const url = `${c.base}/Users`;
    const spare = await admin(t).post(`/admin/tenants/${c.id}/tokens`, {}).expect(201);
    const list = await admin(t).get(`/admin/tenants/${c.id}/tokens`).expect(200);
    const first = list.body.items.find((x: { prefix: string }) => c.token.startsWith(x.prefix));
    await admin(t).delete(`/admin/tenants/${c.id}/tokens/${first.id}`).expect(204);
    await expect401(t.http.get(url).set('Authorization', `Bearer ${c.token}`));
    // rotation: the other token still works
    await t.http.get(url).set('Authorization', `Bearer ${spare.body.token}`).expect(200);
    const used = await admin(t).get(`/admin/tenants/${c.id}/tokens`).expect(200);
    expect(used.body.items[0].lastUsedAt).toEqual(expect.any(String));

    const expiring = await admin(t)
      .post(`/admin/tenants/${c.id}/tokens`, { expiresAt: new Date(Date.now() + 4000).toISOString() })
      .expect(201);
    await t.http.get(url).set('Authorization', `Bearer ${expiring.body.token}`).expect(200);
    // Past the expiry however long the requests above took on a busy machine.
    const expiresAt = Date.parse(expiring.body.expiresAt as string);
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now()) + 100));
    await expect401(t.http.get(url).set('Authorization', `Bearer ${expiring.body.token}`));

    await admin(t).patch(`/admin/tenants/${c.id}`, { enabled: false }).expect(200);
    await expect401(t.http.get(url).set('Authorization', `Bearer ${spare.body.token}`));
  });

  it('answers malformed JSON, oversize bodies, unknown routes and wrong methods with SCIM errors', async () => {
    const api = scim(t, a);
    const malformed = await t.http
      .post(`${a.base}/Users`)
      .set('Authorization', `Bearer ${a.token}`)
      .set('Content-Type', 'application/scim+json')
      .send('{"schemas": [')
      .expect(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(malformed.body).toMatchObject({ schemas: [ERROR], status: '400', scimType: 'invalidSyntax' });

    const huge = await api
      .post('/Users', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'x',
        title: 'y'.repeat(1_100_000),
      })
      .expect(413);
    expect(huge.body).toMatchObject({ schemas: [ERROR], status: '413' });

    const unknown = await api.get('/Printers').expect(404);
    expect(unknown.body).toMatchObject({ schemas: [ERROR], status: '404' });

    const wrong = await api.put('/Users', {}).expect(405);
    expect(wrong.body).toMatchObject({ schemas: [ERROR], status: '405' });
    expect(wrong.headers.allow).toBe('POST, GET');
  });

  it('serves /health/live, /health/ready and the OpenAPI document without credentials', async () => {
    await t.http.get('/health/live').expect(200);
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.info.database.status).toBe('up');
    const spec = await t.http.get('/openapi.json').expect(200);
    expect(spec.body.components.securitySchemes).toMatchObject({
      admin: { scheme: 'bearer' },
      tenant: { scheme: 'bearer' },
    });
    expect(spec.body.components.schemas.ScimUser.properties).toHaveProperty('userName');
  });

  it('keeps openapi.json in step with the code (run `npm run openapi` after changing the API)', () => {
    const checkedIn = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(buildOpenApiDocument(t.app)))).toEqual(checkedIn);
  });
});
