import dns from 'node:dns/promises';
import { sample } from 'openapi-sampler';
import { checkedInDocument } from './helpers/openapi-contract';
import { admin, ADMIN_KEY, createTestApp, TestApp } from './helpers/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Offered {
  method: 'get' | 'post';
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

const document = checkedInDocument();

/**
 * What Swagger UI offers under "Try it out" for an operation: the query parameters pre-filled with
 * their example or default, and the request body's first named example, or else a body generated
 * from the schema (openapi-sampler, which fills each property from its example, default or type).
 */
function offered(method: 'get' | 'post', path: string, operation: Json): Offered {
  const query: Record<string, string> = {};
  for (const p of (operation.parameters ?? []) as Json[]) {
    const value = p.example ?? p.schema?.example ?? p.schema?.default;
    if (p.in === 'query' && value !== undefined) query[p.name as string] = String(value);
  }
  const media = operation.requestBody?.content?.['application/json'] as Json | undefined;
  if (!media) return { method, path, query };
  const named = media.examples ? (Object.values(media.examples)[0] as Json).value : undefined;
  const body = named ?? media.example ?? sample(media.schema, { skipReadOnly: true }, document);
  return { method, path, query, body };
}

/**
 * Every admin create and read operation that needs only the admin key and an existing tenant:
 * not those that need an id from an earlier step ({webhookId}, {userId}, …) or change or destroy data.
 */
function createAndReadOperations(): Array<[string, Offered]> {
  return Object.entries(document.paths as Record<string, Json>).flatMap(([path, operations]) => {
    if (!path.startsWith('/admin/')) return [];
    if ((path.match(/\{(\w+)\}/g) ?? []).some((p) => p !== '{tenantId}')) return [];
    return (['get', 'post'] as const)
      .filter((method) => operations[method])
      .map((method): [string, Offered] => [
        `${method.toUpperCase()} ${path}`,
        offered(method, path, operations[method] as Json),
      ]);
  });
}

describe('Swagger UI "Try it out", executed as offered', () => {
  let t: TestApp;
  let tenantId: string;
  beforeAll(async () => {
    // The webhook example names example.com, which a webhook registration resolves; this machine has
    // no DNS, so it is answered with the address the public DNS gives it.
    const lookup = dns.lookup.bind(dns);
    jest
      .spyOn(dns, 'lookup')
      .mockImplementation(((host: string, options: unknown) =>
        host === 'example.com'
          ? Promise.resolve([{ address: '93.184.215.14', family: 4 }])
          : lookup(host, options as never)) as typeof dns.lookup);
    t = await createTestApp();
    tenantId = (await admin(t).post('/admin/tenants', { name: 'Existing' }).expect(201)).body.id as string;
  });
  afterAll(() => t.close());

  const operations = createAndReadOperations();

  it('covers every admin create and read operation that needs no earlier step', () => {
    expect(operations.map(([name]) => name).sort()).toEqual(
      [
        'GET /admin/tenants',
        'POST /admin/tenants',
        'GET /admin/tenants/{tenantId}',
        'GET /admin/tenants/{tenantId}/tokens',
        'POST /admin/tenants/{tenantId}/tokens',
        'GET /admin/tenants/{tenantId}/seats',
        'GET /admin/tenants/{tenantId}/seats/history',
        'GET /admin/tenants/{tenantId}/events',
        'GET /admin/tenants/{tenantId}/webhooks',
        'POST /admin/tenants/{tenantId}/webhooks',
        'GET /admin/tenants/{tenantId}/activity',
        'GET /admin/tenants/{tenantId}/connection',
        'POST /admin/tenants/{tenantId}/portal-links',
      ].sort(),
    );
  });

  it.each(operations)('%s succeeds', async (_name, op) => {
    const url = op.path.replace('{tenantId}', tenantId);
    const req = t.http[op.method](url).query(op.query).set('Authorization', `Bearer ${ADMIN_KEY}`);
    const res = op.body === undefined ? await req : await req.send(op.body as object);
    expect({ status: res.status, body: res.body as unknown }).toEqual({
      status: op.method === 'post' ? 201 : 200,
      body: expect.not.objectContaining({ errors: expect.anything() }),
    });
  });
});
