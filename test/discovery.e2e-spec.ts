import { createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('SCIM discovery', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let api: ReturnType<typeof scim>;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    api = scim(t, tenant);
  });
  afterAll(() => t.close());

  it('publishes a truthful ServiceProviderConfig', async () => {
    const res = await api.get('/ServiceProviderConfig').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(res.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 1048576 },
      filter: { supported: true, maxResults: 1000 },
      changePassword: { supported: true },
      sort: { supported: true },
      etag: { supported: true },
      meta: {
        resourceType: 'ServiceProviderConfig',
        location: `https://rollcall.test${tenant.base}/ServiceProviderConfig`,
      },
    });
    expect(res.body.authenticationSchemes[0]).toMatchObject({
      type: 'oauthbearertoken',
      name: 'OAuth Bearer Token',
    });
    expect(res.body.authenticationSchemes[0].description).toEqual(expect.any(String));
  });

  it('lists the resource types with the enterprise extension on User', async () => {
    const res = await api.get('/ResourceTypes').expect(200);
    expect(res.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 2,
    });
    const user = res.body.Resources.find((r: { id: string }) => r.id === 'User');
    expect(user).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account',
      schema: USER,
      schemaExtensions: [
        { schema: ENTERPRISE, required: false },
        { schema: 'urn:rollcall:params:scim:schemas:extension:seat:2.0:User', required: false },
      ],
      meta: {
        resourceType: 'ResourceType',
        location: `https://rollcall.test${tenant.base}/ResourceTypes/User`,
      },
    });
    const group = await api.get('/ResourceTypes/Group').expect(200);
    expect(group.body).toMatchObject({
      name: 'Group',
      endpoint: '/Groups',
      schema: 'urn:ietf:params:scim:schemas:core:2.0:Group',
    });
    const missing = await api.get('/ResourceTypes/Printer').expect(404);
    expect(missing.body).toMatchObject({ status: '404', detail: 'No ResourceType "Printer"' });
  });

  it('describes every attribute as RFC 7643 §8.7.1 does', async () => {
    const res = await api.get('/Schemas').expect(200);
    expect(res.body.Resources.map((s: { id: string }) => s.id)).toEqual([
      USER,
      ENTERPRISE,
      'urn:rollcall:params:scim:schemas:extension:seat:2.0:User',
      'urn:ietf:params:scim:schemas:core:2.0:Group',
    ]);
    for (const schema of res.body.Resources) {
      expect(schema).toMatchObject({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
        id: expect.any(String),
        attributes: expect.any(Array),
      });
    }
    const user = (await api.get(`/Schemas/${USER}`).expect(200)).body;
    const attr = (name: string) => user.attributes.find((a: { name: string }) => a.name === name);
    expect(attr('userName')).toEqual({
      name: 'userName',
      type: 'string',
      multiValued: false,
      description: expect.any(String),
      required: true,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'server',
    });
    expect(attr('password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
    expect(attr('active')).toMatchObject({ type: 'boolean', multiValued: false });
    expect(attr('groups')).toMatchObject({ multiValued: true, mutability: 'readOnly' });
    expect(attr('emails')).toMatchObject({ type: 'complex', multiValued: true });
    expect(
      attr('emails').subAttributes.find((s: { name: string }) => s.name === 'type').canonicalValues,
    ).toEqual(['work', 'home', 'other']);
    expect(attr('x509Certificates').subAttributes[0]).toMatchObject({ name: 'value', type: 'binary' });
    expect(attr('profileUrl')).toMatchObject({ type: 'reference', referenceTypes: ['external'] });
    const names = user.attributes.map((a: { name: string }) => a.name);
    for (const name of [
      'name',
      'displayName',
      'nickName',
      'title',
      'userType',
      'preferredLanguage',
      'locale',
      'timezone',
      'phoneNumbers',
      'ims',
      'photos',
      'addresses',
      'entitlements',
      'roles',
    ]) {
      expect(names).toContain(name);
    }
    const enterprise = (await api.get(`/Schemas/${ENTERPRISE}`).expect(200)).body;
    const manager = enterprise.attributes.find((a: { name: string }) => a.name === 'manager');
    expect(manager.subAttributes.map((s: { name: string }) => s.name)).toEqual([
      'value',
      '$ref',
      'displayName',
    ]);
    expect(manager.subAttributes[2]).toMatchObject({ mutability: 'readOnly' });
    await api.get('/Schemas/urn:nope').expect(404);
  });

  it('answers 405 to writes on discovery endpoints', async () => {
    for (const path of ['/ServiceProviderConfig', '/ResourceTypes', '/Schemas']) {
      const res = await api.post(path, {}).expect(405);
      expect(res.body).toMatchObject({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '405',
      });
      expect(res.headers.allow).toBe('GET');
    }
    await api.put('/Schemas/' + USER, {}).expect(405);
    await api.delete('/ResourceTypes/User').expect(405);
  });
});
