import { spawnSync } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
import { spawnServer, SpawnedServer } from './helpers/spawned-server';
import { ADMIN_KEY, createTestApp } from './helpers/test-app';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const embedded = process.env.ROLLCALL_TEST_DATABASE === 'embedded';

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

function send(agent: Agent, url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(url, { method, agent, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function adminPost(server: SpawnedServer, path: string, body: object) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, string>;
}

/**
 * Drives creates through 8 keep-alive connections, sends SIGTERM mid-load, and keeps sending until
 * the server stops answering. Returns what the client saw and what the database holds.
 */
async function createUsersThroughShutdown(server: SpawnedServer) {
  const tenant = await adminPost(server, '/admin/tenants', {
    name: 'Drain',
    scimRateLimit: { perSecond: 0 },
  });
  const { token } = await adminPost(server, `/admin/tenants/${tenant.id}/tokens`, {});
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const acknowledged: string[] = [];
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  let closesAfterSignal = 0;
  let signalledAt = 0;
  const loop = async (n: number) => {
    for (let i = 0; ; i += 1) {
      const userName = `drain-${n}-${i}@acme.com`;
      const startedAt = performance.now();
      try {
        const answer = await send(
          agent,
          `${server.url}/scim/v2/${tenant.id}/Users`,
          'POST',
          { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
          JSON.stringify({ schemas: [USER], userName, password: 'Drain-Pa55word!' }),
        );
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        if (!signalledAt) latencies.push(performance.now() - startedAt);
        if (answer.status === 201) acknowledged.push(userName);
        if (signalledAt && answer.connection === 'close') closesAfterSignal += 1;
      } catch {
        // Refused or reset: not acknowledged. Before the signal that would be a failure of the test.
        if (signalledAt) return;
        throw new Error('the server failed before SIGTERM');
      }
      if (signalledAt && performance.now() - signalledAt > 20_000) return;
    }
  };
  const loops = Array.from({ length: 8 }, (_, n) => loop(n));
  while (acknowledged.length < 16) await new Promise((resolve) => setTimeout(resolve, 20));
  signalledAt = performance.now();
  server.child.kill('SIGTERM');
  await Promise.all(loops);
  const exit = await server.exited;
  agent.destroy();
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const rows = await db.query<{ user_name: string }>(
      `SELECT user_name FROM scim_user WHERE tenant_id = $1`,
      [tenant.id],
    );
    return {
      acknowledged,
      statuses,
      closesAfterSignal,
      stored: new Set(rows.rows.map((r) => r.user_name)),
      exit,
      drainMs: Math.round(exit.at - signalledAt),
      medianCreateMs: Math.round(latencies.sort((x, y) => x - y)[Math.floor(latencies.length / 2)]),
    };
  } finally {
    await db.end();
  }
}

describe('Shutdown', () => {
  it('answers /health/ready 503 and asks every client to close its connection once draining', async () => {
    const t = await createTestApp();
    try {
      const { ShutdownState } = await import('../src/pipeline/shutdown-state');
      await t.http.get('/health/ready').expect(200);
      t.app.get(ShutdownState).begin();
      const ready = await t.http.get('/health/ready').expect(503);
      expect(ready.headers.connection).toBe('close');
      const live = await t.http.get('/health/live').expect(200);
      expect(live.headers.connection).toBe('close');
    } finally {
      await t.close();
    }
  });

  const modes: Array<[string, Record<string, string>]> = [['one process', {}]];
  // node:cluster workers need a PostgreSQL server (the embedded database serves one process).
  if (!embedded) modes.push(['WEB_CONCURRENCY=2', { WEB_CONCURRENCY: '2' }]);

  it.each(modes)(
    'drains on SIGTERM under load (%s): every acknowledged create is stored, and it exits in the grace period',
    async (_mode, env) => {
      const server = await spawnServer({ ...env, SHUTDOWN_GRACE_SECONDS: '10' });
      try {
        const seen = await createUsersThroughShutdown(server);
        expect(seen.exit).toMatchObject({ code: 0, signal: null });
        expect(seen.acknowledged.length).toBeGreaterThanOrEqual(16);
        expect(seen.acknowledged.filter((u) => !seen.stored.has(u))).toEqual([]);
        // Every response was a 201: none failed because the server was going away.
        expect(Object.keys(seen.statuses)).toEqual(['201']);
        expect(seen.closesAfterSignal).toBeGreaterThan(0);
        expect(seen.drainMs).toBeLessThan(10_000);
        process.stderr.write(
          `shutdown (${_mode}): ${seen.acknowledged.length} creates acknowledged, ${seen.stored.size} stored, ` +
            `exit ${seen.drainMs} ms after SIGTERM (a create took ${seen.medianCreateMs} ms, median)\n`,
        );
        // stdout is JSON lines only (the banner is on stderr); the shutdown is logged.
        const lines = server
          .stdoutLines()
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        expect(lines.some((l) => l.msg === 'SIGTERM: draining, then shutting down')).toBe(true);
        const done = lines.filter((l) => l.msg === 'shut down');
        expect(done).toEqual(
          Array.from({ length: Number(env.WEB_CONCURRENCY ?? 1) }, () =>
            expect.objectContaining({ drainMs: expect.any(Number), totalMs: expect.any(Number) }),
          ),
        );
        process.stderr.write(`  server side: ${JSON.stringify(done.map((l) => [l.drainMs, l.totalMs]))}\n`);
        expect(server.stderr()).toContain('Rollcall is listening on port');
      } finally {
        server.kill();
      }
    },
    60_000,
  );

  it('`npm start` passes SIGTERM to the server, leaves no process behind, and does not rebuild a fresh dist/', async () => {
    // The first start builds dist/ if it is missing or older than src/ (a fresh clone); then it is fresh.
    const server = await spawnServer({}, { command: ['npm', 'start', '--silent'] });
    let pid = 0;
    try {
      const pids = new Set(
        server
          .stdoutLines()
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { pid: number }).pid),
      );
      expect(pids.size).toBe(1);
      [pid] = [...pids];
      expect(pid).not.toBe(server.child.pid);
      server.child.kill('SIGTERM');
      expect(await server.exited).toMatchObject({ code: 0 });
      expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
      const check = spawnSync(process.execPath, ['scripts/ensure-built.js'], { cwd: join(__dirname, '..') });
      expect(check.status).toBe(0);
      expect(check.stderr.toString()).toBe('');
    } finally {
      server.kill();
      try {
        if (pid) process.kill(pid, 'SIGKILL'); // an orphan, had the signal not reached it
      } catch {
        // gone, as it should be
      }
    }
  }, 90_000);
});
