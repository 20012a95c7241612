import { randomUUID } from 'node:crypto';
import { buildOpenApiDocument } from '../src/openapi/openapi';
import { GROUP_SCHEMA, USER_SCHEMA } from '../src/scim/schema/urns';
import { BarrageCase, BarrageFixtures, barrageCases } from './helpers/barrage-cases';
import { isScimRoute, routeKey, scimAndAdminRoutes } from './helpers/barrage-routes';
import { adminErrorProblem, scimErrorProblem } from './helpers/error-documents';
import { freePort } from './helpers/free-port';
import { RawResponse, rawClient } from './helpers/raw-request';
import { snapshotDifferences, tenantSnapshotter } from './helpers/tenant-snapshot';
import { admin, ADMIN_KEY, createTestApp, scim, TestApp } from './helpers/test-app';

const SEED = 20261201;
const MINIMUM_CASES = 2000;

/**
 * Writes the barrage may make, each for its reason; any other 2xx to a write is a finding. Every
 * entry must be used, so the list says what happens and nothing more.
 */
const ACCEPTED_BY_DESIGN: Array<{ route: RegExp; name: RegExp; why: string }> = [
  {
    route: /^(POST|PUT|PATCH) /,
    name: /^body: a byte order mark$/,
    why: 'a UTF-8 byte order mark before the JSON is ignored, as RFC 8259 §8.1 lets a parser do',
  },
  {
    route: /^(POST|PUT|PATCH) /,
    name: /^body: (name|userName|displayName|description|externalId|seatQuota\.unit|quota\.unit) is (markup|SQL)$/,
    why: 'markup and SQL are text like any other: stored as given, bound as parameters, shown escaped',
  },
  {
    route: /^(POST|PATCH) \/admin\//,
    name: /^body: (description|seatQuota\.unit|quota\.unit) is (an empty|a blank) string$/,
    why: 'a description and a quota unit are free text, which may be empty or blank',
  },
  {
    route: /^(POST|PATCH) \/admin\//,
    name: /^body: [\w.]+ is (zero|-0|a tiny float)$/,
    why: '0 is within range of these numbers; -0 and 4.9e-400 are JSON numbers equal to 0',
  },
  {
    route: /^(POST|PATCH) \/admin\//,
    name: /^body: (seatLimit|seatQuota|quota|scimRateLimit|scimRateLimit\.perSecond|scimRateLimit\.burst|externalId) is null$/,
    why: 'null is documented for these: unlimited, no quota, the server default, not linked',
  },
  {
    route: /^(POST|PATCH) \/admin\/tenants/,
    name: /^body: (enabled|scimEnabled|portalQuotaEditable) is (true|false)$/,
    why: 'a boolean is the right type for these switches',
  },
  {
    route: /\/(claim|test)$/,
    name: /^body: /,
    why: 'these routes take no body: a body that parses as JSON is not looked at',
  },
];

interface Outcome {
  test: BarrageCase;
  response: RawResponse;
}

/**
 * The statuses a case must get when nothing in it can be right: credentials that are not this API's
 * (401, or 403 where the token is valid but not allowed), ids that are no resource of this tenant's
 * (a 4xx), methods no route at the path answers (405).
 */
function refusalExpected(test: BarrageCase): number[] | null {
  if (test.name.startsWith('auth: ')) return [401, 403];
  if (test.name.startsWith('unsupported method ')) return [405];
  if (/^:\w+ is /.test(test.name)) return [400, 401, 404, 405];
  return null;
}

/** The answer's problem, if any: a 5xx, or an error that is not in its API's error format. */
function problemOf({ test, response }: Outcome): string | null {
  // /Me is not implemented: RFC 7644 §3.11 has it answer 501.
  const notImplemented = response.status === 501 && /^\/scim\/v2\/[^/]+\/Me$/.test(test.path.split('?')[0]);
  if (response.status >= 500 && !notImplemented)
    return `answered ${response.status}: ${response.text.slice(0, 300)}`;
  const refusal = refusalExpected(test);
  if (refusal && !refusal.includes(response.status)) {
    return `answered ${response.status}, not ${refusal.join(' or ')}`;
  }
  if (response.status < 400) return null;
  const problem = test.path.startsWith('/scim/') ? scimErrorProblem(response) : adminErrorProblem(response);
  return problem ? `answered ${response.status}, ${problem}` : null;
}

