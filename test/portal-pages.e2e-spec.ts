import { signIn } from './helpers/portal';
import { admin, createTenant, createTestApp, patchOp, scim, TestApp } from './helpers/test-app';

const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  ...extra,
});

/** The portal's pages through HTTP: what they show and what their forms change, with audit events. */
describe('Portal pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function events(tenantId: string, prefix = 'portal.') {
    const feed = await admin(t).get(`/admin/tenants/${tenantId}/events?limit=500`).expect(200);
    return (feed.body.items as Array<{ type: string; data: Record<string, unknown> }>).filter(
      (e) => e.type.startsWith(prefix) && e.type !== 'portal.signed_in',
    );
  }

  it('generates a token shown once, lists it by prefix, and revokes it behind a confirmation', async () => {
    const tenant = await createTenant(t);
    const portal = await signIn(t, tenant.id);
    await portal.post('/portal/tokens', { description: '' }).expect(400);
    await portal.post('/portal/tokens', { description: 'Okta', expiresInDays: '7' }).expect(400);
    await portal.post('/portal/tokens', { description: 'Okta', csrf: 'forged' }).expect(403);
    expect((await admin(t).get(`/admin/tenants/${tenant.id}/tokens`).expect(200)).body.items).toHaveLength(1);

    const created = await portal
      .post('/portal/tokens', { description: 'Okta', expiresInDays: '90' })
      .expect(200);
    const secret = /id="token-value" type="text" readonly value="(rcs_[A-Za-z0-9_-]{43})"/.exec(
      created.text,
    )?.[1];
    expect(secret).toBeDefined();
    expect(created.text).toContain('It is shown only this once');
    const listed = (await admin(t).get(`/admin/tenants/${tenant.id}/tokens`).expect(200)).body
      .items as Array<{
      id: string;
      prefix: string;
      description: string;
      expiresAt: string;
    }>;
    const okta = listed.find((k) => k.description === 'Okta')!;
    expect(okta.prefix).toBe(secret!.slice(0, 12));
    expect(new Date(okta.expiresAt).getTime() - Date.now()).toBeGreaterThan(89 * 86_400_000);
    // The token works, and the tokens page never shows it again.
    await scim(t, { ...tenant, token: secret! })
      .get('/Users?startIndex=1&count=1')
      .expect(200);
    const page = await portal.get('/portal/tokens').expect(200);
    expect(page.text).toContain(`<code>${okta.prefix}…</code>`);
    expect(page.text).not.toContain(secret);

    const confirm = await portal.get(`/portal/tokens/${okta.id}/revoke`).expect(200);
    expect(confirm.text).toContain('<h1>Revoke this token?</h1>');
    await scim(t, { ...tenant, token: secret! })
      .get('/Users')
      .expect(200); // a GET of the page revokes nothing
    const revoked = await portal.post(`/portal/tokens/${okta.id}/revoke`).expect(303);
    expect(revoked.headers.location).toBe(`/portal/tokens?revoked=${okta.prefix}`);
    await scim(t, { ...tenant, token: secret! })
      .get('/Users')
      .expect(401);
    await portal.post(`/portal/tokens/${okta.id}/revoke`).expect(404);

    expect((await events(tenant.id)).map((e) => [e.type, e.data])).toEqual([
      [
        'portal.token_generated',
        {
          sessionId: expect.any(String),
          token: { id: okta.id, prefix: okta.prefix, description: 'Okta', expiresAt: okta.expiresAt },
        },
      ],
      [
        'portal.token_revoked',
        {
          sessionId: expect.any(String),
          token: { id: okta.id, prefix: okta.prefix, description: 'Okta', expiresAt: okta.expiresAt },
        },
      ],
    ]);
  });

  it('shows the seats and changes the account size unless the operator keeps it', async () => {
    const tenant = await createTenant(t, 2);
    await admin(t)
      .patch(`/admin/tenants/${tenant.id}`, { seatQuota: { amount: 10, unit: 'GB' } })
      .expect(200);
    const api = scim(t, tenant);
    await api.post('/Users', user('ann@acme.test')).expect(201);
    await api.post('/Users', user('bob@acme.test')).expect(201);
    await admin(t).patch(`/admin/tenants/${tenant.id}`, { seatLimit: 1 }).expect(200);
    const portal = await signIn(t, tenant.id);
    const page = await portal.get('/portal/seats').expect(200);
    expect(page.text).toContain('More seats are in use (2) than your plan has (1).');
    expect(page.text).toMatch(
      /<span class="value">1<\/span>Limit.*<span class="value">2<\/span>Used.*<span class="value">0<\/span>Available.*<span class="value">2<\/span>Invited.*<span class="value">0<\/span>Claimed/s,
    );

    await portal.post('/portal/seats/account-size', { amount: '-1', unit: 'GB' }).expect(400);
    await portal.post('/portal/seats/account-size', { amount: '5', unit: 'PB' }).expect(400);
    const saved = await portal.post('/portal/seats/account-size', { amount: '50', unit: 'GB' }).expect(303);
    expect(saved.headers.location).toBe('/portal/seats?saved=1');
    const tenantAfter = (await admin(t).get(`/admin/tenants/${tenant.id}`).expect(200)).body;
    expect(tenantAfter.seatQuota).toEqual({ amount: 50, unit: 'GB' });
    expect((await events(tenant.id)).map((e) => [e.type, e.data])).toEqual([
      [
        'portal.account_size_changed',
        {
          sessionId: expect.any(String),
          before: { amount: 10, unit: 'GB' },
          after: { amount: 50, unit: 'GB' },
        },
      ],
    ]);

    await admin(t).patch(`/admin/tenants/${tenant.id}`, { portalQuotaEditable: false }).expect(200);
    const readOnly = await portal.get('/portal/seats').expect(200);
    expect(readOnly.text).toContain('50 GB.');
    expect(readOnly.text).not.toContain('name="amount"');
    const refused = await portal.post('/portal/seats/account-size', { amount: '60', unit: 'GB' }).expect(403);
    expect(refused.text).toContain('The account size is set by your vendor and cannot be changed here');
    expect((await admin(t).get(`/admin/tenants/${tenant.id}`).expect(200)).body.seatQuota).toEqual({
      amount: 50,
      unit: 'GB',
    });
    expect(await events(tenant.id)).toHaveLength(1);
  });

  it('lists people with their status, searchable by name or email, a page at a time', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const jane = await api
      .post(
        '/Users',
        user('jane@acme.test', {
          name: { givenName: 'Jane', familyName: 'Doe' },
          emails: [{ value: 'jane.doe@mail.test', primary: true }],
        }),
      )
      .expect(201);
    await api.post('/Users', user('joe@acme.test', { displayName: 'Joe Bloggs', active: false })).expect(201);
    const claimed = await api.post('/Users', user('kim@acme.test', { displayName: 'Kim' })).expect(201);
    await admin(t).post(`/admin/tenants/${tenant.id}/seats/${claimed.body.id}/claim`).expect(200);
    for (let i = 0; i < 25; i += 1)
      await api.post('/Users', user(`z${String(i).padStart(2, '0')}@acme.test`)).expect(201);
    const portal = await signIn(t, tenant.id);

    const first = await portal.get('/portal/users').expect(200);
    expect(first.text).toContain('1–25 of 28 people');
    expect(first.text).toMatch(
      /Jane Doe<\/a><div class="hint">jane@acme.test<\/div><\/td><td>jane.doe@mail.test<\/td><td><span class="badge badge-warn">Invited<\/span>/,
    );
    expect(first.text).toMatch(/Joe Bloggs<\/a>.*?<span class="badge badge-bad">Deactivated<\/span>/s);
    expect(first.text).toMatch(/Kim<\/a>.*?<span class="badge badge-ok">Active<\/span>/s);
    expect(first.text).toContain('<a href="/portal/users?page=2">Next page</a>');
    const second = await portal.get('/portal/users?page=2').expect(200);
    expect(second.text).toContain('26–28 of 28 people');

    const byEmail = await portal.get('/portal/users?q=DOE%40MAIL').expect(200);
    expect(byEmail.text).toContain('1–1 of 1 people');
    expect(byEmail.text).toContain('jane@acme.test');
    const byName = await portal.get('/portal/users?q=bloggs').expect(200);
    expect(byName.text).toContain('joe@acme.test');
    expect(byName.text).not.toContain('jane@acme.test');
    const nul = await portal.get('/portal/users?q=a%00b').expect(400);
    expect(nul.text).toContain('The search contains a NUL character (U+0000), which cannot be stored');
    await portal.post('/portal/tokens', { description: 'a\u0000b' }).expect(400);
    const none = await portal.get('/portal/users?q=%22%5C%25_').expect(200);
    expect(none.text).toContain('No people');

    const person = await portal.get(`/portal/users/${jane.body.id}`).expect(200);
    expect(person.text).toContain('<h1>Jane Doe</h1>');
    expect(person.text).toContain('<dt>Status</dt><dd>invited</dd>');
    await portal.get('/portal/users/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('lists groups with their member counts', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const a = await api.post('/Users', user('a@acme.test')).expect(201);
    const b = await api.post('/Users', user('b@acme.test')).expect(201);
    const eng = await api
      .post('/Groups', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: 'Engineering',
        members: [{ value: a.body.id }, { value: b.body.id }],
      })
      .expect(201);
    await api
      .post('/Groups', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: 'All staff',
        members: [{ value: eng.body.id }],
      })
      .expect(201);
    await api
      .patch(`/Groups/${eng.body.id}`, patchOp({ op: 'remove', path: `members[value eq "${b.body.id}"]` }))
      .expect(204);
    const portal = await signIn(t, tenant.id);
    const page = await portal.get('/portal/groups').expect(200);
    expect(page.text).toMatch(
      /<td>All staff<\/td><td class="num">1<\/td>.*<td>Engineering<\/td><td class="num">1<\/td>/s,
    );
    const search = await portal.get('/portal/groups?q=eng').expect(200);
    expect(search.text).toContain('1–1 of 1 groups');
    const person = await portal.get(`/portal/users/${a.body.id}`).expect(200);
    expect(person.text).toMatch(/<li>Engineering<\/li>/);
    expect(person.text).toMatch(/<li>All staff<span class="hint"> \(through a nested group\)<\/span><\/li>/);
  });

  it('escapes everything an IdP sent', async () => {
    const tenant = await createTenant(t);
    const xss = '<img src=x onerror=alert(1)>';
    const created = await scim(t, tenant)
      .post('/Users', user('xss@acme.test', { displayName: xss, title: '"><script>alert(2)</script>' }))
      .expect(201);
    const portal = await signIn(t, tenant.id);
    for (const path of [
      '/portal/users',
      `/portal/users/${created.body.id}`,
      `/portal/users?q=${encodeURIComponent(xss)}`,
    ]) {
      const page = await portal.get(path).expect(200);
      expect(page.text).not.toContain('<img src=x');
      expect(page.text).not.toContain('<script>alert');
      expect(page.text).toContain('&lt;img src=x onerror=alert(1)>');
    }
  });

  it('shows the tenant URL and the exact steps of each IdP', async () => {
    const tenant = await createTenant(t);
    const portal = await signIn(t, tenant.id);
    const okta = await portal.get('/portal/setup').expect(200);
    const url = `https://rollcall.test/scim/v2/${tenant.id}`;
    expect(okta.text).toContain(`<input id="tenant-url-value" type="text" readonly value="${url}"`);
    for (const field of [
      'SCIM connector base URL',
      'Unique identifier field for users',
      'HTTP Header',
      'Test Connector Configuration',
      'Test API Credentials',
      'To App',
      'Create Users',
      'Update User Attributes',
      'Deactivate Users',
      'Push Groups',
    ]) {
      expect(okta.text).toContain(`<span class="field-name">${field}</span>`);
    }
    const entra = await portal.get('/portal/setup?idp=entra').expect(200);
    for (const field of ['Tenant URL', 'Secret Token', 'Test Connection', 'Provisioning Status', 'On']) {
      expect(entra.text).toContain(`<span class="field-name">${field}</span>`);
    }
    expect(entra.text).toContain('Entra quarantines a provisioning job whose calls keep failing');
    expect(entra.text).toContain(
      '<a href="/portal/setup?idp=entra" aria-current="true">Microsoft Entra ID</a>',
    );
    for (const idp of ['onelogin', 'jumpcloud', 'other']) {
      expect((await portal.get(`/portal/setup?idp=${idp}`).expect(200)).text).toContain(url);
    }
  });
});
