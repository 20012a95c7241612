import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { LogCapture } from './helpers/log-capture';
import { admin, createTenant, createTestApp, SCIM_JSON, scim, TestApp, TestTenant } from './helpers/test-app';
import { expectAdminError } from './helpers/admin-errors';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const UNAUTHORIZED = { schemas: [ERROR], status: '401', detail: 'A valid bearer token is required' };

/** Sends raw bytes on one connection and answers what the server sent back before `waitMs`. */
async function rawExchange(t: TestApp, bytes: string, waitMs: number): Promise<string> {
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
  socket.on('error', () => undefined);
  socket.write(bytes);
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  socket.destroy();
  return received;
}

/** A POST of exactly these bytes. */
function postBytes(t: TestApp, path: string, body: Buffer, headers: Record<string, string>) {
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { ...headers, 'Content-Length': body.length },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('The request pipeline: route, then token, then body', () => {
  let t: TestApp;
  let a: TestTenant;
  let logs: LogCapture;
  let counter = 0;
  const id = () => `pipeline-${(counter += 1)}`;

  beforeAll(async () => {
    logs = new LogCapture();
    t = await createTestApp({ logStream: logs });
    await t.app.listen(0, '127.0.0.1');
    a = await createTenant(t);
  });
  afterAll(() => t.close());

  it('answers a wrong method with 405 before reading a non-JSON body, with or without a token', async () => {
    for (const auth of [`Bearer ${a.token}`, undefined]) {
      const req = t.http
        .post(`${a.base}/ServiceProviderConfig`)
        .set('Content-Type', 'text/plain')
        .set('X-Request-Id', id());
      if (auth) req.set('Authorization', auth);
      const res = await req.send('test').expect(405);
      expect(res.body).toEqual({
        schemas: [ERROR],
        status: '405',
        detail: `POST is not supported on ${a.base}/ServiceProviderConfig`,
      });
      expect(res.headers.allow).toBe('GET');
      expect(res.headers['x-request-id']).toMatch(/^pipeline-/);
    }
  });

  it('answers 401 to an unauthenticated body at once, without waiting for the body to arrive', async () => {
    // Headers and the first bytes of a 500 KB body: the answer comes before the rest is sent.
    const answer = await rawExchange(
      t,
      `POST ${a.base}/Users HTTP/1.1\r\nHost: x\r\nContent-Type: application/scim+json\r\n` +
        `Content-Length: 512000\r\nX-Request-Id: early-401\r\n\r\n{"schemas":["${USER}"],"userName":"`,
      500,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toMatch(/\r\nX-Request-Id: early-401\r\n/i);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer).toContain('"detail":"A valid bearer token is required"');
  });

  it('answers garbage gzip and br bodies with 401 without a token, and a SCIM 400 with one', async () => {
    for (const encoding of ['gzip', 'br']) {
      const garbage = Buffer.from('this is not compressed at all, just bytes');
      const anonymous = await t.http
        .post(`${a.base}/Users`)
        .set('Content-Type', SCIM_JSON)
        .set('Content-Encoding', encoding)
        .send(garbage)
        .expect(401);
      expect(anonymous.body).toEqual(UNAUTHORIZED);
      const res = await t.http
        .post(`${a.base}/Users`)
        .set('Authorization', `Bearer ${a.token}`)
        .set('Content-Type', SCIM_JSON)
        .set('Content-Encoding', encoding)
        .set('X-Request-Id', `garbage-${encoding}`)
        .send(garbage)
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(res.headers['x-request-id']).toBe(`garbage-${encoding}`);
      expect(res.body).toEqual({
        schemas: [ERROR],
        status: '400',
        scimType: 'invalidSyntax',
        detail: 'The request body could not be decoded as its Content-Encoding says (corrupt or truncated)',
      });
    }
    const unsupported = await t.http
      .post(`${a.base}/Users`)
      .set('Authorization', `Bearer ${a.token}`)
      .set('Content-Type', SCIM_JSON)
      .set('Content-Encoding', 'zstd')
      .send('{}')
      .expect(415);
    expect(unsupported.body).toEqual({
      schemas: [ERROR],
      status: '415',
      detail: 'Content-Encoding zstd is not supported: send identity, gzip, deflate or br',
    });
    const count = await t.db.query(`SELECT count(*)::int AS n FROM scim_user WHERE tenant_id = $1`, [a.id]);
    expect(count[0].n).toBe(0);
  });

  it('reads well-formed gzip and br bodies', async () => {
    for (const [encoding, pack] of [
      ['gzip', gzipSync],
      ['br', brotliCompressSync],
    ] as const) {
      const body = pack(
        Buffer.from(JSON.stringify({ schemas: [USER], userName: `packed-${encoding}@acme.com` })),
      );
      // Sent with node:http: superagent re-encodes a Buffer body it is told is JSON.
      const res = await postBytes(t, `${a.base}/Users`, body, {
        Authorization: `Bearer ${a.token}`,
        'Content-Type': SCIM_JSON,
        'Content-Encoding': encoding,
      });
      expect(res.status).toBe(201);
      expect(JSON.parse(res.body).userName).toBe(`packed-${encoding}@acme.com`);
    }
  });

  it('carries X-Request-Id on body errors: malformed JSON, oversize, and a non-JSON type', async () => {
    const send = (type: string, body: string, requestId: string) =>
      t.http
        .post(`${a.base}/Users`)
        .set('Authorization', `Bearer ${a.token}`)
        .set('Content-Type', type)
        .set('X-Request-Id', requestId)
        .send(body);
    const malformed = await send(SCIM_JSON, '{"schemas": [', 'bad-json').expect(400);
    expect(malformed.headers['x-request-id']).toBe('bad-json');
    expect(malformed.body).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    const huge = await send(SCIM_JSON, JSON.stringify({ title: 'y'.repeat(1_100_000) }), 'huge').expect(413);
    expect(huge.headers['x-request-id']).toBe('huge');
    const text = await send('text/plain', 'userName=x', 'text-plain').expect(415);
    expect(text.headers['x-request-id']).toBe('text-plain');
    expect(text.body).toEqual({
      schemas: [ERROR],
      status: '415',
      detail: 'Content-Type text/plain is not supported: send application/scim+json or application/json',
    });
  });

  it('refuses a .search body without the SearchRequest schema', async () => {
    for (const path of ['/Users/.search', '/Groups/.search', '/.search']) {
      const res = await scim(t, a).post(path, { filter: 'userName pr' }).expect(400);
      expect(res.body).toEqual({
        schemas: [ERROR],
        status: '400',
        scimType: 'invalidSyntax',
        detail: 'schemas must include "urn:ietf:params:scim:api:messages:2.0:SearchRequest"',
      });
    }
  });

  it('refuses non-JSON admin bodies with 415 and writes nothing', async () => {
    const res = await t.http
      .post('/admin/tenants')
      .set('Authorization', 'Bearer test-admin-key-0123456789')
      .set('Content-Type', 'text/plain')
      .send('{"name":"Plain text 415"}')
      .expect(415);
    expect(expectAdminError(res, 415)).toEqual({
      type: 'about:blank',
      title: 'Unsupported Media Type',
      status: 415,
      detail: 'Content-Type text/plain is not supported: send application/scim+json or application/json',
    });
    // Other spec files create tenants on the same database at the same time: count this name only.
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM tenant WHERE name = 'Plain text 415'`);
    expect(rows[0].n).toBe(0);
  });

  it('keeps why each authentication failed, while every 401 stays the same', async () => {
    const c = await createTenant(t);
    const other = await createTenant(t);
    const url = `${c.base}/Users`;
    const revoked = await admin(t).post(`/admin/tenants/${c.id}/tokens`, {}).expect(201);
    await admin(t).delete(`/admin/tenants/${c.id}/tokens/${revoked.body.id}`).expect(204);
    const expiring = await admin(t)
      .post(`/admin/tenants/${c.id}/tokens`, { expiresAt: new Date(Date.now() + 1000).toISOString() })
      .expect(201);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const disabled = await createTenant(t);
    await admin(t).patch(`/admin/tenants/${disabled.id}`, { enabled: false }).expect(200);

    const cases: Array<[string, string | undefined, string]> = [
      ['no_token', undefined, url],
      ['malformed', `Basic ${c.token}`, url],
      ['malformed', `Bearer ${'x'.repeat(20)}`, url],
      ['unknown', `Bearer rcs_${'A'.repeat(43)}`, url],
      ['revoked', `Bearer ${revoked.body.token}`, url],
      ['expired', `Bearer ${expiring.body.token}`, url],
      ['wrong_tenant', `Bearer ${other.token}`, url],
      ['tenant_disabled', `Bearer ${disabled.token}`, `${disabled.base}/Users`],
    ];
    for (const [reason, authorization, target] of cases) {
      const requestId = `auth-${reason}-${id()}`;
      const req = t.http.get(target).set('X-Request-Id', requestId);
      if (authorization) req.set('Authorization', authorization);
      const res = await req.expect(401);
      expect(res.body).toEqual(UNAUTHORIZED);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="Rollcall"');
      expect(res.headers['x-request-id']).toBe(requestId);
      expect(logs.requestLine(requestId)).toMatchObject({ authFailure: reason, res: { status: 401 } });
    }
    const ok = await scim(t, c).get('/Users').set('X-Request-Id', 'auth-ok').expect(200);
    expect(ok.body.totalResults).toBe(0);
    expect(logs.requestLine('auth-ok')).not.toHaveProperty('authFailure');
    // A revoked token is kept, marked, and no longer listed.
    const listed = await admin(t).get(`/admin/tenants/${c.id}/tokens`).expect(200);
    expect(listed.body.items.map((x: { id: string }) => x.id)).not.toContain(revoked.body.id);
    const rows = await t.db.query(
      `SELECT revoked_at IS NOT NULL AS revoked FROM tenant_token WHERE tenant_id = $1 AND id = $2`,
      [c.id, revoked.body.id],
    );
    expect(rows).toEqual([{ revoked: true }]);
  });

  it('logs each request once per key, with the scimType and detail of a failure', async () => {
    await scim(t, a).get('/Users?filter=JANE@ACME.COM').set('X-Request-Id', 'log-failure').expect(400);
    const line = logs.requestLine('log-failure');
    expect(line).toMatchObject({
      tenantId: a.id,
      route: '/scim/v2/:tenantId/Users',
      scimType: 'invalidFilter',
      detail: expect.any(String),
      res: { status: 400 },
    });
    const raw = logs.raw.find((l) => l.includes('"log-failure"')) ?? '';
    for (const key of ['route', 'tenantId', 'req', 'res', 'responseTime', 'msg', 'scimType', 'detail']) {
      expect(raw.split(`"${key}":`).length - 1).toBe(1);
    }
  });

  it('answers / with where the docs are, not a SCIM 404', async () => {
    const res = await t.http.get('/').expect(200);
    expect(res.body).toEqual({
      name: 'Rollcall',
      description: 'Multi-tenant SCIM 2.0 provisioning server',
      docs: 'https://rollcall.test/docs',
      openapi: 'https://rollcall.test/openapi.json',
      health: 'https://rollcall.test/health/ready',
      scim: 'https://rollcall.test/scim/v2/{tenantId}',
    });
  });

  it('answers a resource and a page in one write with their Content-Length, and streams a group with members', async () => {
    const c = await createTenant(t);
    const user = await scim(t, c)
      .post('/Users', { schemas: [USER], userName: 'one-write@acme.com' })
      .expect(201);
    expect(user.headers['transfer-encoding']).toBeUndefined();
    expect(Number(user.headers['content-length'])).toBe(Buffer.byteLength(user.text));
    const read = await scim(t, c).get(`/Users/${user.body.id}`).expect(200);
    expect(read.headers['transfer-encoding']).toBeUndefined();
    expect(Number(read.headers['content-length'])).toBe(Buffer.byteLength(read.text));
    expect(read.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(read.body).toEqual(user.body);
    const page = await scim(t, c).get('/Users?count=10').expect(200);
    expect(page.headers['transfer-encoding']).toBeUndefined();
    expect(Number(page.headers['content-length'])).toBe(Buffer.byteLength(page.text));
    expect(page.body).toMatchObject({
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
      Resources: [user.body],
    });
    // A group's members may be too many to hold: they are written as they are read.
    const group = await scim(t, c)
      .post('/Groups', { schemas: [GROUP], displayName: 'Streamed', members: [{ value: user.body.id }] })
      .expect(201);
    expect(group.headers['transfer-encoding']).toBe('chunked');
    expect(group.body.members).toEqual([expect.objectContaining({ value: user.body.id })]);
  });

  it('marks admin answers, which may carry secrets, Cache-Control: no-store', async () => {
    const c = await createTenant(t);
    const token = await admin(t).post(`/admin/tenants/${c.id}/tokens`, {}).expect(201);
    expect(token.body.token).toMatch(/^rcs_/);
    expect(token.headers['cache-control']).toBe('no-store');
    const hook = await admin(t)
      .post(`/admin/tenants/${c.id}/webhooks`, { url: 'http://127.0.0.1:9/rollcall' })
      .expect(201);
    expect(hook.body.secret).toEqual(expect.any(String));
    expect(hook.headers['cache-control']).toBe('no-store');
    const refused = await t.http.get(`/admin/tenants/${c.id}`).expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});
