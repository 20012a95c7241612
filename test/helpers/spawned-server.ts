import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A port the OS reports free now (servers of other developers and CI share the machine). */
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

export interface SpawnedProcess {
  process: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
}

export interface SpawnedServer extends SpawnedProcess {
  port: number;
}

/**
 * One of Rollcall's entry points (`src/main.ts`, `src/database/migrate.ts`), compiled on the fly, in a
 * process of its own. `env` is added to a clean environment: the test run's database settings are not
 * passed on, so without DATABASE_URL it uses the embedded database of DATA_DIR.
 */
export function spawnScript(script: string, env: Record<string, string>): SpawnedProcess {
  const inherited = Object.fromEntries(
    ['PATH', 'HOME', 'TMPDIR', 'LANG'].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])),
  );
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script], {
    cwd: ROOT,
    env: { ...inherited, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { process: child, stdout: () => output.stdout, stderr: () => output.stderr, exited };
}

/** The server (`src/main.ts`, as `npm start` runs it) on 127.0.0.1 and a free port. */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const port = await freePort();
  return { ...spawnScript('src/main.ts', { PORT: String(port), ...env }), port };
}

/** Waits until `/health/ready` answers 200; fails if the process ends or `timeoutMs` passes first. */
export async function waitReady(server: SpawnedServer, timeoutMs = 45_000): Promise<void> {
  const ended: { code?: number | string } = {};
  void server.exited.then((code) => (ended.code = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (ended.code !== undefined) {
      throw new Error(`server exited (${ended.code}) before it was ready: ${server.stderr()}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/health/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.process.kill('SIGKILL');
  throw new Error(`server not ready within ${timeoutMs} ms: ${server.stderr()}`);
}

/** Ends the process (SIGTERM: graceful) and waits for it, killing it if it outlives `timeoutMs`. */
export async function stopServer(
  server: SpawnedServer,
  signal: NodeJS.Signals = 'SIGTERM',
  timeoutMs = 15_000,
) {
  if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill(signal);
  const timer = setTimeout(() => server.process.kill('SIGKILL'), timeoutMs);
  try {
    return await server.exited;
  } finally {
    clearTimeout(timer);
  }
}
