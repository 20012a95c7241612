import { activity, flushActivity, OKTA } from './helpers/activity';
import {
  admin,
  createTenant,
  createTestApp,
  patchOp,
  SCIM_JSON,
  scim,
  TestApp,
  TestTenant,
} from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const BULK_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const BASE = 'https://rollcall.test';

type Operation = Record<string, unknown>;

function bulkRequest(operations: Operation[], failOnErrors?: number) {
  return {
    schemas: [BULK_REQUEST],
    ...(failOnErrors !== undefined ? { failOnErrors } : {}),
    Operations: operations,
  };
}

function user(userName: string, active = true) {
  return {
    schemas: [USER],
    userName,
    name: { givenName: 'Jane', familyName: 'Doe' },
    emails: [{ primary: true, value: userName, type: 'work' }],
    active,
  };
}

function group(displayName: string, members: string[] = []) {
  return { schemas: [GROUP], displayName, members: members.map((value) => ({ value })) };
}

const createUser = (bulkId: string, userName: string, active = true): Operation => ({
  method: 'POST',
  path: '/Users',
  bulkId,
  data: user(userName, active),
});

const createGroup = (bulkId: string, displayName: string, members: string[] = []): Operation => ({
  method: 'POST',
  path: '/Groups',
  bulkId,
  data: group(displayName, members),
});

const idOf = (location: string) => location.split('/').pop() as string;

