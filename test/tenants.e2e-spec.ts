import { createHash } from 'node:crypto';
import { admin, createTestApp, TestApp } from './helpers/test-app';
import { expectAdminError } from './helpers/admin-errors';

describe('Admin API: tenants and tokens', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('creates, reads, updates and deletes a tenant', async () => {
    const created = await admin(t).post('/admin/tenants', { name: 'Acme', seatLimit: 50 }).expect(201);
    const id = created.body.id as string;
    expect(created.body).toEqual({
      id,
      name: 'Acme',
      externalId: null,
      scimBaseUrl: `https://rollcall.test/scim/v2/${id}`,
      seatLimit: 50,
      seatQuota: null,
      seatsUsed: 0,
      enabled: true,
      scimEnabled: true,
      scimRateLimit: { perSecond: null, burst: null },
      portalQuotaEditable: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    await admin(t).get(`/admin/tenants/${id}`).expect(200, created.body);

    const updated = await admin(t)
      .patch(`/admin/tenants/${id}`, { name: 'Acme Corp', seatLimit: null, enabled: false })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'Acme Corp', seatLimit: null, enabled: false });

    await admin(t).delete(`/admin/tenants/${id}`).expect(204);
    const gone = await admin(t).get(`/admin/tenants/${id}`).expect(404);
    expect(expectAdminError(gone, 404)).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: `Tenant ${id} not found`,
    });
    const rows = await t.db.query('SELECT count(*)::int AS n FROM tenant_token WHERE tenant_id = $1', [id]);
    expect(rows[0].n).toBe(0);
  });

  it('rejects invalid tenant bodies with problem details naming each field', async () => {
    const missing = await admin(t).post('/admin/tenants', { seatLimit: -1 }).expect(400);
    expect(expectAdminError(missing, 400)).toEqual({
      type: 'urn:rollcall:problem:validation',
      title: 'The request is not valid',
      status: 400,
      detail: 'name must be a string; seatLimit must not be less than 0',
      errors: [
        { field: 'name', detail: 'name must be a string' },
        { field: 'seatLimit', detail: 'seatLimit must not be less than 0' },
      ],
    });
    const nested = await admin(t)
      .post('/admin/tenants', { name: 'X', scimRateLimit: { perSecond: 1.5 } })
      .expect(400);
    expect(expectAdminError(nested, 400).errors).toEqual([
      { field: 'scimRateLimit.perSecond', detail: 'scimRateLimit.perSecond must be an integer number' },
    ]);
    const unknown = await admin(t).post('/admin/tenants', { name: 'X', plan: 'gold' }).expect(400);
    expect(expectAdminError(unknown, 400).errors).toEqual([
      { field: 'plan', detail: 'property plan should not exist' },
    ]);
  });

  it('pages through tenants with a cursor, oldest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (
          await admin(t)
            .post('/admin/tenants', { name: `Paged ${i}` })
            .expect(201)
        ).body.id,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await admin(t)
        .get(`/admin/tenants?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((x: { id: string }) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    expect(new Set(seen).size).toBe(seen.length);
    await admin(t).get('/admin/tenants?cursor=garbage').expect(400);
  });

  it('shows a token once, stores only its SHA-256 hash, lists it by prefix, and revokes it', async () => {
    const tenant = (await admin(t).post('/admin/tenants', { name: 'Tokens' }).expect(201)).body;
    const issued = await admin(t)
      .post(`/admin/tenants/${tenant.id}/tokens`, { description: 'Okta', expiresAt: '2099-01-01T00:00:00Z' })
      .expect(201);
    const token = issued.body.token as string;
    expect(token).toMatch(/^rcs_[A-Za-z0-9_-]{43}$/);
    expect(issued.body).toMatchObject({
      description: 'Okta',
      expiresAt: '2099-01-01T00:00:00.000Z',
      lastUsedAt: null,
      prefix: token.slice(0, 12),
      // One answer holds both things the IdP is given.
      scimBaseUrl: `https://rollcall.test/scim/v2/${tenant.id}`,
    });

    const stored = await t.db.query('SELECT token_hash, prefix FROM tenant_token WHERE id = $1', [
      issued.body.id,
    ]);
    expect(Buffer.compare(stored[0].token_hash, createHash('sha256').update(token).digest())).toBe(0);
    const anywhere = await t.db.query(
      `SELECT count(*)::int AS n FROM tenant_token WHERE position($1 in encode(token_hash, 'escape')) > 0 OR prefix = $1`,
      [token],
    );
    expect(anywhere[0].n).toBe(0);

    const second = await admin(t).post(`/admin/tenants/${tenant.id}/tokens`, {}).expect(201);
    const list = await admin(t).get(`/admin/tenants/${tenant.id}/tokens`).expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([issued.body.id, second.body.id]);
    expect(list.body.nextCursor).toBeNull();
    for (const item of list.body.items) expect(item).not.toHaveProperty('token');
    expect(JSON.stringify(list.body)).not.toContain(token);

    await admin(t).delete(`/admin/tenants/${tenant.id}/tokens/${issued.body.id}`).expect(204);
    await admin(t).delete(`/admin/tenants/${tenant.id}/tokens/${issued.body.id}`).expect(404);
    const after = await admin(t).get(`/admin/tenants/${tenant.id}/tokens`).expect(200);
    expect(after.body.items.map((x: { id: string }) => x.id)).toEqual([second.body.id]);
  });

  it('links a tenant to the product by externalId: unique, settable, searchable', async () => {
    const externalId = `acct_${Date.now()}`;
    const created = await admin(t).post('/admin/tenants', { name: 'Linked', externalId }).expect(201);
    expect(created.body.externalId).toBe(externalId);
    const found = await admin(t).get(`/admin/tenants?externalId=${externalId}`).expect(200);
    expect(found.body).toEqual({ items: [created.body], nextCursor: null });
    const none = await admin(t).get('/admin/tenants?externalId=acct_nobody').expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });

    // Unique across tenants, on create and on update; nothing is written by the refusal.
    const taken = await admin(t).post('/admin/tenants', { name: 'Other', externalId }).expect(409);
    expect(expectAdminError(taken, 409)).toMatchObject({
      type: 'urn:rollcall:problem:conflict',
      detail: 'externalId is already the externalId of another tenant',
    });
    const other = await admin(t).post('/admin/tenants', { name: 'Linked' }).expect(201);
    expect(other.body.externalId).toBeNull();
    await admin(t).patch(`/admin/tenants/${other.body.id}`, { externalId }).expect(409);
    const names = await t.db.query(`SELECT count(*)::int AS n FROM tenant WHERE external_id = $1`, [
      externalId,
    ]);
    expect(names[0].n).toBe(1);

    // Changed and unlinked by PATCH; a blank one is refused.
    const moved = await admin(t)
      .patch(`/admin/tenants/${created.body.id}`, { externalId: `${externalId}-2` })
      .expect(200);
    expect(moved.body.externalId).toBe(`${externalId}-2`);
    await admin(t).patch(`/admin/tenants/${other.body.id}`, { externalId }).expect(200);
    const unlinked = await admin(t)
      .patch(`/admin/tenants/${other.body.id}`, { externalId: null })
      .expect(200);
    expect(unlinked.body.externalId).toBeNull();
    const blank = await admin(t).post('/admin/tenants', { name: 'Blank', externalId: '  ' }).expect(400);
    expect(expectAdminError(blank, 400).errors).toEqual([
      { field: 'externalId', detail: 'externalId must not be blank' },
    ]);
  });

  it('lets tenant names repeat, but refuses a blank one', async () => {
    const first = await admin(t).post('/admin/tenants', { name: 'Twin' }).expect(201);
    const second = await admin(t).post('/admin/tenants', { name: 'Twin' }).expect(201);
    expect(second.body.id).not.toBe(first.body.id);
    for (const name of ['', '   ', '\t']) {
      const res = await admin(t).post('/admin/tenants', { name }).expect(400);
      expect(expectAdminError(res, 400).errors?.[0].field).toBe('name');
    }
  });

  it('refuses a token that expires in the past', async () => {
    const tenant = (await admin(t).post('/admin/tenants', { name: 'Past' }).expect(201)).body;
    const res = await admin(t)
      .post(`/admin/tenants/${tenant.id}/tokens`, { expiresAt: '2001-01-01T00:00:00Z' })
      .expect(400);
    expect(expectAdminError(res, 400)).toMatchObject({
      type: 'urn:rollcall:problem:invalid-value',
      detail: 'expiresAt must be in the future',
      errors: [{ field: 'expiresAt', detail: 'expiresAt must be in the future' }],
    });
  });

  it('requires the admin key', async () => {
    const none = await t.http.get('/admin/tenants').expect(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(expectAdminError(none, 401)).toEqual({
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      detail: 'A valid bearer token is required',
    });
    await t.http.get('/admin/tenants').set('Authorization', 'Bearer wrong-key-wrong-key').expect(401);
    await t.http.get('/admin/tenants').set('Authorization', 'Basic dGVzdA==').expect(401);
  });
});
