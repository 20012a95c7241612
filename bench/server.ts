import { ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port the OS reports free now (the bench never binds a fixed one: other runs share the machine). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface ServerOptions {
  databaseUrl: string;
  port: number;
  adminKey: string;
  workers: number;
  /** More environment for the server (e.g. the webhook worker's settings). */
  env?: Record<string, string>;
}

/** Servers still running: stopped when the bench exits, however it exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((server) => server.kill('SIGTERM')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

/** Starts Rollcall's production build and waits until it is ready. */
export async function startServer(options: ServerOptions): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['dist/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      PUBLIC_URL: `http://127.0.0.1:${options.port}`,
      ADMIN_API_KEY: options.adminKey,
      LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'warn',
      WEB_CONCURRENCY: String(options.workers),
      DATABASE_POOL_SIZE: '16',
      WEBHOOK_DELIVERY: 'false',
      ...options.env,
    },
    // BENCH_SERVER_LOG=<file> keeps the server's JSON log there (at BENCH_SERVER_LOG_LEVEL, default warn).
    stdio: [
      'ignore',
      process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, 'a') : 'ignore',
      'inherit',
    ],
  });
  running.add(server);
  server.once('exit', () => running.delete(server));
  for (let i = 0; i < 300; i += 1) {
    try {
      const res = await fetch(`http://127.0.0.1:${options.port}/health/ready`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

export async function stopServer(server: ChildProcess): Promise<void> {
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

/** POSTs to the admin API and answers the JSON body; throws on anything but 2xx. */
export async function adminPost(
  port: number,
  adminKey: string,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}