describe('Bulk (RFC 7644 §3.7)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  function bulk(tenant: TestTenant, body: unknown, headers: Record<string, string> = {}) {
    return t.http
      .post(`${tenant.base}/Bulk`)
      .set({
        Authorization: `Bearer ${tenant.token}`,
        Accept: SCIM_JSON,
        'Content-Type': SCIM_JSON,
        ...headers,
      })
      .send(JSON.stringify(body));
  }

  async function eventTypes(tenant: TestTenant): Promise<string[]> {
    const res = await admin(t).get(`/admin/tenants/${tenant.id}/events?limit=500`).expect(200);
    return (res.body.items as Array<{ type: string }>).map((e) => e.type);
  }

  async function userCount(tenant: TestTenant): Promise<number> {
    const rows: Array<{ n: number }> = await t.db.query(
      'SELECT count(*)::int AS n FROM scim_user WHERE tenant_id = $1',
      [tenant.id],
    );
    return rows[0].n;
  }

  it('runs a mixed request: users, a group of their bulkIds, a patch and a delete, every result reported', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const res = await bulk(
      tenant,
      bulkRequest([
        createUser('jane', 'jane@acme.com'),
        createUser('john', 'john@acme.com'),
        createGroup('eng', 'Engineering', ['bulkId:jane', 'bulkId:john']),
        {
          method: 'PATCH',
          path: '/Users/bulkId:jane',
          data: patchOp({ op: 'replace', path: 'displayName', value: 'Jane D.' }),
        },
        { method: 'DELETE', path: '/Users/bulkId:john' },
      ]),
    ).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(res.body.schemas).toEqual([BULK_RESPONSE]);
    const [jane, john, eng, patched, deleted] = res.body.Operations;
    const janeId = idOf(jane.location);
    const johnId = idOf(john.location);
    const engId = idOf(eng.location);
    expect(res.body.Operations).toEqual([
      {
        method: 'POST',
        bulkId: 'jane',
        version: 'W/"1"',
        location: `${BASE}${tenant.base}/Users/${janeId}`,
        status: '201',
      },
      {
        method: 'POST',
        bulkId: 'john',
        version: 'W/"1"',
        location: `${BASE}${tenant.base}/Users/${johnId}`,
        status: '201',
      },
      {
        method: 'POST',
        bulkId: 'eng',
        version: 'W/"1"',
        location: `${BASE}${tenant.base}/Groups/${engId}`,
        status: '201',
      },
      { method: 'PATCH', version: 'W/"2"', location: jane.location, status: '200' },
      { method: 'DELETE', location: john.location, status: '204' },
    ]);
    expect(patched.response).toBeUndefined();
    expect(deleted.version).toBeUndefined();

    const janeNow = await api.get(`/Users/${janeId}`).expect(200);
    expect(janeNow.body).toMatchObject({ userName: 'jane@acme.com', displayName: 'Jane D.' });
    expect(janeNow.headers.etag).toBe('W/"2"');
    expect(janeNow.body.groups).toEqual([expect.objectContaining({ value: engId, display: 'Engineering' })]);
    await api.get(`/Users/${johnId}`).expect(404);
    const engNow = await api.get(`/Groups/${engId}`).expect(200);
    expect(engNow.body.members.map((m: { value: string }) => m.value)).toEqual([janeId]);

    // Each operation committed its own events and seat effects, as if sent alone, in that order.
    expect(await eventTypes(tenant)).toEqual([
      'user.created',
      'seat.assigned',
      'user.created',
      'seat.assigned',
      'group.created',
      'group.members_added',
      'user.updated',
      'seat.released',
      'user.deleted',
      'group.members_removed',
    ]);
    const seats = await admin(t).get(`/admin/tenants/${tenant.id}/seats`).expect(200);
    expect(seats.body.used).toBe(1);

    // The root search sees what the Bulk made.
    const search = await api
      .post('/.search', { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'] })
      .expect(200);
    expect(search.body.totalResults).toBe(2);
    expect(search.body.Resources.map((r: { id: string }) => r.id)).toEqual([janeId, engId]);
  });

  it('resolves bulkIds given in reverse dependency order, running each operation after what it names', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const res = await bulk(
      tenant,
      bulkRequest([
        createGroup('admins', 'Admins', ['bulkId:ops']),
        createGroup('ops', 'Ops', ['bulkId:ann']),
        {
          method: 'PUT',
          path: '/Users/bulkId:ann',
          data: { ...user('ann@acme.com'), displayName: 'Ann' },
        },
        createUser('ann', 'ann@acme.com'),
      ]),
    ).expect(200);
    expect(res.body.Operations.map((o: Operation) => [o.bulkId ?? o.method, o.status])).toEqual([
      ['admins', '201'],
      ['ops', '201'],
      ['PUT', '200'],
      ['ann', '201'],
    ]);
    const [admins, ops, put, ann] = res.body.Operations;
    expect(put.location).toBe(ann.location);
    expect(put.version).toBe('W/"2"');
    const annId = idOf(ann.location);
    const adminsNow = await api.get(`/Groups/${idOf(admins.location)}`).expect(200);
    expect(adminsNow.body.members).toEqual([
      expect.objectContaining({ value: idOf(ops.location), type: 'Group' }),
    ]);
    const opsNow = await api.get(`/Groups/${idOf(ops.location)}`).expect(200);
    expect(opsNow.body.members).toEqual([expect.objectContaining({ value: annId, type: 'User' })]);
    expect((await api.get(`/Users/${annId}`).expect(200)).body.displayName).toBe('Ann');
    // The user was created first, then Ops, then Admins, then the PUT: the order the events show.
    expect(await eventTypes(tenant)).toEqual([
      'user.created',
      'seat.assigned',
      'group.created',
      'group.members_added',
      'group.created',
      'group.members_added',
      'user.updated',
    ]);
  });

  it('fails operations whose bulkIds go round in a circle with 409, and those that depend on them', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const res = await bulk(
      tenant,
      bulkRequest([
        createGroup('a', 'Circle A', ['bulkId:b']),
        createGroup('b', 'Circle B', ['bulkId:a']),
        createGroup('self', 'Itself', ['bulkId:self']),
        {
          method: 'PATCH',
          path: '/Groups/bulkId:a',
          data: patchOp({ op: 'replace', path: 'displayName', value: 'A' }),
        },
        createUser('fine', 'fine@acme.com'),
        createGroup('lost', 'Lost', ['bulkId:nowhere']),
      ]),
    ).expect(200);
    const [a, b, self, patch, fine, lost] = res.body.Operations;
    for (const circular of [a, b, self]) {
      expect(circular).toEqual({
        method: 'POST',
        bulkId: circular.bulkId,
        status: '409',
        response: {
          schemas: [ERROR],
          status: '409',
          detail: expect.stringContaining('go round in a circle and cannot be resolved'),
        },
      });
    }
    expect(a.response.detail).toBe(
      'Operations[0]: its bulkId references ("b") go round in a circle and cannot be resolved',
    );
    expect(patch).toEqual({
      method: 'PATCH',
      location: `${BASE}${tenant.base}/Groups/bulkId%3Aa`,
      status: '409',
      response: {
        schemas: [ERROR],
        status: '409',
        detail: 'Operations[3]: bulkId "a" cannot be resolved: Operations[0], which creates it, failed',
      },
    });
    expect(fine).toMatchObject({ bulkId: 'fine', status: '201' });
    expect(lost).toEqual({
      method: 'POST',
      bulkId: 'lost',
      status: '400',
      response: {
        schemas: [ERROR],
        status: '400',
        scimType: 'invalidValue',
        detail: 'Operations[5]: bulkId "nowhere" is not given to any POST of this request',
      },
    });
    const groups = await api.get('/Groups').expect(200);
    expect(groups.body.totalResults).toBe(0);
    expect(await eventTypes(tenant)).toEqual(['user.created', 'seat.assigned']);
  });

  it('stops after failOnErrors errors: what ran stays done and is reported, the rest is omitted', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    await api.post('/Users', user('taken@acme.com')).expect(201);
    const res = await bulk(
      tenant,
      bulkRequest(
        [
          createUser('first', 'first@acme.com'),
          createUser('dup', 'TAKEN@acme.com'),
          createUser('never', 'never@acme.com'),
          createGroup('nor', 'Never either'),
        ],
        1,
      ),
    ).expect(200);
    expect(res.body.Operations).toEqual([
      expect.objectContaining({ bulkId: 'first', status: '201' }),
      {
        method: 'POST',
        bulkId: 'dup',
        status: '409',
        response: {
          schemas: [ERROR],
          status: '409',
          scimType: 'uniqueness',
          detail: 'userName is already taken by another User of this tenant',
        },
      },
    ]);
    const names = await api.get('/Users?sortBy=userName').expect(200);
    expect(names.body.Resources.map((u: { userName: string }) => u.userName)).toEqual([
      'first@acme.com',
      'taken@acme.com',
    ]);
    expect((await api.get('/Groups').expect(200)).body.totalResults).toBe(0);

    // failOnErrors 2 runs on past the first error.
    const two = await bulk(
      tenant,
      bulkRequest(
        [
          createUser('d1', 'taken@acme.com'),
          createUser('ok', 'ok@acme.com'),
          createUser('d2', 'ok@acme.com'),
          createUser('x', 'x@acme.com'),
        ],
        2,
      ),
    ).expect(200);
    expect(two.body.Operations.map((o: Operation) => o.status)).toEqual(['409', '201', '409']);
  });

  it('answers a seat-limit refusal as a 403 for that operation, and goes on with the others', async () => {
    const tenant = await createTenant(t, 1);
    const res = await bulk(
      tenant,
      bulkRequest([
        createUser('one', 'one@acme.com'),
        createUser('two', 'two@acme.com'),
        createUser('later', 'later@acme.com', false),
      ]),
    ).expect(200);
    expect(res.body.Operations).toEqual([
      expect.objectContaining({ bulkId: 'one', status: '201' }),
      {
        method: 'POST',
        bulkId: 'two',
        status: '403',
        response: { schemas: [ERROR], status: '403', detail: 'seat limit reached: 1 of 1 seats in use' },
      },
      expect.objectContaining({ bulkId: 'later', status: '201' }),
    ]);
    expect(await userCount(tenant)).toBe(2);
    const seats = await admin(t).get(`/admin/tenants/${tenant.id}/seats`).expect(200);
    expect(seats.body).toMatchObject({ limit: 1, used: 1 });
    expect(await eventTypes(tenant)).toEqual(['user.created', 'seat.assigned', 'user.created']);
  });

  it('takes version as If-Match: a stale one fails that operation with 412 and changes nothing', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const created = await api.post('/Users', user('v@acme.com')).expect(201);
    const id = created.body.id as string;
    const rename = (value: string) => patchOp({ op: 'replace', path: 'displayName', value });
    const res = await bulk(
      tenant,
      bulkRequest([
        { method: 'PATCH', path: `/Users/${id}`, version: 'W/"7"', data: rename('Stale') },
        { method: 'PATCH', path: `/Users/${id}`, version: 'W/"1"', data: rename('Fresh') },
        { method: 'DELETE', path: `/Users/${id}`, version: 'W/"1"' },
        { method: 'PUT', path: `/Users/${id}`, version: 'W/"1"', data: user('v@acme.com') },
      ]),
    ).expect(200);
    const location = `${BASE}${tenant.base}/Users/${id}`;
    expect(res.body.Operations).toEqual([
      {
        method: 'PATCH',
        location,
        status: '412',
        response: {
          schemas: [ERROR],
          status: '412',
          detail: 'The resource has changed: its version is W/"1"',
        },
      },
      { method: 'PATCH', location, version: 'W/"2"', status: '200' },
      {
        method: 'DELETE',
        location,
        status: '412',
        response: {
          schemas: [ERROR],
          status: '412',
          detail: 'The resource has changed: its version is W/"2"',
        },
      },
      expect.objectContaining({ method: 'PUT', status: '412' }),
    ]);
    const now = await api.get(`/Users/${id}`).expect(200);
    expect(now.body.displayName).toBe('Fresh');
    expect(now.headers.etag).toBe('W/"2"');
  });

  it('reports operations that cannot run as their own failures, and refuses a message that is not a BulkRequest', async () => {
    const tenant = await createTenant(t);
    const res = await bulk(
      tenant,
      bulkRequest([
        { method: 'GET', path: '/Users' },
        { method: 'POST', path: '/Users', data: user('nobulkid@acme.com') },
        { method: 'POST', path: '/Widgets', bulkId: 'w', data: {} },
        { method: 'DELETE', path: '/Users/2819c223-7f76-453a-919d-413861904646' },
        { method: 'PATCH', path: '/Users', data: patchOp({ op: 'add', path: 'nickName', value: 'x' }) },
      ]),
    ).expect(200);
    expect(
      res.body.Operations.map((o: { status: string; response: { detail: string } }) => [
        o.status,
        o.response.detail,
      ]),
    ).toEqual([
      ['400', 'Operations[0]: method must be POST, PUT, PATCH or DELETE'],
      ['400', 'Operations[1]: bulkId is required with POST'],
      ['404', 'Operations[2]: no resource type at "/Widgets" (Bulk serves /Users and /Groups)'],
      ['404', 'User 2819c223-7f76-453a-919d-413861904646 not found'],
      ['400', 'Operations[4]: path of a PATCH names one resource ("/Users/{id}")'],
    ]);
    expect(res.body.Operations[0].method).toBe('GET');
    expect(await userCount(tenant)).toBe(0);

    const notBulk = await bulk(tenant, { Operations: [createUser('a', 'a@acme.com')] }).expect(400);
    expect(notBulk.body).toEqual({
      schemas: [ERROR],
      status: '400',
      scimType: 'invalidSyntax',
      detail: `schemas must include "${BULK_REQUEST}"`,
    });
    const twice = await bulk(
      tenant,
      bulkRequest([createUser('a', 'a@acme.com'), createUser('a', 'b@acme.com')]),
    ).expect(400);
    expect(twice.body.detail).toBe(
      'bulkId "a" is given to Operations[0] and Operations[1]: each POST needs its own',
    );
    await bulk(tenant, bulkRequest([])).expect(400);
    const get = await t.http
      .get(`${tenant.base}/Bulk`)
      .set('Authorization', `Bearer ${tenant.token}`)
      .expect(405);
    expect(get.headers.allow).toBe('POST');
    expect(await userCount(tenant)).toBe(0);
  });

  it('writes one activity entry per operation, each carrying the request id', async () => {
    const tenant = await createTenant(t);
    await bulk(
      tenant,
      bulkRequest([
        createUser('amy', 'amy@acme.com'),
        createUser('amy2', 'AMY@acme.com'),
        createGroup('g', 'Team', ['bulkId:amy']),
      ]),
      { 'X-Request-Id': 'bulk-request-1', 'User-Agent': OKTA },
    ).expect(200);
    await flushActivity(t);
    const { items } = await activity(t, tenant.id);
    const entries = items as Array<(typeof items)[number] & { requestId: string | null }>;
    expect(entries).toHaveLength(3);
    const oldestFirst = [...entries].reverse();
    expect(
      oldestFirst.map((e) => [e.method, e.route, e.resourceType, e.userName, e.status, e.errorCode]),
    ).toEqual([
      ['POST', '/Users', 'User', 'amy@acme.com', 201, null],
      ['POST', '/Users', 'User', 'AMY@acme.com', 409, 'user_name_taken'],
      ['POST', '/Groups', 'Group', 'Team', 201, null],
    ]);
    for (const entry of entries) {
      expect(entry.requestId).toBe('bulk-request-1');
      expect(entry.client).toBe('okta');
    }
    expect(oldestFirst[0].resourceId).toEqual(expect.any(String));
  });
});