describe('A barrage of hostile requests on every SCIM and admin route', () => {
  let t: TestApp;
  let fixtures: BarrageFixtures;
  let port: number;

  beforeAll(async () => {
    // The barrage is about input: limits on rate and failed authentications have tests of their own.
    t = await createTestApp({
      env: {
        SCIM_RATE_LIMIT_PER_SECOND: '0',
        AUTH_FAILURE_BURST: '100000',
        AUTH_FAILURES_PER_MINUTE: '100000',
      },
    });
    port = await freePort();
    await t.app.listen(port, '127.0.0.1');
    fixtures = await makeFixtures(t);
  });
  afterAll(() => t?.close());

  it('covers every route, gets no 5xx, only error documents, and writes nothing it refuses', async () => {
    const routes = scimAndAdminRoutes(t.app);
    const cases = barrageCases(routes, buildOpenApiDocument(t.app), fixtures, SEED);
    const perRoute = new Map(routes.map((route) => [routeKey(route), 0]));
    for (const c of cases) perRoute.set(c.route, (perRoute.get(c.route) ?? 0) + 1);
    expect([...perRoute].filter(([, count]) => count < 8).map(([route]) => route)).toEqual([]);
    expect(routes.filter(isScimRoute).length).toBeGreaterThan(20);
    expect(routes.filter((r) => !isScimRoute(r)).length).toBeGreaterThan(20);
    expect(cases.length).toBeGreaterThanOrEqual(MINIMUM_CASES);

    const watch = await writeWatch(t, fixtures);
    const client = rawClient(port);
    const problems: string[] = [];
    const partialWrites: string[] = [];
    const accepted: string[] = [];
    const used = new Set<number>();
    const statuses = new Map<number, number>();
    const started = performance.now();
    try {
      for (const test of cases) {
        const response = await client.send(test);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const problem = problemOf({ test, response });
        if (problem) problems.push(`${test.route} — ${test.name}: ${problem}`);
        const changes = await watch.changes(response);
        if (changes.length === 0) continue;
        const ok = response.status >= 200 && response.status < 300;
        const reason = ACCEPTED_BY_DESIGN.findIndex(
          (a) => a.route.test(test.route) && a.name.test(test.name),
        );
        const line = `${test.route} — ${test.name}: ${response.status}, changed ${changes.join('; ')}`;
        if (ok && reason >= 0) {
          accepted.push(line);
          used.add(reason);
        } else partialWrites.push(line);
      }
    } finally {
      client.close();
    }
    // Nothing lands after its answer was sent.
    await new Promise((resolve) => setTimeout(resolve, 200));
    partialWrites.push(...(await watch.changes()).map((change) => `after the last answer: ${change}`));
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    console.log(
      `barrage: ${cases.length} requests over ${routes.length} routes in ${Math.round(performance.now() - started)} ms; ` +
        `statuses ${summary.join(' ')}; ${accepted.length} writes accepted by design:\n${accepted.join('\n')}`,
    );
    expect(problems).toEqual([]);
    expect(partialWrites).toEqual([]);
    expect(ACCEPTED_BY_DESIGN.filter((_, i) => !used.has(i)).map((a) => a.why)).toEqual([]);
  }, 600_000);
});

/**
 * What each request changed in the barrage's tenants (and, on the embedded database, which no other
 * test file shares, in the number of tenants). A tenant a request creates joins the watched set.
 */
