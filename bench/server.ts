import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../test/helpers/free-port';

/** A Rollcall production build (`dist/main.js`) started by the bench, on a port found free. */
export interface BenchServer {
  child: ChildProcess;
  url: string;
  /** From the spawn to the first ready answer. */
  readyAfterMs: number;
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
 * `root` is the folder of the build to run (another build of Rollcall, to compare with); `nodeArgs`
 * go to node before the script (`--cpu-prof`, which NODE_OPTIONS does not take).
 */
export async function startServer(
  databaseUrl: string,
  adminKey: string,
  workers: number,
  env: Record<string, string> = {},
  { root = process.cwd(), nodeArgs = [] }: { root?: string; nodeArgs?: string[] } = {},
): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], {
    cwd: root,
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
  const spawnedAt = performance.now();
  running.add(child);
  child.once('exit', () => running.delete(child));
  for (let i = 0; i < 300; i += 1) {
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) return { child, url, readyAfterMs: performance.now() - spawnedAt };
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

/** Creates a tenant (no seat limit) and a token of it through the admin API. */
export async function createTenant(
  server: BenchServer,
  adminKey: string,
  name: string,
): Promise<{ id: string; token: string; remove(through?: BenchServer): Promise<void> }> {
  const id = String((await adminPost(server, adminKey, '/admin/tenants', { name })).id);
  const token = String(
    (await adminPost(server, adminKey, `/admin/tenants/${id}/tokens`, { description: 'bench' })).token,
  );
  const remove = async (through = server) => {
    const res = await fetch(`${through.url}/admin/tenants/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${adminKey}` },
    });
    if (!res.ok) throw new Error(`DELETE tenant ${id}: ${res.status}`);
  };
  return { id, token, remove };
}

/** A Node process of the bench that prints one line once it listens; stopped when the bench exits. */
export async function spawnListening(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const lines = createInterface({ input: child.stdout });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${args.join(' ')} exited with ${String(code)}`);
    }),
  ])) as [string];
  lines.on('line', () => undefined); // the rest of its output is read and dropped
  return { child, line };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** A hello server of the bench: where it listens, its process (for its CPU time), how to stop it. */
export interface HelloServer {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** The machine's ceiling for any Node HTTP server: a bare `node:http` hello, in a process of its own. */
export async function startHello(): Promise<HelloServer> {
  const port = await freePort();
  const source =
    `require('node:http').createServer((q, s) => { s.writeHead(200, {'content-type': 'text/plain'}); s.end('hello'); })` +
    `.listen(${port}, '127.0.0.1', () => console.log('listening'));`;
  const { child } = await spawnListening(['-e', source], {});
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
}

/**
 * What a framework itself allows, from the same machine: a hello from bare express 5 or from a bare
 * Nest 11 app on @nestjs/platform-express (bench/framework-hello.ts), in a process of its own.
 */
export async function startFrameworkHello(framework: 'express' | 'nest'): Promise<HelloServer> {
  const port = await freePort();
  const { child } = await spawnListening(['-r', 'ts-node/register', join(__dirname, 'framework-hello.ts')], {
    HELLO_FRAMEWORK: framework,
    PORT: String(port),
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
}