describe('Bulk in the API documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('publishes POST /Bulk with the BulkRequest and BulkResponse schemas in OpenAPI', async () => {
    const spec = await t.http.get('/openapi.json').expect(200);
    const post = spec.body.paths['/scim/v2/{tenantId}/Bulk'].post;
    expect(post.requestBody.content['application/scim+json'].schema).toEqual({
      $ref: '#/components/schemas/ScimBulkRequest',
    });
    expect(post.responses['200'].content['application/scim+json'].schema).toEqual({
      $ref: '#/components/schemas/ScimBulkResponse',
    });
    const { ScimBulkRequest, ScimBulkResponse } = spec.body.components.schemas;
    expect(ScimBulkRequest.properties.schemas.example).toEqual([BULK_REQUEST]);
    expect(ScimBulkRequest.properties.Operations.items.properties.method.enum).toEqual([
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
    ]);
    expect(ScimBulkResponse.properties.schemas.example).toEqual([BULK_RESPONSE]);
    expect(Object.keys(ScimBulkResponse.properties.Operations.items.properties)).toEqual([
      'method',
      'bulkId',
      'version',
      'location',
      'status',
      'response',
    ]);
  });

  it('leaves Bulk out of /ResourceTypes: it is an endpoint, not a resource type', async () => {
    const tenant = await createTenant(t);
    const types = await scim(t, tenant).get('/ResourceTypes').expect(200);
    expect(types.body.Resources.map((r: { endpoint: string }) => r.endpoint)).toEqual(['/Users', '/Groups']);
  });
});

