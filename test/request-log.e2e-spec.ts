import { Logger } from '@nestjs/common';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { LogCapture } from './helpers/log-capture';
import { createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';
import { TenantTokensService } from '../src/tenants/tenant-tokens.service';

/** What every pino logger and child inherits `child` from (each logger has a prototype of its own above it). */
const pinoPrototype = Object.getPrototypeOf(Object.getPrototypeOf(pinoHttp({ level: 'silent' }).logger)) as {
  child: () => unknown;
};

/** During this test, each token check logs a warning from inside its request, as a fault would. */
function warnInsideRequests(): void {
  // The original, called with the service as `this` below.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const authenticate = TenantTokensService.prototype.authenticate;
  jest.spyOn(TenantTokensService.prototype, 'authenticate').mockImplementation(function (
    this: TenantTokensService,
    ...args: Parameters<typeof authenticate>
  ) {
    new Logger('RequestLogTest').warn('a warning inside the request');
    return authenticate.apply(this, args);
  });
}

const warning = (logs: LogCapture) => logs.lines.find((l) => l.msg === 'a warning inside the request');

describe.each([
  { level: 'warn' as const, requestLine: false },
  { level: 'info' as const, requestLine: true },
])('The request log at LOG_LEVEL=$level', ({ level, requestLine }) => {
  let t: TestApp;
  let a: TestTenant;
  let logs: LogCapture;

  beforeAll(async () => {
    logs = new LogCapture();
    t = await createTestApp({ logStream: logs, logLevel: level });
    a = await createTenant(t);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it(`${requestLine ? 'writes' : 'leaves out'} the request line, and a line logged during a request carries the request`, async () => {
    warnInsideRequests();
    await scim(t, a).get('/Users?count=1').set('X-Request-Id', `log-${level}-1`).expect(200);
    expect(warning(logs)).toMatchObject({
      level: 40,
      context: 'RequestLogTest',
      req: { id: `log-${level}-1`, method: 'GET', path: `${a.base}/Users` },
    });
    const line = logs.lines.find((l) => l.msg === 'GET 200' || String(l.msg).startsWith('GET 200 '));
    if (requestLine) {
      expect(line).toMatchObject({
        level: 30,
        req: { id: `log-${level}-1`, method: 'GET', path: `${a.base}/Users` },
        res: { status: 200 },
        tenantId: a.id,
        route: '/scim/v2/:tenantId/Users',
      });
    } else {
      expect(line).toBeUndefined();
    }
  });

  it(`${requestLine ? 'makes' : 'makes no'} child logger for a request that logs nothing`, async () => {
    const child = jest.spyOn(pinoPrototype, 'child');
    await scim(t, a).get('/Users?count=1').expect(200);
    if (requestLine) expect(child).toHaveBeenCalled();
    else expect(child).not.toHaveBeenCalled();
  });
});

describe('Security headers', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it("are helmet's, on every response", async () => {
    const expected = new Map<string, string>();
    const stand = {
      setHeader: (name: string, value: string) => expected.set(name.toLowerCase(), value),
      removeHeader: () => undefined,
    };
    // The options of src/pipeline/response-headers.ts with an https PUBLIC_URL, as in the tests.
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': [],
        },
      },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    })({} as never, stand as never, () => undefined);
    expect(expected.size).toBeGreaterThan(8);
    for (const path of ['/health/live', '/scim/v2/00000000-0000-4000-8000-000000000000/Users', '/nowhere']) {
      const res = await t.http.get(path);
      for (const [name, value] of expected)
        expect([path, name, res.headers[name]]).toEqual([path, name, value]);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
