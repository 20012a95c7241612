import { join } from 'node:path';
import { loadMigrations } from '../../src/database/migration-files';
import { buildOpenApiDocument } from '../../src/openapi/openapi';
import { ScimResourceModule } from '../../src/resources/scim-resources.module';
import { ScimResources } from '../../src/resources/scim-resources';
import { tableStorage } from '../../src/resources/table-storage';
import { registeredResourceTypes, registerResourceType } from '../../src/scim/resource/resource-definition';
import { admin, createTenant, createTestApp, patchOp, scim, TestApp, TestTenant } from '../helpers/test-app';
import { uniquenessProblems } from '../helpers/unique-indexes';
import { ENTITLEMENT_RESOURCE, ENTITLEMENT_SCHEMA } from './entitlement.resource';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/**
 * The recipe for a new resource type, proved: this folder (definition, migration, spec) and the one
 * line below that registers it. Everything else — routes, filter, sort, PATCH, ETags, discovery,
 * OpenAPI, events, the root search, referrer versions — comes from the generic resource module.
 */
describe('A third resource type from its own folder', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let api: ReturnType<typeof scim>;
  const migration = () => {
    const [Migration] = loadMigrations(__dirname);
    return new Migration();
  };

  beforeAll(async () => {
    t = await createTestApp({ imports: [ScimResourceModule.forResource(ENTITLEMENT_RESOURCE)] });
    const runner = t.db.createQueryRunner();
    await runner.query('DROP TABLE IF EXISTS test_entitlement_member, test_entitlement');
    await migration().up(runner);
    await runner.release();
    tenant = await createTenant(t);
    api = scim(t, tenant);
  });
  afterAll(async () => {
    const runner = t.db.createQueryRunner();
    await migration().down(runner);
    await runner.release();
    await t.close();
  });

  const user = async (userName: string): Promise<string> =>
    (await api.post('/Users', { schemas: [USER], userName }).expect(201)).body.id as string;
  const entitlement = (displayName: string, members: string[] = [], extra: object = {}) => ({
    schemas: [ENTITLEMENT_SCHEMA],
    displayName,
    members: members.map((value) => ({ value })),
    ...extra,
  });

  it('loads its migration from its folder by file name', () => {
    expect(loadMigrations(__dirname).map((m) => m.name)).toEqual(['Entitlements1799000000000']);
    expect(loadMigrations(join(__dirname, '..'))).toEqual([]);
  });

  it('cannot be registered with a table alias the filter engine gives JSON array elements', () => {
    const storage = tableStorage({ ...ENTITLEMENT_RESOURCE.table, alias: 'scim_element' });
    expect(() =>
      registerResourceType({ ...ENTITLEMENT_RESOURCE, name: 'Shadowed', endpoint: '/Shadowed', storage }),
    ).toThrow('the storage map of Shadowed uses the alias "scim_element"');
    expect(registeredResourceTypes().map((d) => d.name)).toEqual(['User', 'Group', 'Entitlement']);
  });

  it('is published by discovery with its schema', async () => {
    const type = await api.get('/ResourceTypes/Entitlement').expect(200);
    expect(type.body).toMatchObject({
      id: 'Entitlement',
      endpoint: '/Entitlements',
      schema: ENTITLEMENT_SCHEMA,
      schemaExtensions: [],
      meta: { location: `https://rollcall.test${tenant.base}/ResourceTypes/Entitlement` },
    });
    const list = await api.get('/ResourceTypes').expect(200);
    expect(list.body.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group', 'Entitlement']);
    const schema = await api.get(`/Schemas/${ENTITLEMENT_SCHEMA}`).expect(200);
    expect(schema.body.attributes.map((a: { name: string }) => a.name)).toEqual([
      'displayName',
      'description',
      'type',
      'members',
    ]);
  });

  it('has its routes and schema in the OpenAPI document', () => {
    const document = buildOpenApiDocument(t.app);
    const base = '/scim/v2/{tenantId}/Entitlements';
    expect(Object.keys(document.paths[base])).toEqual(['post', 'get']);
    expect(Object.keys(document.paths[`${base}/{id}`])).toEqual(['get', 'put', 'patch', 'delete']);
    expect(document.paths[`${base}/.search`].post?.summary).toBe(
      'Search Entitlements with a SearchRequest body (RFC 7644 §3.4.3)',
    );
    expect(document.paths[base].post?.operationId).toBe('EntitlementsController_create');
    expect(document.components?.schemas?.ScimEntitlement).toMatchObject({
      required: ['schemas', 'displayName'],
      properties: { displayName: { type: 'string' }, members: { type: 'array' } },
    });
  });

  it('declares its uniqueness once: index and message agree with the schema', async () => {
    expect(await uniquenessProblems(t.db, ENTITLEMENT_RESOURCE)).toEqual([]);
    await api.post('/Entitlements', entitlement('Licence: Pro')).expect(201);
    const taken = await api.post('/Entitlements', entitlement('LICENCE: PRO')).expect(409);
    expect(taken.body).toMatchObject({
      scimType: 'uniqueness',
      detail: 'displayName is already taken by another Entitlement of this tenant',
    });
  });

  it('creates, reads and filters, by column, document and member', async () => {
    const jane = await user('jane@ent.example');
    const created = await api
      .post('/Entitlements', entitlement('Wiki', [jane], { type: 'app', description: 'The wiki' }))
      .expect(201);
    const id = created.body.id as string;
    expect(created.headers.location).toBe(`https://rollcall.test${tenant.base}/Entitlements/${id}`);
    expect(created.headers.etag).toBe('W/"1"');
    expect(created.body).toEqual({
      schemas: [ENTITLEMENT_SCHEMA],
      id,
      displayName: 'Wiki',
      type: 'app',
      description: 'The wiki',
      members: [{ value: jane, $ref: `https://rollcall.test${tenant.base}/Users/${jane}`, type: 'User' }],
      meta: expect.objectContaining({ resourceType: 'Entitlement', version: 'W/"1"' }),
    });
    const ids = async (filter: string) =>
      (await api.get(`/Entitlements?filter=${encodeURIComponent(filter)}`).expect(200)).body.Resources.map(
        (r: { id: string }) => r.id,
      );
    expect(await ids('displayName eq "wiki"')).toEqual([id]);
    expect(await ids('type eq "app" and description co "wiki"')).toEqual([id]);
    expect(await ids(`members.value eq "${jane}"`)).toEqual([id]);
    expect(await ids(`members[value eq "${jane}"]`)).toEqual([id]);
    expect(await ids('displayName sw "Nothing"')).toEqual([]);
    const projected = await api.get(`/Entitlements/${id}?attributes=displayName`).expect(200);
    expect(projected.body).toEqual({ schemas: [ENTITLEMENT_SCHEMA], id, displayName: 'Wiki' });
    const sorted = await api.get('/Entitlements?sortBy=displayName&sortOrder=descending').expect(200);
    expect(sorted.body.Resources.map((r: { displayName: string }) => r.displayName)).toEqual([
      'Wiki',
      'Licence: Pro',
    ]);
    const everything = await api
      .post('/.search', {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        filter: 'displayName eq "Wiki"',
      })
      .expect(200);
    expect(everything.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('refuses a member that is not a User of the tenant, writing nothing', async () => {
    const res = await api
      .post('/Entitlements', entitlement('Broken', ['6f1c2a4e-1b7e-4a53-9d0c-2f8d2b9b7a10']))
      .expect(400);
    expect(res.body).toMatchObject({ scimType: 'invalidValue' });
    await api
      .get('/Entitlements?filter=displayName eq "Broken"')
      .expect(200)
      .expect((r) => {
        expect(r.body.totalResults).toBe(0);
      });
  });

  it('applies PATCH with paths and value filters, each change a new ETag, stale If-Match refused', async () => {
    const [ann, bob] = [await user('ann@ent.example'), await user('bob@ent.example')];
    const id = (await api.post('/Entitlements', entitlement('Mail', [ann])).expect(201)).body.id as string;
    const renamed = await api
      .patch(`/Entitlements/${id}`, patchOp({ op: 'replace', path: 'description', value: 'Mailboxes' }))
      .set('If-Match', 'W/"1"')
      .expect(200);
    expect(renamed.headers.etag).toBe('W/"2"');
    expect(renamed.body.description).toBe('Mailboxes');
    const added = await api
      .patch(`/Entitlements/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: bob }] }))
      .expect(200);
    expect(added.body.members.map((m: { value: string }) => m.value).sort()).toEqual([ann, bob].sort());
    const removed = await api
      .patch(`/Entitlements/${id}`, patchOp({ op: 'remove', path: `members[value eq "${ann}"]` }))
      .expect(200);
    expect(removed.body.members.map((m: { value: string }) => m.value)).toEqual([bob]);
    expect(removed.headers.etag).toBe('W/"4"');
    await api
      .patch(`/Entitlements/${id}`, patchOp({ op: 'replace', path: 'type', value: 'x' }))
      .set('If-Match', 'W/"1"')
      .expect(412);
    await api.patch(`/Entitlements/${id}`, patchOp({ op: 'replace', path: 'nope', value: 1 })).expect(400);
    expect((await api.get(`/Entitlements/${id}`).expect(200)).headers.etag).toBe('W/"4"');
  });

  it("changes a referrer's ETag when a member User is deleted, so no 304 hides the loss", async () => {
    const [kim, lee] = [await user('kim@ent.example'), await user('lee@ent.example')];
    const id = (await api.post('/Entitlements', entitlement('Chat', [kim, lee])).expect(201)).body
      .id as string;
    const first = await api.get(`/Entitlements/${id}`).expect(200);
    await api.get(`/Entitlements/${id}`).set('If-None-Match', first.headers.etag).expect(304);
    await api.delete(`/Users/${kim}`).expect(204);
    const after = await api.get(`/Entitlements/${id}`).set('If-None-Match', first.headers.etag).expect(200);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(after.body.members.map((m: { value: string }) => m.value)).toEqual([lee]);
  });

  it('records its events and replaces and deletes through the dispatch other modules use', async () => {
    const resources = t.app.get(ScimResources);
    expect(resources.typeAt('/entitlements').name).toBe('Entitlement');
    const created = await resources.create(tenant.id, '/Entitlements', entitlement('Drive'));
    const id = created.body?.resources[0].id as string;
    const replaced = await resources.replace(
      tenant.id,
      '/Entitlements',
      id,
      entitlement('Drive', [], { type: 'app' }),
      'W/"1"',
    );
    expect(replaced.version).toBe(2);
    await resources.remove(tenant.id, '/Entitlements', id, 'W/"2"');
    await api.get(`/Entitlements/${id}`).expect(404);
    const feed = await admin(t).get(`/admin/tenants/${tenant.id}/events?limit=1000`).expect(200);
    const mine = feed.body.items.filter(
      (e: { data: { id?: string; resource?: { id: string } } }) => (e.data.resource?.id ?? e.data.id) === id,
    );
    expect(mine.map((e: { type: string }) => e.type)).toEqual([
      'entitlement.created',
      'entitlement.updated',
      'entitlement.deleted',
    ]);
    expect(mine[1].data.changed).toEqual(['type']);
    const hook = await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks`, {
        url: 'http://127.0.0.1:9/hook',
        eventTypes: ['entitlement.created'],
      })
      .expect(201);
    expect(hook.body.eventTypes).toEqual(['entitlement.created']);
  });
});