describe('Bulk limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { BULK_MAX_OPERATIONS: '3', BULK_MAX_PAYLOAD_BYTES: '2048' } });
  });
  afterAll(() => t.close());

  function bulk(tenant: TestTenant, body: unknown) {
    return t.http
      .post(`${tenant.base}/Bulk`)
      .set({ Authorization: `Bearer ${tenant.token}`, 'Content-Type': SCIM_JSON })
      .send(JSON.stringify(body));
  }

  it('advertises both limits in ServiceProviderConfig', async () => {
    const tenant = await createTenant(t);
    const res = await scim(t, tenant).get('/ServiceProviderConfig').expect(200);
    expect(res.body.bulk).toEqual({ supported: true, maxOperations: 3, maxPayloadSize: 2048 });
  });

  it('answers more operations than maxOperations with 413 naming the limit, running none', async () => {
    const tenant = await createTenant(t);
    const ops = ['a', 'b', 'c', 'd'].map((n) => ({
      method: 'POST',
      path: '/Users',
      bulkId: n,
      data: { schemas: [USER], userName: n },
    }));
    const res = await bulk(tenant, bulkRequest(ops)).expect(413);
    expect(res.body).toEqual({
      schemas: [ERROR],
      status: '413',
      detail: 'The Bulk request has 4 operations, more than maxOperations (3)',
    });
    await bulk(tenant, bulkRequest(ops.slice(0, 3))).expect(200);
    const users = await scim(t, tenant).get('/Users').expect(200);
    expect(users.body.totalResults).toBe(3);
  });

  it('answers a body over maxPayloadSize with 413 naming the limit, while other routes keep theirs', async () => {
    const tenant = await createTenant(t);
    const api = scim(t, tenant);
    const padded = { ...user('big@acme.com'), nickName: 'x'.repeat(2100) };
    const res = await bulk(
      tenant,
      bulkRequest([{ method: 'POST', path: '/Users', bulkId: 'big', data: padded }]),
    ).expect(413);
    expect(res.body).toEqual({
      schemas: [ERROR],
      status: '413',
      detail: 'The Bulk request exceeds maxPayloadSize (2048 bytes)',
    });
    expect((await api.get('/Users').expect(200)).body.totalResults).toBe(0);
    // The same user sent alone is well within the 1 MB of /Users.
    await api.post('/Users', padded).expect(201);
  });

  it('takes a payload above 1 MB when maxPayloadSize allows it, which /Users alone would refuse', async () => {
    const large = await createTestApp({ env: { BULK_MAX_PAYLOAD_BYTES: String(3 * 1024 * 1024) } });
    try {
      const tenant = await createTenant(large);
      const note = 'x'.repeat(1100 * 1024);
      const res = await large.http
        .post(`${tenant.base}/Bulk`)
        .set({ Authorization: `Bearer ${tenant.token}`, 'Content-Type': SCIM_JSON })
        .send(
          JSON.stringify(
            bulkRequest([
              {
                method: 'POST',
                path: '/Users',
                bulkId: 'a',
                data: { ...user('a@acme.com'), nickName: note },
              },
            ]),
          ),
        );
      expect(res.status).toBe(200);
      expect(res.body.Operations[0].status).toBe('201');
      const alone = await scim(large, tenant)
        .post('/Users', { ...user('b@acme.com'), nickName: note })
        .expect(413);
      expect(alone.body.detail).toBe('The request body exceeds the limit of 1048576 bytes');
    } finally {
      await large.close();
    }
  });

  it('counts a Bulk request against the rate limit by its operations', async () => {
    const tenant = await createTenant(t);
    await admin(t)
      .patch(`/admin/tenants/${tenant.id}`, { scimRateLimit: { perSecond: 1, burst: 3 } })
      .expect(200);
    const ops = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        method: 'POST',
        path: '/Users',
        bulkId: `${prefix}${i}`,
        data: { schemas: [USER], userName: `${prefix}${i}` },
      }));
    // Two operations take two of the three tokens; the next request of two finds one (a token comes
    // back only after a second).
    expect((await bulk(tenant, bulkRequest(ops('a', 2))).expect(200)).body.Operations).toHaveLength(2);
    const refused = await bulk(tenant, bulkRequest(ops('b', 2))).expect(429);
    expect(refused.headers['retry-after']).toEqual(expect.any(String));
    expect(refused.body.status).toBe('429');
    const larger = await createTenant(t);
    await admin(t)
      .patch(`/admin/tenants/${larger.id}`, { scimRateLimit: { perSecond: 1, burst: 1 } })
      .expect(200);
    const never = await bulk(larger, bulkRequest(ops('c', 3))).expect(429);
    expect(never.body.detail).toBe("This request counts as 3 requests, more than the tenant's burst of 1");
    expect(never.headers['retry-after']).toBe('60');
    const rows: Array<{ n: number }> = await t.db.query(
      'SELECT count(*)::int AS n FROM scim_user WHERE tenant_id = $1',
      [tenant.id],
    );
    expect(rows[0].n).toBe(2);
  });
});
