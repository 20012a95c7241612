import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { openSync } from 'node:fs';
import { freePort } from '../test/helpers/free-port';

/** A Rollcall production build (`dist/main.js`) started by the bench, on a port found free. */
export interface BenchServer {
  child: ChildProcess;
  url: string;
}

/** Servers still running: stopped when the bench exits, however it exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((server) => server.kill('SIGTERM')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

/**
 * Starts the server on the database of `databaseUrl` and waits until it is ready. The rate limits
 * sit far above the load, so the limiter runs on every request without refusing one; `env` adds or
 * overrides variables. BENCH_SERVER_LOG=<file> keeps its JSON log (at BENCH_SERVER_LOG_LEVEL, warn).
 */
export async function startServer(
  databaseUrl: string,
  adminKey: string,
  workers: number,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PUBLIC_URL: url,
      ADMIN_API_KEY: adminKey,
      LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'warn',
      WEB_CONCURRENCY: String(workers),
      DATABASE_POOL_SIZE: '16',
      WEBHOOK_DELIVERY: 'false',
      SCIM_RATE_LIMIT_PER_SECOND: '1000000',
      SCIM_RATE_LIMIT_BURST: '10000000',
      ...env,
    },
    stdio: [
      'ignore',
      process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, 'a') : 'ignore',
      'inherit',
    ],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  for (let i = 0; i < 300; i += 1) {
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) return { child, url };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not become ready');
}

export async function stopServer(server: BenchServer): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

/** POSTs to the admin API and answers the JSON body; throws on anything but 2xx. */
export async function adminPost(
  server: BenchServer,
  adminKey: string,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}
