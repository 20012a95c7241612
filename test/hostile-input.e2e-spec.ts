import { GROUP_SCHEMA as GROUP, PATCH_OP, USER_SCHEMA as USER } from '../src/scim/schema/urns';
import { admin, ADMIN_KEY, SCIM_JSON, useTenantApp } from './helpers/test-app';

const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const NUL = '\u0000';
/** A lone high surrogate, as JSON text: JSON.parse accepts it, PostgreSQL cannot store it. */
const LONE_SURROGATE_JSON = '"abc\\ud800def"';

function scimError(status: number, scimType: string | undefined, detail: string | RegExp) {
  return {
    schemas: [ERROR],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail: typeof detail === 'string' ? detail : expect.stringMatching(detail),
  };
}

/** The admin API's answer: problem details (RFC 9457) with that status and detail. */
function adminProblem(status: number, detail: string | RegExp) {
  return expect.objectContaining({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: typeof detail === 'string' ? detail : expect.stringMatching(detail),
  });
}

describe('Input that used to crash', () => {
  const app = useTenantApp();
  const raw = (method: 'post' | 'put' | 'patch', path: string, body: string, auth?: string) =>
    app.t.http[method](path)
      .set('Authorization', `Bearer ${auth ?? app.tenant.token}`)
      .set('Content-Type', auth === ADMIN_KEY ? 'application/json' : SCIM_JSON)
      .send(body);
  const users = async () =>
    (
      await app.t.db.query(`SELECT user_name FROM scim_user WHERE tenant_id = $1 ORDER BY seq`, [
        app.tenant.id,
      ])
    ).map((r: { user_name: string }) => r.user_name);

  describe('NUL bytes and lone surrogates', () => {
    it.each([
      ['userName', { userName: `ja${NUL}ne@acme.com` }, 'userName'],
      ['a sub-attribute', { userName: 'nul1@acme.com', name: { givenName: `J${NUL}` } }, 'name.givenName'],
      [
        'an element of a multi-valued attribute',
        { userName: 'nul2@acme.com', emails: [{ value: 'x@acme.com' }, { value: `y${NUL}@acme.com` }] },
        'emails[1].value',
      ],
      ['an attribute name', { userName: 'nul3@acme.com', [`nick${NUL}Name`]: 'x' }, 'nick\\u0000Name'],
    ])('refuses a NUL in %s on POST /Users, naming it, and writes nothing', async (_, attributes, named) => {
      const before = await users();
      const res = await app.api.post('/Users', { schemas: [USER], ...attributes }).expect(400);
      expect(res.body).toEqual(
        scimError(400, 'invalidValue', `${named} contains a NUL character (U+0000), which cannot be stored`),
      );
      expect(await users()).toEqual(before);
    });

    it('refuses a lone surrogate in a SCIM body and in an admin body, naming the attribute', async () => {
      const base = app.tenant.base;
      const user = await raw(
        'post',
        `${base}/Users`,
        `{"schemas":["${USER}"],"userName":"lone@acme.com","displayName":${LONE_SURROGATE_JSON}}`,
      ).expect(400);
      expect(user.body).toEqual(
        scimError(400, 'invalidValue', 'displayName contains a lone UTF-16 surrogate, which is not text'),
      );
      expect(user.headers['content-type']).toMatch(/^application\/scim\+json/);
      const tenant = await raw('post', '/admin/tenants', `{"name":${LONE_SURROGATE_JSON}}`, ADMIN_KEY).expect(
        400,
      );
      expect(tenant.body).toEqual(
        adminProblem(400, 'name contains a lone UTF-16 surrogate, which is not text'),
      );
      expect(await users()).not.toContain('lone@acme.com');
    });

    it('refuses them in PATCH values, in admin bodies and in filters', async () => {
      const created = await app.api
        .post('/Users', { schemas: [USER], userName: 'patched@acme.com' })
        .expect(201);
      const patch = await app.api
        .patch(`/Users/${created.body.id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'nickName', value: `n${NUL}` }],
        })
        .expect(400);
      expect(patch.body).toEqual(
        scimError(
          400,
          'invalidValue',
          'Operations[0].value contains a NUL character (U+0000), which cannot be stored',
        ),
      );
      const group = await raw(
        'patch',
        `${app.tenant.base}/Groups/${created.body.id}`,
        `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"add","path":"members","value":[{"value":${LONE_SURROGATE_JSON}}]}]}`,
      ).expect(400);
      expect(group.body.detail).toBe(
        'Operations[0].value[0].value contains a lone UTF-16 surrogate, which is not text',
      );
      const webhook = await admin(app.t)
        .post(`/admin/tenants/${app.tenant.id}/webhooks`, {
          url: 'https://hooks.example.com/x',
          description: `d${NUL}`,
        })
        .expect(400);
      expect(webhook.body.detail).toBe(
        'description contains a NUL character (U+0000), which cannot be stored',
      );
      const filter = await app.api
        .get('/Users?filter=' + encodeURIComponent(`userName eq "a${NUL}b"`))
        .expect(400);
      expect(filter.body).toEqual(
        scimError(400, 'invalidFilter', 'filter contains a NUL character (U+0000), which cannot be stored'),
      );
      const stored = await app.t.db.query(`SELECT data FROM scim_user WHERE tenant_id = $1 AND id = $2`, [
        app.tenant.id,
        created.body.id,
      ]);
      expect(stored[0].data).not.toHaveProperty('nickName');
    });
    it('refuses them in admin query parameters that reach SQL, naming the parameter', async () => {
      for (const name of ['userName', 'resourceId']) {
        const res = await admin(app.t)
          .get(`/admin/tenants/${app.tenant.id}/activity?${name}=a%00b`)
          .expect(400);
        expect(res.body).toEqual(
          adminProblem(400, `${name} contains a NUL character (U+0000), which cannot be stored`),
        );
      }
      const tenants = await admin(app.t).get('/admin/tenants?externalId=a%00b').expect(400);
      expect(tenants.body).toEqual(
        adminProblem(400, 'externalId contains a NUL character (U+0000), which cannot be stored'),
      );
    });
  });

  describe('indexed strings', () => {
    const long = (n: number) => 'x'.repeat(n);

    it.each([
      ['userName', { userName: `${long(3000)}@acme.com` }, 'userName'],
      ['a 100 KB userName', { userName: long(100_000) }, 'userName'],
      ['externalId', { userName: 'ext@acme.com', externalId: long(10_000) }, 'externalId'],
      [
        'an email',
        { userName: 'mail@acme.com', emails: [{ value: `${long(10_000)}@acme.com` }] },
        'emails.value',
      ],
    ])('refuses a too long %s with 400 naming it', async (_, attributes, named) => {
      const before = await users();
      const res = await app.api.post('/Users', { schemas: [USER], ...attributes }).expect(400);
      expect(res.body).toEqual(scimError(400, 'invalidValue', `${named} is longer than 512 characters`));
      expect(await users()).toEqual(before);
    });

    it('accepts 512 characters, and refuses a longer value through PUT and PATCH too', async () => {
      const userName = `${long(503)}@acme.com`;
      expect(userName).toHaveLength(512);
      const created = await app.api.post('/Users', { schemas: [USER], userName }).expect(201);
      await app.api
        .put(`/Users/${created.body.id}`, { schemas: [USER], userName: `${userName}x` })
        .expect(400, scimError(400, 'invalidValue', 'userName is longer than 512 characters'));
      await app.api
        .patch(`/Users/${created.body.id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'add', path: 'emails', value: [{ value: long(600) }] }],
        })
        .expect(400, scimError(400, 'invalidValue', 'emails.value is longer than 512 characters'));
      const group = await app.api
        .post('/Groups', { schemas: [GROUP], displayName: long(10_000) })
        .expect(400);
      expect(group.body).toEqual(scimError(400, 'invalidValue', 'displayName is longer than 512 characters'));
      const stored = await app.t.db.query(
        `SELECT user_name FROM scim_user WHERE tenant_id = $1 AND id = $2`,
        [app.tenant.id, created.body.id],
      );
      expect(stored[0].user_name).toBe(userName);
    });
  });

  describe('blank and padded names', () => {
    it('refuses a blank userName and a blank Group displayName', async () => {
      await app.api
        .post('/Users', { schemas: [USER], userName: ' \t ' })
        .expect(400, scimError(400, 'invalidValue', 'userName must not be blank'));
      await app.api
        .post('/Groups', { schemas: [GROUP], displayName: '   ' })
        .expect(400, scimError(400, 'invalidValue', 'displayName must not be blank'));
      const groups = await app.t.db.query(`SELECT count(*)::int AS n FROM scim_group WHERE tenant_id = $1`, [
        app.tenant.id,
      ]);
      expect(groups[0].n).toBe(0);
    });

    it('trims userName before it is stored and compared, so padding makes no second user', async () => {
      const created = await app.api
        .post('/Users', { schemas: [USER], userName: '  padded@acme.com \n' })
        .expect(201);
      expect(created.body.userName).toBe('padded@acme.com');
      await app.api.post('/Users', { schemas: [USER], userName: 'PADDED@acme.com' }).expect(409);
      await app.api.post('/Users', { schemas: [USER], userName: ' padded@acme.com' }).expect(409);
      // Okta looks the user up with the value it sent, padding and all.
      const found = await app.api
        .get('/Users?filter=' + encodeURIComponent('userName eq "  padded@acme.com "'))
        .expect(200);
      expect(found.body.totalResults).toBe(1);
      const patched = await app.api
        .patch(`/Users/${created.body.id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'userName', value: ' renamed@acme.com ' }],
        })
        .expect(200);
      expect(patched.body.userName).toBe('renamed@acme.com');
      const stored = await app.t.db.query(
        `SELECT user_name, data ->> 'userName' AS document FROM scim_user WHERE tenant_id = $1 AND id = $2`,
        [app.tenant.id, created.body.id],
      );
      expect(stored[0]).toEqual({ user_name: 'renamed@acme.com', document: 'renamed@acme.com' });
    });
  });

  describe('admin bodies', () => {
    it('refuses JSON nested 5,000 levels deep with 400, on admin and SCIM routes', async () => {
      const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
      const res = await raw('post', '/admin/tenants', deep, ADMIN_KEY).expect(400);
      expect(res.body).toEqual(adminProblem(400, 'JSON nested deeper than 32 levels'));
      const list = '['.repeat(5000) + ']'.repeat(5000);
      await raw('post', `${app.tenant.base}/Users`, list).expect(
        400,
        scimError(400, 'invalidSyntax', 'JSON nested deeper than 32 levels'),
      );
    });

    it('refuses a null or blank tenant name, and a null enabled', async () => {
      const created = await admin(app.t).post('/admin/tenants', { name: 'Named' }).expect(201);
      const id = created.body.id as string;
      const nulled = await admin(app.t).patch(`/admin/tenants/${id}`, { name: null }).expect(400);
      expect(nulled.body).toEqual(adminProblem(400, /^name must be a string/));
      const blank = await admin(app.t).patch(`/admin/tenants/${id}`, { name: '   ' }).expect(400);
      expect(blank.body).toEqual(adminProblem(400, 'name must not be blank'));
      const created2 = await admin(app.t).post('/admin/tenants', { name: ' ' }).expect(400);
      expect(created2.body.errors).toEqual([{ field: 'name', detail: 'name must not be blank' }]);
      const enabled = await admin(app.t).patch(`/admin/tenants/${id}`, { enabled: null }).expect(400);
      expect(enabled.body).toEqual(adminProblem(400, 'enabled must be a boolean value'));
      await admin(app.t).get(`/admin/tenants/${id}`).expect(200);
      const stored = await app.t.db.query(`SELECT name, enabled FROM tenant WHERE id = $1`, [id]);
      expect(stored[0]).toEqual({ name: 'Named', enabled: true });
    });

    it('refuses null for a field that may be left out but is not nullable, and changes nothing', async () => {
      const created = await admin(app.t).post('/admin/tenants', { name: 'Nulls' }).expect(201);
      const id = created.body.id as string;
      const webhook = await admin(app.t)
        .post(`/admin/tenants/${id}/webhooks`, { url: 'http://127.0.0.1:9/hook' })
        .expect(201);
      const refusals: Array<[string, object, string]> = [
        [`/admin/tenants/${id}`, { scimEnabled: null }, 'scimEnabled must be a boolean value'],
        [
          `/admin/tenants/${id}`,
          { portalQuotaEditable: null },
          'portalQuotaEditable must be a boolean value',
        ],
        [`/admin/tenants/${id}/webhooks/${webhook.body.id}`, { maxBatchSize: null }, 'maxBatchSize must'],
      ];
      for (const [path, body, detail] of refusals) {
        const res = await admin(app.t).patch(path, body).expect(400);
        expect(res.body).toEqual(adminProblem(400, new RegExp(`^${detail}`)));
      }
      const token = await admin(app.t).post(`/admin/tenants/${id}/tokens`, { description: null }).expect(400);
      expect(token.body).toEqual(adminProblem(400, /^description must/));
      const tenant = await app.t.db.query(
        `SELECT scim_enabled, portal_quota_editable FROM tenant WHERE id = $1`,
        [id],
      );
      expect(tenant[0]).toEqual({ scim_enabled: true, portal_quota_editable: true });
      const tokens = await app.t.db.query(
        `SELECT count(*)::int AS n FROM tenant_token WHERE tenant_id = $1`,
        [id],
      );
      expect(tokens[0].n).toBe(0);
    });

    it('refuses keys named like object internals, which the admin DTOs would drop unseen', async () => {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const res = await raw(
          'post',
          '/admin/tenants',
          `{"name":"Internals","${key}":{"x":1}}`,
          ADMIN_KEY,
        ).expect(400);
        expect(res.body).toEqual(adminProblem(400, `${key} is not a name any request may use`));
      }
      await raw(
        'post',
        `${app.tenant.base}/Users`,
        `{"schemas":["${USER}"],"userName":"proto@acme.com","name":{"__proto__":{"givenName":"x"}}}`,
      ).expect(400, scimError(400, 'invalidValue', 'name.__proto__ is not a name any request may use'));
      const named = await app.t.db.query(`SELECT count(*)::int AS n FROM tenant WHERE name = 'Internals'`);
      expect(named[0].n).toBe(0);
      expect(await users()).not.toContain('proto@acme.com');
    });

    it('refuses an array where an object is expected, and changes nothing', async () => {
      const created = await admin(app.t).post('/admin/tenants', { name: 'Arrays' }).expect(201);
      const id = created.body.id as string;
      expect(
        (await admin(app.t).post('/admin/tenants', { name: 'Arrays 2', seatQuota: [] }).expect(400)).body,
      ).toEqual(adminProblem(400, 'seatQuota must be an object'));
      expect(
        (
          await admin(app.t)
            .patch(`/admin/tenants/${id}`, { seatQuota: [[]] })
            .expect(400)
        ).body,
      ).toEqual(adminProblem(400, 'seatQuota must be an object'));
      expect(
        (await admin(app.t).patch(`/admin/tenants/${id}`, { scimRateLimit: [] }).expect(400)).body,
      ).toEqual(adminProblem(400, 'scimRateLimit must be an object'));
      const stored = await app.t.db.query(
        `SELECT seat_quota_amount, scim_rate_per_second, scim_rate_burst FROM tenant WHERE id = $1`,
        [id],
      );
      expect(stored[0]).toEqual({
        seat_quota_amount: null,
        scim_rate_per_second: null,
        scim_rate_burst: null,
      });
      const named = await app.t.db.query(`SELECT count(*)::int AS n FROM tenant WHERE name = 'Arrays 2'`);
      expect(named[0].n).toBe(0);
    });
  });
});
