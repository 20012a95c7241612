import { createHash } from 'node:crypto';
import { cookieFrom, csrfOf, portalLink, signIn } from './helpers/portal';
import { admin, createTenant, createTestApp, TestApp } from './helpers/test-app';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** The portal link: single use, a Continue page for scanners, a session cookie, and its end. */
describe('Portal links and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PORTAL_RETURN_ORIGINS: 'https://app.example.com' } });
  });
  afterAll(() => t.close());

  async function events(tenantId: string, type: string) {
    const feed = await admin(t).get(`/admin/tenants/${tenantId}/events?limit=500`).expect(200);
    return (feed.body.items as Array<{ type: string; data: Record<string, unknown> }>).filter(
      (e) => e.type === type,
    );
  }

  it('makes a short-lived link whose code is stored only as its hash', async () => {
    const tenant = await createTenant(t);
    const before = Date.now();
    const res = await admin(t)
      .post(`/admin/tenants/${tenant.id}/portal-links`, { ttlSeconds: 120 })
      .expect(201);
    expect(Object.keys(res.body).sort()).toEqual(['expiresAt', 'url']);
    const url = new URL(res.body.url as string);
    expect(url.origin).toBe('https://rollcall.test');
    const code = url.pathname.replace('/portal/link/', '');
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const expiresAt = new Date(res.body.expiresAt as string).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 119_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 121_000);
    const rows: Array<{ code_hash: Buffer; used_at: Date | null }> = await t.db.query(
      `SELECT code_hash, used_at FROM portal_link WHERE tenant_id = $1`,
      [tenant.id],
    );
    expect(rows).toHaveLength(1);
    expect(Buffer.compare(rows[0].code_hash, sha256(code))).toBe(0);
    expect(rows[0].used_at).toBeNull();
  });

  it('refuses a returnUrl outside PORTAL_RETURN_ORIGINS, a bad ttl and an unknown tenant, writing nothing', async () => {
    const tenant = await createTenant(t);
    for (const body of [
      { returnUrl: 'https://evil.example.net/settings' },
      { returnUrl: 'javascript:alert(1)' },
      { returnUrl: 'https://app.example.com.evil.net/' },
    ]) {
      const res = await admin(t).post(`/admin/tenants/${tenant.id}/portal-links`, body).expect(400);
      expect(res.body.detail).toBe(
        'returnUrl must be on one of the allowed origins (PORTAL_RETURN_ORIGINS): https://app.example.com',
      );
    }
    await admin(t).post(`/admin/tenants/${tenant.id}/portal-links`, { ttlSeconds: 5 }).expect(400);
    await admin(t).post(`/admin/tenants/${tenant.id}/portal-links`, { ttlSeconds: 86_401 }).expect(400);
    await admin(t).post('/admin/tenants/00000000-0000-4000-8000-000000000000/portal-links', {}).expect(404);
    const rows = await t.db.query(`SELECT 1 FROM portal_link WHERE tenant_id = $1`, [tenant.id]);
    expect(rows).toEqual([]);
    await t.http.post(`/admin/tenants/${tenant.id}/portal-links`).send({}).expect(401);
  });

  it('shows a Continue page on GET without using the link; Continue opens a session and leaves the code behind', async () => {
    const tenant = await createTenant(t);
    const link = await portalLink(t, tenant.id, { returnUrl: 'https://app.example.com/settings/scim' });
    // A mail scanner fetches the link twice: nothing is used up.
    for (let i = 0; i < 2; i += 1) {
      const page = await t.http.get(link).expect(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('<button type="submit" class="primary">Continue</button>');
      expect(page.text).toContain(`<form method="post" action="${link}">`);
    }
    const [unused] = await t.db.query(`SELECT used_at FROM portal_link WHERE tenant_id = $1`, [tenant.id]);
    expect(unused.used_at).toBeNull();

    const page = await t.http.get(link).expect(200);
    const linkCookie = cookieFrom(page.headers['set-cookie'], 'rollcall_portal_link');
    const redeemed = await t.http
      .post(link)
      .set('Cookie', `rollcall_portal_link=${linkCookie}`)
      .type('form')
      .send({ csrf: csrfOf(page.text) })
      .expect(303);
    expect(redeemed.headers.location).toBe('/portal/setup');
    const setCookie = (redeemed.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('rollcall_portal_session='),
    );
    expect(setCookie).toMatch(
      /^rollcall_portal_session=[A-Za-z0-9_-]{43}; Max-Age=28(799|800); Path=\/portal; HttpOnly; Secure; SameSite=Lax$/,
    );
    const secret = cookieFrom(redeemed.headers['set-cookie'], 'rollcall_portal_session') as string;
    const sessions: Array<{ session_hash: Buffer; return_url: string; expires_at: Date }> = await t.db.query(
      `SELECT session_hash, return_url, expires_at FROM portal_session WHERE tenant_id = $1`,
      [tenant.id],
    );
    expect(sessions).toHaveLength(1);
    expect(Buffer.compare(sessions[0].session_hash, sha256(secret))).toBe(0);
    expect(sessions[0].return_url).toBe('https://app.example.com/settings/scim');
    expect(sessions[0].expires_at.getTime() - Date.now()).toBeGreaterThan(8 * 3600_000 - 60_000);

    const setup = await t.http
      .get('/portal/setup')
      .set('Cookie', `rollcall_portal_session=${secret}`)
      .expect(200);
    expect(setup.text).toContain(`value="https://rollcall.test/scim/v2/${tenant.id}"`);
    expect(setup.text).toContain('<a href="https://app.example.com/settings/scim">Back to Rollcall</a>');
    const signedIn = await events(tenant.id, 'portal.signed_in');
    expect(signedIn).toHaveLength(1);
    expect(Object.keys(signedIn[0].data).sort()).toEqual(['expiresAt', 'sessionId']);

    // The link works once, even with a fresh page and cookie.
    const again = await t.http.get(link).expect(410);
    expect(again.text).toContain('This link has been used');
    const second = await t.http
      .post(link)
      .set('Cookie', `rollcall_portal_link=${linkCookie}`)
      .type('form')
      .send({ csrf: csrfOf(page.text) })
      .expect(410);
    expect(second.headers['set-cookie']).toBeUndefined();
    expect(await t.db.query(`SELECT 1 FROM portal_session WHERE tenant_id = $1`, [tenant.id])).toHaveLength(
      1,
    );
  });

  it('refuses Continue without the page’s CSRF token or from another origin', async () => {
    const tenant = await createTenant(t);
    const link = await portalLink(t, tenant.id);
    const page = await t.http.get(link).expect(200);
    const linkCookie = `rollcall_portal_link=${cookieFrom(page.headers['set-cookie'], 'rollcall_portal_link')}`;
    const csrf = csrfOf(page.text);
    await t.http.post(link).type('form').send({ csrf }).expect(403);
    await t.http.post(link).set('Cookie', linkCookie).type('form').send({}).expect(403);
    await t.http
      .post(link)
      .set('Cookie', linkCookie)
      .type('form')
      .send({ csrf: 'x' + csrf.slice(1) })
      .expect(403);
    await t.http
      .post(link)
      .set('Cookie', linkCookie)
      .set('Origin', 'https://evil.example.net')
      .type('form')
      .send({ csrf })
      .expect(403);
    await t.http
      .post(link)
      .set('Cookie', linkCookie)
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ csrf })
      .expect(403);
    const [row] = await t.db.query(`SELECT used_at FROM portal_link WHERE tenant_id = $1`, [tenant.id]);
    expect(row.used_at).toBeNull();
    await t.http
      .post(link)
      .set('Cookie', linkCookie)
      .set('Origin', 'https://rollcall.test')
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ csrf })
      .expect(303);
  });

  it('says when a link has expired or is not valid', async () => {
    const tenant = await createTenant(t);
    const link = await portalLink(t, tenant.id);
    await t.db.query(`UPDATE portal_link SET expires_at = now() - interval '1 second' WHERE tenant_id = $1`, [
      tenant.id,
    ]);
    const expired = await t.http.get(link).expect(410);
    expect(expired.text).toContain('<h1>This link has expired</h1>');
    expect(expired.text).toContain('Open the setup page again from Rollcall');
    const unknown = await t.http.get(`/portal/link/${'A'.repeat(43)}`).expect(404);
    expect(unknown.text).toContain('<h1>This link is not valid</h1>');
    await t.http.get('/portal/link/short').expect(404);
  });

  it('ends the session on sign-out, on expiry and when the tenant is disabled or deleted', async () => {
    const tenant = await createTenant(t);
    const portal = await signIn(t, tenant.id);
    // Sign-out needs the CSRF token too.
    await portal.post('/portal/sign-out', { csrf: 'forged' }).expect(403);
    const out = await portal.post('/portal/sign-out').expect(200);
    expect(out.text).toContain('<h1>You are signed out</h1>');
    const ended = await portal.get('/portal/setup').expect(401);
    expect(ended.text).toContain('<h1>Your session has ended</h1>');
    expect((await events(tenant.id, 'portal.signed_out')).map((e) => e.data.sessionId)).toHaveLength(1);

    const expiring = await signIn(t, tenant.id);
    await t.db.query(
      `UPDATE portal_session SET expires_at = now() WHERE tenant_id = $1 AND ended_at IS NULL`,
      [tenant.id],
    );
    await expiring.get('/portal/setup').expect(401);

    const disabled = await signIn(t, tenant.id);
    await admin(t).patch(`/admin/tenants/${tenant.id}`, { enabled: false }).expect(200);
    await disabled.get('/portal/tokens').expect(401);
    await admin(t).patch(`/admin/tenants/${tenant.id}`, { enabled: true }).expect(200);
    await disabled.get('/portal/tokens').expect(200);

    await admin(t).delete(`/admin/tenants/${tenant.id}`).expect(204);
    await disabled.get('/portal/tokens').expect(401);
    expect(await t.db.query(`SELECT 1 FROM portal_session WHERE tenant_id = $1`, [tenant.id])).toEqual([]);
  });

  it('sees one tenant only', async () => {
    const mine = await createTenant(t);
    const theirs = await createTenant(t);
    const portal = await signIn(t, mine.id);
    const setup = await portal.get('/portal/setup').expect(200);
    expect(setup.text).toContain(mine.id);
    expect(setup.text).not.toContain(theirs.id);
    const [theirToken] = (await admin(t).get(`/admin/tenants/${theirs.id}/tokens`).expect(200)).body.items;
    await portal.get(`/portal/tokens/${theirToken.id}/revoke`).expect(404);
    await portal.post(`/portal/tokens/${theirToken.id}/revoke`).expect(404);
    expect((await admin(t).get(`/admin/tenants/${theirs.id}/tokens`).expect(200)).body.items).toHaveLength(1);
  });

  it('serves the portal with its own CSP, no framing, no caching', async () => {
    const res = await t.http.get('/portal/link/unknown').expect(404);
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; upgrade-insecure-requests",
    );
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    const css = await t.http.get('/portal/assets/portal.css').expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const theme = await t.http.get('/portal/assets/theme.css').expect(200);
    expect(theme.text).toBe(':root { --accent: #1d4ed8; --on-accent: #ffffff; }\n');
    const js = await t.http.get('/portal/assets/portal.js').expect(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // Every response under /portal, a path no page has included.
    const nowhere = await t.http.get('/portal/nowhere').expect(404);
    expect(nowhere.headers['content-security-policy']).toBe(res.headers['content-security-policy']);
    expect(nowhere.headers['cache-control']).toBe('no-store');
  });

  it('limits failed link redemptions per client address', async () => {
    const app = await createTestApp({ env: { AUTH_FAILURE_BURST: '3', AUTH_FAILURES_PER_MINUTE: '1' } });
    try {
      for (let i = 0; i < 3; i += 1) await app.http.get(`/portal/link/${'B'.repeat(43)}`).expect(404);
      const refused = await app.http.get(`/portal/link/${'B'.repeat(43)}`).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.text).toContain('Too many failed authentications from this address');
      await app.http
        .post(`/portal/link/${'B'.repeat(43)}`)
        .type('form')
        .send({})
        .expect(429);
    } finally {
      await app.close();
    }
  });
});

describe('A portal framed by the SaaS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { PORTAL_FRAME_ANCESTORS: 'https://app.example.com https://*.example.org' },
    });
  });
  afterAll(() => t.close());

  it('allows those ancestors and keeps its cookies SameSite=None; Secure; Partitioned', async () => {
    const tenant = await createTenant(t);
    const link = await portalLink(t, tenant.id);
    const page = await t.http.get(link).expect(200);
    expect(page.headers['content-security-policy']).toContain(
      'frame-ancestors https://app.example.com https://*.example.org',
    );
    expect(page.headers['x-frame-options']).toBeUndefined();
    const setCookie = (page.headers['set-cookie'] as unknown as string[])[0];
    expect(setCookie).toMatch(/; Path=\/portal; HttpOnly; Secure; Partitioned; SameSite=None$/);
  });
});
