import { Client } from 'pg';
import { ActivityWriter } from '../src/activity/activity-writer';
import { activity, ENTRA, Entry, flushActivity, OKTA, storedText } from './helpers/activity';
import { statementsDuring } from './helpers/statements';
import { admin, createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from './helpers/test-app';
import { expectAdminError } from './helpers/admin-errors';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const UNAUTHORIZED = { schemas: [ERROR], status: '401', detail: 'A valid bearer token is required' };
const NOBODY = '00000000-0000-4000-8000-00000000abcd';

const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [USER],
  userName,
  ...extra,
});

/** The fields of an entry a scenario is about. */
const brief = (e: Entry) => ({
  method: e.method,
  route: e.route,
  status: e.status,
  client: e.client,
  errorCode: e.errorCode,
});

describe('Activity log: entries, hints and bodies', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('records each 401 with its reason, counted per reason and address, and answers every 401 alike', async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const revoked = await admin(t).post(`/admin/tenants/${a.id}/tokens`, {}).expect(201);
    await admin(t).delete(`/admin/tenants/${a.id}/tokens/${revoked.body.id}`).expect(204);
    const expiring = await admin(t)
      .post(`/admin/tenants/${a.id}/tokens`, { expiresAt: new Date(Date.now() + 1000).toISOString() })
      .expect(201);
    await new Promise((r) => setTimeout(r, 1100));
    const bearer = (token: string) => `Bearer ${token}`;
    const attempts: Array<[string, string | undefined]> = [
      ['no_token', undefined],
      ['no_token', undefined],
      ['malformed', `Basic ${a.token}`],
      ['unknown', bearer(`rcs_${'A'.repeat(43)}`)],
      ['revoked', bearer(revoked.body.token as string)],
      ['expired', bearer(expiring.body.token as string)],
      ['wrong_tenant', bearer(b.token)],
    ];
    for (const [, authorization] of attempts) {
      const req = t.http
        .post(`${a.base}/Users`)
        .set('User-Agent', OKTA)
        .set('Content-Type', 'application/scim+json');
      if (authorization) req.set('Authorization', authorization);
      const res = await req
        .send(JSON.stringify(user('jane@acme.com', { password: 'Never-Read-1' })))
        .expect(401);
      expect(res.body).toEqual(UNAUTHORIZED);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="Rollcall"');
    }
    await admin(t).patch(`/admin/tenants/${a.id}`, { enabled: false }).expect(200);
    const disabled = await scim(t, a).get('/Users').set('User-Agent', OKTA).expect(401);
    expect(disabled.body).toEqual(UNAUTHORIZED);

    const page = await activity(t, a.id, 'status=401');
    // One entry per reason (two, should the requests straddle a minute), counting its requests.
    const byReason = new Map<string, unknown[]>();
    for (const e of page.items) {
      const [count] = (byReason.get(e.authFailure as string) ?? [0]) as [number];
      byReason.set(e.authFailure as string, [
        count + e.count,
        e.aggregated,
        e.client,
        e.method,
        e.route,
        e.errorCode,
      ]);
    }
    expect(Object.fromEntries(byReason)).toEqual({
      expired: [1, true, 'okta', 'POST', '/Users', 'token_expired'],
      malformed: [1, true, 'okta', 'POST', '/Users', 'token_unknown'],
      no_token: [2, true, 'okta', 'POST', '/Users', 'token_missing'],
      revoked: [1, true, 'okta', 'POST', '/Users', 'token_revoked'],
      tenant_disabled: [1, true, 'okta', 'GET', '/Users', 'tenant_disabled'],
      unknown: [1, true, 'okta', 'POST', '/Users', 'token_unknown'],
      wrong_tenant: [1, true, 'okta', 'POST', '/Users', 'token_of_another_tenant'],
    });
    expect(page.items.length).toBeLessThanOrEqual(8);
    const revokedEntry = page.items.find((e) => e.authFailure === 'revoked') as Entry;
    expect(revokedEntry.hint).toBe('The token in the IdP was revoked or has expired: generate a new one.');
    expect(revokedEntry.detail).toBe(UNAUTHORIZED.detail);
    // The token is checked before the body is read: an unauthenticated entry holds none.
    for (const entry of page.items) {
      const detail = await admin(t).get(`/admin/tenants/${a.id}/activity/${entry.id}`).expect(200);
      expect(detail.body).toMatchObject({ requestBody: null, userName: null, tokenPrefix: null });
    }
    expect(await storedText(t, a.id)).not.toContain('Never-Read-1');
    // B's own log says nothing of its token being tried on A's URL.
    expect((await activity(t, b.id)).items).toEqual([]);
  });

  it('gives the common failures their hint: seat limit, userName taken, a bad PATCH, an unknown id, SCIM off', async () => {
    const tenant = await createTenant(t, 1);
    const api = scim(t, tenant);
    const jane = await api.post('/Users', user('jane@acme.com')).set('User-Agent', OKTA).expect(201);
    await api.post('/Users', user('john@acme.com')).set('User-Agent', OKTA).expect(403);
    await api
      .post('/Users', user('Jane@Acme.com', { active: false }))
      .set('User-Agent', ENTRA)
      .expect(409);
    const badPatch = await api
      .patch(`/Users/${jane.body.id}`, patchOp({ op: 'Replace', path: 'favouriteColour', value: 'red' }))
      .set('User-Agent', ENTRA)
      .expect(400);
    await api.get(`/Users/${NOBODY}`).set('User-Agent', OKTA).expect(404);
    await admin(t).patch(`/admin/tenants/${tenant.id}`, { scimEnabled: false }).expect(200);
    await api.get('/Users?startIndex=1&count=1').set('User-Agent', OKTA).expect(403);

    const failures = (await activity(t, tenant.id, 'outcome=error')).items;
    expect(
      failures.map((e) => [e.status, e.scimType, e.errorCode, e.hint, e.userName, e.resourceId]),
    ).toEqual([
      [403, null, 'scim_disabled', 'SCIM provisioning is turned off in the setup page.', null, null],
      [
        404,
        null,
        'user_not_found',
        'The IdP holds an id this tenant no longer has: unassign and reassign the user in the IdP.',
        null,
        NOBODY,
      ],
      [
        400,
        'invalidPath',
        'invalid_path',
        'The IdP sent an attribute this service does not know: check the attribute mappings in the IdP.',
        null,
        jane.body.id,
      ],
      [
        409,
        'uniqueness',
        'user_name_taken',
        'A user with this userName already exists: link it in the IdP or change the userName.',
        'Jane@Acme.com',
        null,
      ],
      [
        403,
        null,
        'seat_limit_reached',
        'Every seat of the plan is in use: ask your vendor for more seats.',
        'john@acme.com',
        null,
      ],
    ]);
    expect(failures.map((e) => e.detail)).toEqual([
      'SCIM provisioning is turned off for this organisation',
      `User ${NOBODY} not found`,
      badPatch.body.detail,
      'userName is already taken by another User of this tenant',
      'seat limit reached: 1 of 1 seats in use',
    ]);
    const patchEntry = failures[2];
    expect(patchEntry).toMatchObject({
      method: 'PATCH',
      route: '/Users/:id',
      resourceType: 'User',
      client: 'entra',
      operations: [{ op: 'Replace', path: 'favouriteColour' }],
      aggregated: false,
      count: 1,
    });
    const detail = await admin(t).get(`/admin/tenants/${tenant.id}/activity/${patchEntry.id}`).expect(200);
    expect(JSON.parse(detail.body.responseBody as string)).toEqual(badPatch.body);
    expect(JSON.parse(detail.body.requestBody as string)).toEqual(
      patchOp({ op: 'Replace', path: 'favouriteColour', value: 'red' }),
    );
  });

  it('never keeps a password, a token or a header off the safe list, and marks a body cut at the limit', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const secretHeaders = { 'X-Api-Key': 'header-secret-1', Cookie: 'session=cookie-secret-2' };
    await api
      .post('/Users', user('jane@acme.com', { password: 'Pa55-created' }))
      .set(secretHeaders)
      .expect(201);
    const taken = await api
      .post(
        '/Users',
        user('jane@acme.com', {
          password: 'Pa55-conflict',
          [ENTERPRISE]: { department: 'R&D', password: 'Pa55-in-extension' },
          [`${USER}:password`]: 'Pa55-by-urn',
        }),
      )
      .set(secretHeaders)
      .set('User-Agent', ENTRA)
      .expect(400);
    await api
      .patch(`/Users/${NOBODY}`, patchOp({ op: 'replace', path: 'password', value: 'Pa55-patched' }))
      .set(secretHeaders)
      .expect(404);
    await api
      .patch(`/Users/${NOBODY}`, patchOp({ op: 'replace', value: { password: 'Pa55-no-path' } }))
      .expect(404);

    const items = (await activity(t, tenant.id)).items;
    expect(items.map(brief)).toEqual([
      { method: 'PATCH', route: '/Users/:id', status: 404, client: 'other', errorCode: 'user_not_found' },
      { method: 'PATCH', route: '/Users/:id', status: 404, client: 'other', errorCode: 'user_not_found' },
      { method: 'POST', route: '/Users', status: 400, client: 'entra', errorCode: expect.any(String) },
      { method: 'POST', route: '/Users', status: 201, client: 'other', errorCode: null },
    ]);
    const bodies = await Promise.all(
      items.map(
        async (e) => (await admin(t).get(`/admin/tenants/${tenant.id}/activity/${e.id}`).expect(200)).body,
      ),
    );
    // ACTIVITY_BODIES=errors: the success keeps none; each failure its request and the error answered.
    expect(bodies[3]).toMatchObject({
      requestBody: null,
      responseBody: null,
      contentType: 'application/scim+json; charset=utf-8',
    });
    expect(JSON.parse(bodies[2].requestBody)).toEqual(
      user('jane@acme.com', {
        password: '[redacted]',
        [ENTERPRISE]: { department: 'R&D', password: '[redacted]' },
        [`${USER}:password`]: '[redacted]',
      }),
    );
    expect(JSON.parse(bodies[2].responseBody)).toEqual(taken.body);
    expect(JSON.parse(bodies[1].requestBody)).toEqual(
      patchOp({ op: 'replace', path: 'password', value: '[redacted]' }),
    );
    expect(JSON.parse(bodies[0].requestBody)).toEqual(
      patchOp({ op: 'replace', value: { password: '[redacted]' } }),
    );
    expect(bodies.every((b) => b.requestBodyTruncated === false && b.responseBodyTruncated === false)).toBe(
      true,
    );

    const stored = await storedText(t, tenant.id);
    for (const secret of [
      'Pa55-',
      'header-secret-1',
      'cookie-secret-2',
      tenant.token,
      tenant.token.slice(12),
    ]) {
      expect(stored).not.toContain(secret);
    }
    expect(stored).toContain(tenant.token.slice(0, 12) === '' ? 'never' : 'jane@acme.com');

    // What PostgreSQL cannot store (NUL, a lone surrogate) is kept as U+FFFD, and the batch is written.
    await api.post('/Users', { schemas: [USER], userName: 'nul\u0000\ud800', 'odd\u0000key': 1 }).expect(400);
    const [odd] = (await activity(t, tenant.id, 'status=400')).items;
    expect([odd.userName, odd.detail]).toEqual([
      'nul\ufffd\ufffd',
      // The body check names the key with its NUL escaped, so nothing unstorable reaches the log.
      'odd\\u0000key contains a NUL character (U+0000), which cannot be stored',
    ]);
    expect(t.app.get(ActivityWriter).state().failingFlushes).toBe(0);

    // A body over ACTIVITY_BODY_MAX_BYTES is cut at a character boundary, within the limit, and marked.
    const small = await createTestApp({ env: { ACTIVITY_BODY_MAX_BYTES: '256', ACTIVITY_BODIES: 'all' } });
    try {
      const other = await createTenant(small);
      const long = user('émile@acme.com', { displayName: 'É'.repeat(400), password: 'Pa55-long' });
      const created = await scim(small, other).post('/Users', long).expect(201);
      const [entry] = (await activity(small, other.id)).items;
      expect(entry).toMatchObject({ status: 201, resourceId: created.body.id, userName: 'émile@acme.com' });
      const kept = (await admin(small).get(`/admin/tenants/${other.id}/activity/${entry.id}`).expect(200))
        .body;
      expect(kept.requestBodyTruncated).toBe(true);
      expect(Buffer.byteLength(kept.requestBody as string)).toBeLessThanOrEqual(256);
      expect(Buffer.byteLength(kept.requestBody as string)).toBeGreaterThan(250);
      expect(kept.requestBody).toBe(
        JSON.stringify({ ...long, password: '[redacted]' }).slice(0, (kept.requestBody as string).length),
      );
      expect(kept.responseBody).toBeNull();
      expect(await storedText(small, other.id)).not.toContain('Pa55-long');
    } finally {
      await small.close();
    }

    const none = await createTestApp({ env: { ACTIVITY_BODIES: 'none' } });
    try {
      const other = await createTenant(none);
      await scim(none, other)
        .post('/Users', { schemas: [USER] })
        .expect(400);
      const [entry] = (await activity(none, other.id)).items;
      const kept = (await admin(none).get(`/admin/tenants/${other.id}/activity/${entry.id}`).expect(200))
        .body;
      expect(kept).toMatchObject({
        status: 400,
        requestBody: null,
        responseBody: null,
        detail: expect.any(String),
      });
    } finally {
      await none.close();
    }
  });

  it('counts successful reads per minute, and lists them one by one with ACTIVITY_READS=all', async () => {
    const tenant = await createTenant(t);
    const created = await scim(t, tenant).post('/Users', user('reader@acme.com')).expect(201);
    for (let i = 0; i < 25; i += 1)
      await scim(t, tenant).get(`/Users/${created.body.id}`).set('User-Agent', OKTA).expect(200);
    const reads = (await activity(t, tenant.id, 'outcome=success')).items.filter((e) => e.method === 'GET');
    expect(reads.map((e) => [e.route, e.aggregated, e.client, e.status, e.resourceId])).toEqual(
      reads.length === 1
        ? [['/Users/:id', true, 'okta', 200, null]]
        : // The reads straddled a minute: two tallies.
          [
            ['/Users/:id', true, 'okta', 200, null],
            ['/Users/:id', true, 'okta', 200, null],
          ],
    );
    expect(reads.reduce((sum, e) => sum + e.count, 0)).toBe(25);

    const all = await createTestApp({ env: { ACTIVITY_READS: 'all' } });
    try {
      const other = await createTenant(all);
      const made = await scim(all, other).post('/Users', user('reader@acme.com')).expect(201);
      for (let i = 0; i < 5; i += 1) await scim(all, other).get(`/Users/${made.body.id}`).expect(200);
      const listed = (await activity(all, other.id, `resourceId=${made.body.id}`)).items;
      expect(listed.map((e) => [e.method, e.status, e.aggregated, e.count])).toEqual([
        ...Array.from({ length: 5 }, () => ['GET', 200, false, 1]),
        ['POST', 201, false, 1],
      ]);
    } finally {
      await all.close();
    }
  });

  it("counts the requests over the tenant's rate limit in one entry a minute, with their hint", async () => {
    const created = await admin(t)
      .post('/admin/tenants', { name: 'Throttled', scimRateLimit: { perSecond: 1, burst: 2 } })
      .expect(201);
    const token = (await admin(t).post(`/admin/tenants/${created.body.id}/tokens`, {}).expect(201)).body
      .token;
    const tenant = {
      id: created.body.id as string,
      token: token as string,
      base: `/scim/v2/${created.body.id}`,
    };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push(
        (
          await scim(t, tenant)
            .post('/Users', user(`burst-${i}@acme.com`))
            .set('User-Agent', ENTRA)
        ).status,
      );
    }
    expect(statuses).toEqual([201, 201, 429, 429, 429]);
    const items = (await activity(t, tenant.id)).items;
    const throttled = items.filter((e) => e.status === 429);
    expect(items.filter((e) => e.status === 201).map((e) => [e.aggregated, e.count])).toEqual([
      [false, 1],
      [false, 1],
    ]);
    // One tally (two, should the requests straddle a minute) of the three refusals.
    expect(throttled.reduce((sum, e) => sum + e.count, 0)).toBe(3);
    expect(throttled.length).toBeLessThanOrEqual(2);
    for (const e of throttled)
      expect([e.aggregated, e.errorCode, e.client]).toEqual([true, 'rate_limited', 'entra']);
    expect(throttled[0].hint).toBe(
      'The IdP sent more requests than the plan allows at once; it retries by itself.',
    );
  });

  it('writes nothing for a tenant id that names no tenant, and looks no tenant up on the request path', async () => {
    const known = await createTenant(t);
    const unknown = '3b7c2f0e-9a41-4c55-8e0d-6f2a1b9c7d10';
    const request = (tenantId: string) =>
      t.http
        .get(`/scim/v2/${tenantId}/Users`)
        .set('Authorization', `Bearer rcs_${'B'.repeat(43)}`)
        .expect(401);
    const forKnown = await statementsDuring(() => request(known.id));
    const forUnknown = await statementsDuring(() => request(unknown));
    expect(forUnknown).toEqual(forKnown);
    expect(forUnknown.join('\n')).not.toMatch(/FROM tenant\b/);

    await t.http.get(`/scim/v2/${unknown}/Users`).expect(401);
    await scim(t, { ...known, base: `/scim/v2/${unknown}` })
      .post('/Users', user('x@acme.com'))
      .expect(401);
    await t.http.get(`/scim/v2/${unknown.toUpperCase()}/Groups`).expect(401);
    await t.http.get('/scim/v2/not-a-tenant/Users').expect(401);
    await flushActivity(t);
    for (const table of ['activity_entry', 'activity_minute', 'activity_connection']) {
      const rows: Array<{ n: number }> = await t.db.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`,
        [unknown],
      );
      expect([table, rows[0].n]).toEqual([table, 0]);
    }
    expect((await activity(t, known.id)).items.map((e) => [e.status, e.authFailure])).toEqual([
      [401, 'unknown'],
    ]);
  });

  it('summarises the connection from the per-minute totals and the newest requests', async () => {
    const tenant = await createTenant(t);
    const none = await admin(t).get(`/admin/tenants/${tenant.id}/connection`).expect(200);
    expect(none.body).toEqual({
      connected: false,
      firstRequest: null,
      lastRequest: null,
      lastSuccess: null,
      lastFailure: null,
      lastHour: { requests: 0, errors: 0, errorRate: 0 },
      last24Hours: { requests: 0, errors: 0, errorRate: 0 },
      lastToken: null,
    });
    const api = scim(t, tenant);
    await t.http.get(`${tenant.base}/Users`).set('User-Agent', ENTRA).expect(401);
    await api.get('/Users?startIndex=1&count=1').set('User-Agent', OKTA).expect(200);
    await api.post('/Users', user('jane@acme.com')).set('User-Agent', OKTA).expect(201);
    await api.post('/Users', user('jane@acme.com')).set('User-Agent', OKTA).expect(409);
    await api.get('/Groups?startIndex=1&count=100').set('User-Agent', OKTA).expect(200);
    const entries = (await activity(t, tenant.id)).items;
    const conflict = entries.find((e) => e.status === 409) as Entry;
    const tokens = (await admin(t).get(`/admin/tenants/${tenant.id}/tokens`).expect(200)).body.items;

    // Two hours ago, from the totals alone: counted in the day, not in the hour.
    const earlier = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 3_600_000);
    await t.db.query(
      `INSERT INTO activity_minute (tenant_id, minute, requests, errors) VALUES ($1, $2, 10, 5)`,
      [tenant.id, earlier],
    );
    const summary = await admin(t).get(`/admin/tenants/${tenant.id}/connection`).expect(200);
    const at = (status: number) => entries.find((e) => e.status === status)?.at;
    expect(summary.body).toEqual({
      connected: true,
      firstRequest: { at: at(401), client: 'entra' },
      lastRequest: { at: entries[0].at, client: 'okta', status: 200 },
      lastSuccess: { at: entries[0].at, client: 'okta' },
      lastFailure: {
        at: conflict.at,
        client: 'okta',
        status: 409,
        detail: 'userName is already taken by another User of this tenant',
        hint: 'A user with this userName already exists: link it in the IdP or change the userName.',
        entryId: conflict.id,
      },
      lastHour: { requests: 5, errors: 2, errorRate: 0.4 },
      last24Hours: { requests: 15, errors: 7, errorRate: 0.4667 },
      lastToken: {
        id: tokens[0].id,
        prefix: tenant.token.slice(0, 12),
        description: 'test',
        usedAt: entries[0].at,
      },
    });
    // The rates never read the entries.
    await t.db.query('DELETE FROM activity_entry WHERE tenant_id = $1', [tenant.id]);
    const again = await admin(t).get(`/admin/tenants/${tenant.id}/connection`).expect(200);
    expect([again.body.lastHour, again.body.last24Hours]).toEqual([
      summary.body.lastHour,
      summary.body.last24Hours,
    ]);
    await admin(t).get(`/admin/tenants/${NOBODY}/connection`).expect(404);
  });
});

describe('Activity log: filters and paging', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let all: Entry[];
  let ids: { jane: string; john: string };
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    const api = scim(t, tenant);
    const jane = await api.post('/Users', user('jane@acme.com')).set('User-Agent', OKTA).expect(201);
    const john = await api.post('/Users', user('john@acme.com')).set('User-Agent', ENTRA).expect(201);
    await api.post('/Users', user('JANE@acme.com')).set('User-Agent', ENTRA).expect(409);
    await api
      .patch(`/Users/${john.body.id}`, patchOp({ op: 'replace', path: 'active', value: false }))
      .set('User-Agent', OKTA)
      .expect(200);
    await api.delete(`/Users/${jane.body.id}`).set('User-Agent', OKTA).expect(204);
    await api.get(`/Users/${jane.body.id}`).set('User-Agent', OKTA).expect(404);
    ids = { jane: jane.body.id, john: john.body.id };
    all = (await activity(t, tenant.id)).items;
  });
  afterAll(() => t.close());

  const statuses = async (query: string) => (await activity(t, tenant.id, query)).items.map((e) => e.status);

  it('lists newest first', () => {
    expect(all.map((e) => [e.method, e.status, e.client])).toEqual([
      ['GET', 404, 'okta'],
      ['DELETE', 204, 'okta'],
      ['PATCH', 200, 'okta'],
      ['POST', 409, 'entra'],
      ['POST', 201, 'entra'],
      ['POST', 201, 'okta'],
    ]);
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
  });

  it('filters by outcome, status, resource, userName (any case), client and time', async () => {
    expect(await statuses('outcome=error')).toEqual([404, 409]);
    expect(await statuses('outcome=success')).toEqual([204, 200, 201, 201]);
    expect(await statuses('status=409')).toEqual([409]);
    expect(await statuses(`resourceId=${ids.john}`)).toEqual([200, 201]);
    expect(await statuses(`resourceId=${ids.jane}`)).toEqual([404, 204, 201]);
    expect(await statuses('userName=Jane%40ACME.com')).toEqual([409, 201]);
    expect(await statuses('client=entra')).toEqual([409, 201]);
    expect(await statuses('client=entra&outcome=success')).toEqual([201]);
    const patchAt = all[2].at;
    expect(await statuses(`since=${encodeURIComponent(patchAt)}`)).toEqual([404, 204, 200]);
    expect(await statuses(`until=${encodeURIComponent(patchAt)}`)).toEqual([409, 201, 201]);
    expect(await statuses('status=500')).toEqual([]);
  });

  it('pages by cursor, each entry once, nextCursor null at the end', async () => {
    const seen: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await activity(t, tenant.id, `limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(all);
    const filtered = await activity(t, tenant.id, 'outcome=success&limit=3');
    expect(filtered.items.map((e) => e.status)).toEqual([204, 200, 201]);
    const rest = await activity(t, tenant.id, `outcome=success&limit=3&cursor=${filtered.nextCursor}`);
    expect([rest.items.map((e) => e.status), rest.nextCursor]).toEqual([[201], null]);
  });

  it('refuses bad parameters with a 400, an unknown tenant or entry with a 404', async () => {
    for (const query of [
      'outcome=maybe',
      'status=abc',
      'status=99',
      'client=ping',
      'since=yesterday',
      'limit=0',
      'limit=501',
      'cursor=garbage',
      'tenant=x',
    ]) {
      const res = await admin(t).get(`/admin/tenants/${tenant.id}/activity?${query}`).expect(400);
      expect(expectAdminError(res, 400).errors).toEqual([
        expect.objectContaining({ field: query.split('=')[0] }),
      ]);
    }
    const bogus = Buffer.from(JSON.stringify([new Date().toISOString(), 'not-a-uuid'])).toString('base64url');
    await admin(t).get(`/admin/tenants/${tenant.id}/activity?cursor=${bogus}`).expect(400);
    const missing = await admin(t).get(`/admin/tenants/${NOBODY}/activity`).expect(404);
    expect(expectAdminError(missing, 404).detail).toBe(`Tenant ${NOBODY} not found`);
    await admin(t).get(`/admin/tenants/${tenant.id}/activity/${NOBODY}`).expect(404);
    await admin(t).get(`/admin/tenants/${tenant.id}/activity/not-an-id`).expect(404);
    // Another tenant's entry is not this tenant's.
    const other = await createTenant(t);
    await admin(t).get(`/admin/tenants/${other.id}/activity/${all[0].id}`).expect(404);
    await t.http.get(`/admin/tenants/${tenant.id}/activity`).expect(401);
  });

  it('serves each filter from its index, newest first without a sort, in a tenant of 20,000 entries', async () => {
    const big = await createTenant(t);
    await t.db.query(
      `INSERT INTO activity_entry (tenant_id, id, at, last_at, duration_ms, client, method, route, status,
                                   resource_id, user_name)
       SELECT $1, gen_random_uuid(), now() - n * interval '1 second', now() - n * interval '1 second', 5,
              CASE WHEN n % 20 = 0 THEN 'entra' ELSE 'okta' END, 'PATCH', '/Users/:id',
              CASE WHEN n % 100 = 0 THEN 409 ELSE 200 END, 'resource-' || n, 'user' || n || '@acme.com'
         FROM generate_series(1, 20000) AS n`,
      [big.id],
    );
    await t.db.query('ANALYZE activity_entry');
    const recent = new Date(Date.now() - 30_000).toISOString();
    const plans: Record<string, string | RegExp> = {
      '': 'activity_entry_at_idx',
      'outcome=error': 'activity_entry_outcome_idx',
      // Nearly every entry succeeds: the time index, filtered, is the cheapest and serves it.
      'outcome=success': /activity_entry_(outcome|at)_idx/,
      'status=409': 'activity_entry_status_idx',
      'resourceId=resource-77': 'activity_entry_resource_idx',
      'userName=USER77%40acme.com': 'activity_entry_user_name_idx',
      'client=entra': 'activity_entry_client_idx',
      [`since=${encodeURIComponent(recent)}`]: 'activity_entry_at_idx',
    };
    for (const [query, index] of Object.entries(plans)) {
      const statement = await listingStatement(t, big.id, query);
      const plan = await t.db.transaction(async (m) => {
        await m.query('SET LOCAL enable_seqscan = off');
        const rows: Array<{ 'QUERY PLAN': string }> = await m.query(
          `EXPLAIN ${statement.text}`,
          statement.values,
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      const uses = typeof index === 'string' ? expect.stringContaining(index) : expect.stringMatching(index);
      expect([query, plan]).toEqual([query, uses]);
      expect([query, plan]).toEqual([query, expect.not.stringMatching(/Seq Scan on activity_entry|Sort\b/)]);
    }
    expect((await activity(t, big.id, 'userName=USER77%40acme.com')).items.map((e) => e.resourceId)).toEqual([
      'resource-77',
    ]);
  });
});

/** The listing's SQL and parameters, as the admin API runs it for `query`. */
async function listingStatement(t: TestApp, tenantId: string, query: string) {
  let captured: { text: string; values: unknown[] } | null = null;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the spied client as `this`
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
    this: Client,
    ...args: unknown[]
  ) {
    const [text, values] = args as [unknown, unknown];
    if (typeof text === 'string' && /FROM activity_entry e/.test(text))
      captured = { text, values: values as unknown[] };
    return original.apply(this, args);
  });
  try {
    await activity(t, tenantId, query);
  } finally {
    spy.mockRestore();
  }
  if (!captured) throw new Error('the listing ran no statement');
  return captured as { text: string; values: unknown[] };
}
