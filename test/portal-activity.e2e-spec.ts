import { OKTA } from './helpers/activity';
import { signIn } from './helpers/portal';
import { admin, createTenant, createTestApp, SCIM_JSON, TestApp, TestTenant } from './helpers/test-app';

/** Okta's calls, with its User-Agent, so the activity log names the client. */
function okta(t: TestApp, tenant: TestTenant) {
  const headers = { Authorization: `Bearer ${tenant.token}`, Accept: SCIM_JSON, 'User-Agent': OKTA };
  return {
    get: (path: string) => t.http.get(`${tenant.base}${path}`).set(headers),
    post: (path: string, body: unknown) =>
      t.http
        .post(`${tenant.base}${path}`)
        .set(headers)
        .set('Content-Type', SCIM_JSON)
        .send(JSON.stringify(body)),
  };
}

const user = (userName: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  password: 'Sup3r-secret!',
  active: true,
});

/** The setup page's status and SCIM switch, and the activity pages, read from the activity log. */
describe('Portal: connection status, SCIM switch and activity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function portalEvents(tenantId: string) {
    const feed = await admin(t).get(`/admin/tenants/${tenantId}/events?limit=500`).expect(200);
    return (feed.body.items as Array<{ type: string; data: Record<string, unknown> }>)
      .filter((e) => e.type.startsWith('portal.') && e.type !== 'portal.signed_in')
      .map((e) => [e.type, e.data]);
  }

  it('says Not connected, then Connected with the last request from Okta and the last error with its hint', async () => {
    const tenant = await createTenant(t, 1);
    const portal = await signIn(t, tenant.id);
    const before = await portal.get('/portal/setup').expect(200);
    expect(before.text).toContain('<span class="badge badge-neutral">Not connected</span>');

    await okta(t, tenant).get('/Users?startIndex=1&count=2').expect(200);
    await okta(t, tenant).post('/Users', user('ann@acme.test')).expect(201);
    await okta(t, tenant).post('/Users', user('bob@acme.test')).expect(403);
    const after = await portal.get('/portal/setup').expect(200);
    expect(after.text).toMatch(
      /<span class="badge badge-ok">Connected<\/span> — last request from Okta \d+ seconds? ago/,
    );
    expect(after.text).toContain('Last error,');
    expect(after.text).toContain('403 seat limit reached: 1 of 1 seats in use');
    expect(after.text).toContain('Every seat of the plan is in use: ask your vendor for more seats.');
  });

  it('turns SCIM provisioning off and on: a valid token gets 403 while off, and each switch is an event', async () => {
    const tenant = await createTenant(t);
    const portal = await signIn(t, tenant.id);
    const page = await portal.get('/portal/setup').expect(200);
    expect(page.text).toContain('SCIM provisioning is <strong>on</strong>');
    expect(page.text).toContain('Microsoft Entra ID quarantines a provisioning job whose calls keep failing');
    await portal.post('/portal/setup/scim', { enabled: 'maybe' }).expect(400);
    await portal.post('/portal/setup/scim', { enabled: 'false', csrf: 'forged' }).expect(403);
    expect((await admin(t).get(`/admin/tenants/${tenant.id}`).expect(200)).body.scimEnabled).toBe(true);

    const off = await portal.post('/portal/setup/scim', { enabled: 'false' }).expect(303);
    expect(off.headers.location).toBe('/portal/setup?scim=off');
    expect((await admin(t).get(`/admin/tenants/${tenant.id}`).expect(200)).body.scimEnabled).toBe(false);
    const refused = await okta(t, tenant).get('/Users').expect(403);
    expect(refused.body.detail).toBe('SCIM provisioning is turned off for this organisation');
    const shown = await portal.get('/portal/setup?scim=off').expect(200);
    expect(shown.text).toContain('SCIM provisioning is turned off');
    expect(shown.text).toContain('<button type="submit" class="primary">Turn SCIM provisioning on</button>');
    // Turning off what is off changes nothing and records nothing.
    await portal.post('/portal/setup/scim', { enabled: 'false' }).expect(303);

    await portal.post('/portal/setup/scim', { enabled: 'true' }).expect(303);
    await okta(t, tenant).get('/Users').expect(200);
    expect(await portalEvents(tenant.id)).toEqual([
      ['portal.scim_disabled', { sessionId: expect.any(String) }],
      ['portal.scim_enabled', { sessionId: expect.any(String) }],
    ]);
  });

  it('lists the requests newest first with their hints, errors only on demand, and shows one with its redacted bodies', async () => {
    const tenant = await createTenant(t, 1);
    const api = okta(t, tenant);
    const ann = await api.post('/Users', user('ann@acme.test')).expect(201);
    await api.post('/Users', user('ann@acme.test')).expect(409);
    await api.post('/Users', user('bob@acme.test')).expect(403);
    const portal = await signIn(t, tenant.id);

    const all = await portal.get('/portal/activity').expect(200);
    const rows = all.text.split('<tr>').slice(2);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('403');
    expect(rows[0]).toContain('Every seat of the plan is in use: ask your vendor for more seats.');
    expect(rows[1]).toContain('409');
    expect(rows[1]).toContain(
      'A user with this userName already exists: link it in the IdP or change the userName.',
    );
    expect(rows[2]).toContain('<span class="badge badge-ok">201</span>');
    for (const row of rows) expect(row).toContain('<td>Okta</td>');

    const errors = await portal.get('/portal/activity?errors=1').expect(200);
    expect(errors.text.split('<tr>').slice(2)).toHaveLength(2);
    expect(errors.text).not.toContain('badge-ok">201');

    const entryId = /href="\/portal\/activity\/([0-9a-f-]{36})"/.exec(rows[0])![1];
    const detail = await portal.get(`/portal/activity/${entryId}`).expect(200);
    expect(detail.text).toContain('<h2>Request body</h2><pre>');
    expect(detail.text).toContain('bob@acme.test');
    expect(detail.text).not.toContain('Sup3r-secret!');
    expect(detail.text).toContain('<h2>Response body</h2><pre>');
    expect(detail.text).toContain('seat limit reached: 1 of 1 seats in use');
    expect(detail.text).toContain(`<code>${tenant.token.slice(0, 12)}…</code>`);
    expect(detail.text).not.toContain(tenant.token);

    const person = await portal.get(`/portal/users/${ann.body.id}`).expect(200);
    expect(person.text).toContain('<h2 id="recent">Recent activity</h2>');
    expect(person.text).toMatch(/POST \/Users <span class="badge badge-ok">201<\/span>/);

    // Another tenant's entry is not found from this session.
    const other = await createTenant(t);
    await okta(t, other).get('/Users/00000000-0000-4000-8000-000000000000').expect(404);
    const otherPortal = await signIn(t, other.id);
    const otherId = /href="\/portal\/activity\/([0-9a-f-]{36})"/.exec(
      (await otherPortal.get('/portal/activity').expect(200)).text,
    )![1];
    await portal.get(`/portal/activity/${otherId}`).expect(404);
  });
});
