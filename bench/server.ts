import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../test/helpers/spawned-server';

/** A Rollcall production build (`dist/main.js`) started by the bench. */
export interface BenchServer {
  child: ChildProcess;
  url: string;
}

/** Starts the server on the database of `databaseUrl` and waits until it is ready. */
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
      LOG_LEVEL: 'warn',
      WEB_CONCURRENCY: String(workers),
      DATABASE_POOL_SIZE: '16',
      WEBHOOK_DELIVERY: 'false',
      // Far above the load, so the rate limiter runs on every request without refusing one.
      SCIM_RATE_LIMIT_PER_SECOND: '1000000',
      SCIM_RATE_LIMIT_BURST: '10000000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