async function writeWatch(t: TestApp, f: BarrageFixtures) {
  const snapshotter = await tenantSnapshotter(t.db);
  const tenants = new Set([f.scim.tenantId, f.admin.tenantId, f.other.tenantId]);
  const embedded = process.env.ROLLCALL_TEST_DATABASE === 'embedded';
  const tenantCount = async () => {
    if (!embedded) return 0;
    const [row]: [{ n: number }] = await t.db.query(`SELECT count(*)::int AS n FROM tenant`);
    return row.n;
  };
  const named = async () => {
    const rows: Array<{ id: string }> = await t.db.query(`SELECT id FROM tenant WHERE name LIKE $1 || '%'`, [
      f.marker,
    ]);
    for (const row of rows) tenants.add(row.id);
  };
  await named();
  let mark = await snapshotter.writeMark();
  let snapshot = await snapshotter.take([...tenants]);
  let count = await tenantCount();
  return {
    async changes(response?: RawResponse): Promise<string[]> {
      const nowMark = await snapshotter.writeMark();
      if (nowMark === mark) return [];
      mark = nowMark;
      const created = response && /^\{"id":"([0-9a-f-]{36})"/.exec(response.text);
      if (created) tenants.add(created[1]);
      await named();
      const after = await snapshotter.take([...tenants]);
      const changes = snapshotDifferences(snapshot, after);
      const nowCount = await tenantCount();
      if (nowCount !== count) changes.push(`tenant: ${count} rows → ${nowCount}`);
      snapshot = after;
      count = nowCount;
      return changes;
    },
  };
}

/** Three tenants through the API: the SCIM tenant, the admin tenant, and another one. */
async function makeFixtures(t: TestApp): Promise<BarrageFixtures> {
  const marker = `Barrage ${randomUUID()}`;
  const tenant = async (name: string) => {
    const created = await admin(t)
      .post('/admin/tenants', { name: `${marker} ${name}` })
      .expect(201);
    const id = created.body.id as string;
    const token = await admin(t).post(`/admin/tenants/${id}/tokens`, { description: 'barrage' }).expect(201);
    const tenantApi = scim(t, { id, token: token.body.token as string, base: `/scim/v2/${id}` });
    const user = await tenantApi
      .post('/Users', { schemas: [USER_SCHEMA], userName: `user@${name}.test` })
      .expect(201);
    const group = await tenantApi
      .post('/Groups', {
        schemas: [GROUP_SCHEMA],
        displayName: `${name} group`,
        members: [{ value: user.body.id }],
      })
      .expect(201);
    const webhook = await admin(t)
      .post(`/admin/tenants/${id}/webhooks`, { url: 'http://127.0.0.1:9/barrage' })
      .expect(201);
    return {
      tenantId: id,
      token: token.body.token as string,
      tokenId: token.body.id as string,
      userId: user.body.id as string,
      groupId: group.body.id as string,
      webhookId: webhook.body.id as string,
      api: tenantApi,
    };
  };
  const scimTenant = await tenant('scim');
  const adminTenant = await tenant('admin');
  const other = await tenant('other');
  await scimTenant.api.post('/Users', { schemas: [USER_SCHEMA], userName: 'taken@scim.test' }).expect(201);
  await scimTenant.api.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'taken group' }).expect(201);
  const revoked = await admin(t)
    .post(`/admin/tenants/${scimTenant.tenantId}/tokens`, { description: 'revoked' })
    .expect(201);
  await admin(t).delete(`/admin/tenants/${scimTenant.tenantId}/tokens/${revoked.body.id}`).expect(204);
  const activity = await admin(t).get(`/admin/tenants/${adminTenant.tenantId}/activity`).expect(200);
  const schemas = await scimTenant.api.get('/Schemas').expect(200);
  return {
    adminKey: ADMIN_KEY,
    marker,
    scim: {
      tenantId: scimTenant.tenantId,
      token: scimTenant.token,
      userId: scimTenant.userId,
      groupId: scimTenant.groupId,
      takenUserName: 'taken@scim.test',
      takenDisplayName: 'taken group',
    },
    admin: {
      tenantId: adminTenant.tenantId,
      userId: adminTenant.userId,
      webhookId: adminTenant.webhookId,
      tokenId: adminTenant.tokenId,
      entryId: (activity.body.items?.[0]?.id as string | undefined) ?? randomUUID(),
    },
    other,
    revokedToken: revoked.body.token as string,
    schemas: schemas.body.Resources,
  };
}
