import { USER_SCHEMA as USER } from '../src/scim/schema/urns';
import { LogCapture } from './helpers/log-capture';
import { describeWithOwnCluster, useOwnCluster } from './helpers/own-cluster';
import { createTenant, scim, TestApp, TestTenant } from './helpers/test-app';
import { waitFor } from './helpers/wait';

interface Outcome {
  status: number;
  retryAfter: string | undefined;
  userName: string;
  at: number;
  ms: number;
}

/**
 * The database frozen (SIGSTOP) and stopped (10 s) under load, on a cluster of the test's own: no
 * request hangs, every failure is a 503 with Retry-After, no acknowledged write is lost, and the
 * service recovers by itself once the database is back.
 */
describeWithOwnCluster('Database outage', () => {
  const own = useOwnCluster();
  let t: TestApp;
  let tenant: TestTenant;
  const logs = new LogCapture();
  beforeAll(async () => {
    t = await own.app(
      { TOKEN_CACHE_SECONDS: '0', DATABASE_STATEMENT_TIMEOUT_MS: '500', DATABASE_ACQUIRE_TIMEOUT_MS: '1000' },
      { logStream: logs },
    );
    tenant = await createTenant(t);
  });

  let counter = 0;
  async function createUser(): Promise<Outcome> {
    counter += 1;
    const userName = `load${counter}@acme.com`;
    const started = Date.now();
    const res = await scim(t, tenant).post('/Users', { schemas: [USER], userName });
    return {
      status: res.status,
      retryAfter: res.headers['retry-after'],
      userName,
      at: Date.now(),
      ms: Date.now() - started,
    };
  }

  const logged = (text: string) => logs.lines.some((l) => String(l.msg).startsWith(text));

  it('answers 503 with Retry-After within bounded time while the database is frozen, then recovers', async () => {
    const id = (
      await scim(t, tenant)
        .post('/Users', { schemas: [USER], userName: 'frozen@acme.com' })
        .expect(201)
    ).body.id as string;
    own.cluster.freeze();
    let during: Array<{ status: number; retryAfter?: string; ms: number; body: Record<string, unknown> }>;
    try {
      const timed = async (
        send: () => PromiseLike<{ status: number; headers: Record<string, string>; body: unknown }>,
      ) => {
        const started = Date.now();
        const res = await send();
        return {
          status: res.status,
          retryAfter: res.headers['retry-after'],
          ms: Date.now() - started,
          body: res.body as Record<string, unknown>,
        };
      };
      during = await Promise.all([
        timed(() => scim(t, tenant).get(`/Users/${id}`)),
        timed(() =>
          scim(t, tenant).get('/Users?filter=' + encodeURIComponent('userName eq "frozen@acme.com"')),
        ),
        timed(() => scim(t, tenant).post('/Users', { schemas: [USER], userName: 'frozen2@acme.com' })),
        timed(() => t.http.get('/health/ready')),
      ]);
    } finally {
      own.cluster.thaw();
    }
    for (const answer of during.slice(0, 3)) {
      expect(answer.status).toBe(503);
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      // Statement timeout 500 ms + 1 s grace, or the 1 s acquire timeout, then at most one retry.
      expect(answer.ms).toBeLessThan(6000);
    }
    const ready = during[3];
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    expect(logged('database connection lost:')).toBe(true);
    expect(
      await waitFor(5000, async () => (await scim(t, tenant).get(`/Users/${id}`)).status === 200),
    ).not.toBeNull();
    await t.http.get('/health/ready').expect(200);
    expect(logged('database connection recovered after')).toBe(true);
    process.stdout.write(`frozen database: answers in ${during.map((d) => d.ms).join(', ')} ms\n`);
  });

  it('loses no acknowledged write while the database is stopped for 10 s under load, and recovers', async () => {
    const outcomes: Outcome[] = [];
    let phase: 'before' | 'stopped' | 'after' = 'before';
    let startedAgainAt = 0;
    let stopLoadAt = Number.POSITIVE_INFINITY;
    const worker = async () => {
      while (Date.now() < stopLoadAt) {
        const outcome = await createUser();
        outcomes.push(outcome);
        // What Okta and Entra do with a 503: wait (here briefly, to keep the test short), then go on.
        if (outcome.status === 503) await new Promise((r) => setTimeout(r, 100));
      }
    };
    const load = Promise.all(Array.from({ length: 4 }, worker));
    await new Promise((r) => setTimeout(r, 1500));
    phase = 'stopped';
    own.cluster.stop('fast');
    await new Promise((r) => setTimeout(r, 5000));
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error.database).toMatchObject({ status: 'down' });
    await new Promise((r) => setTimeout(r, 5000));
    own.cluster.start();
    startedAgainAt = Date.now();
    phase = 'after';
    const recovered = await waitFor(15_000, async () =>
      outcomes.some((o) => o.status === 201 && o.at > startedAgainAt),
    );
    stopLoadAt = Date.now() + 1500;
    await load;
    expect(phase).toBe('after');
    expect(recovered).not.toBeNull();

    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.userName);
    const refused = outcomes.filter((o) => o.status !== 201);
    expect(refused.length).toBeGreaterThan(0);
    // Every failure is the truth about the outage: 503 with a Retry-After, never a 500 (nor its log).
    const unexpected = logs.lines.filter((l) => l.level === 50 && l.context === 'ScimExceptionFilter');
    expect({ wrong: refused.filter((o) => o.status !== 503 || !o.retryAfter), unexpected }).toEqual({
      wrong: [],
      unexpected: [],
    });
    const db = await own.client();
    const stored = await db.query<{ user_name: string }>(
      `SELECT user_name FROM scim_user WHERE tenant_id = $1 AND user_name = ANY($2)`,
      [tenant.id, acknowledged],
    );
    expect(stored.rows.map((r) => r.user_name).sort()).toEqual([...acknowledged].sort());
    const slowest = Math.max(...refused.map((o) => o.ms));
    expect(slowest).toBeLessThan(6000);
    process.stdout.write(
      `stopped 10 s under load: ${acknowledged.length} writes acknowledged, all stored; ` +
        `${refused.length} answered 503 (slowest ${slowest} ms, Retry-After ${[...new Set(refused.map((o) => o.retryAfter))].join('/')} s); ` +
        `first acknowledged write ${recovered} ms after the database was back\n`,
    );
  });
});
