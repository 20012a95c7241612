import request from 'supertest';
import { USER_SCHEMA as USER } from '../src/scim/schema/urns';
import { checkedInDocument, contractChecked, OpenApiContract } from './helpers/openapi-contract';
import { admin, ADMIN_KEY, createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';

type Document = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A copy of openapi.json changed by `change`: a document the server has drifted from. */
function drifted(change: (doc: Document) => void): OpenApiContract {
  const doc: Document = structuredClone(checkedInDocument());
  change(doc);
  return new OpenApiContract(doc);
}

describe('Responses checked against openapi.json', () => {
  let t: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  /** The app's HTTP agent, checked against `contract` instead of openapi.json. */
  const against = (contract: OpenApiContract) =>
    contractChecked(request(t.app.getHttpServer()), async () => contract);
  const auth = { Authorization: `Bearer ${ADMIN_KEY}` };

  it('fails a test whose response body drifts from its schema', async () => {
    const contract = drifted(
      (doc) => (doc.components.schemas.TenantDto.properties.seatsUsed.type = 'string'),
    );
    await expect(against(contract).get(`/admin/tenants/${tenant.id}`).set(auth).expect(200)).rejects.toThrow(
      /OpenAPI contract: GET \/admin\/tenants\/[^ ]+ 200: the body does not match the document: \/seatsUsed must be string/,
    );
    // The same response passes against the real document, through every test's agent.
    await admin(t).get(`/admin/tenants/${tenant.id}`).expect(200);
  });

  it('fails a status or a media type the document does not list, and an operation it lacks', async () => {
    const no404 = drifted((doc) => delete doc.paths['/admin/tenants/{tenantId}'].get.responses['404']);
    await expect(
      against(no404).get('/admin/tenants/00000000-0000-4000-8000-000000000000').set(auth).expect(404),
    ).rejects.toThrow(/answered 404, which the document does not list for it/);

    const scimAsJson = drifted((doc) => {
      const ok = doc.paths['/scim/v2/{tenantId}/Users'].get.responses['200'];
      ok.content = { 'application/json': ok.content['application/scim+json'] };
    });
    await expect(
      against(scimAsJson)
        .get(`${tenant.base}/Users`)
        .set('Authorization', `Bearer ${tenant.token}`)
        .expect(200),
    ).rejects.toThrow(/answered application\/scim\+json, the document lists application\/json/);

    const noDelete = drifted((doc) => delete doc.paths['/admin/tenants/{tenantId}'].delete);
    const doomed = await admin(t).post('/admin/tenants', { name: 'Doomed' }).expect(201);
    await expect(
      against(noDelete).delete(`/admin/tenants/${doomed.body.id}`).set(auth).expect(204),
    ).rejects.toThrow(/the document has no such operation/);
  });

  it('checks the errors of paths and methods no operation answers in their family form', async () => {
    const unknown = await admin(t).get('/admin/printers').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    await scim(t, tenant).put('/Users', {}).expect(405);
  });

  it('checks projected resources with the required attributes relaxed', async () => {
    const api = scim(t, tenant);
    const user = await api.post('/Users', { schemas: [USER], userName: 'projected@acme.com' }).expect(201);
    // userName is required by the User schema, but attributes=displayName leaves it out.
    const projected = await api.get(`/Users/${user.body.id}?attributes=displayName`).expect(200);
    expect(projected.body).not.toHaveProperty('userName');
    await api
      .post('/Users/.search', {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        attributes: ['displayName'],
      })
      .expect(200);
    const strict = new OpenApiContract(checkedInDocument());
    expect(strict.problem('GET', `${tenant.base}/Users/${user.body.id}`, projected, false)).toMatch(
      /must have required property 'userName'/,
    );
    expect(strict.problem('GET', `${tenant.base}/Users/${user.body.id}`, projected, true)).toBeNull();
  });
});
