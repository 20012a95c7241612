import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port';

export { freePort };

const ROOT = join(__dirname, '..', '..');

/** How a spawned process ended: its exit code, or the signal that ended it, and when. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

export interface SpawnedProcess {
  child: ChildProcess;
  /** Everything written to stdout so far, and the same split into complete lines. */
  stdout(): string;
  stdoutLines(): string[];
  stderr(): string;
  /** Resolves once the process has exited. */
  exited: Promise<ProcessExit>;
  /** SIGKILL if it is still running (test clean-up). */
  kill(): void;
}

export interface SpawnedServer extends SpawnedProcess {
  port: number;
  url: string;
}

export interface SpawnOptions {
  /**
   * Pass the test run's environment on (its DATABASE_URL among it). False starts from a clean
   * environment, so without DATABASE_URL in `env` the process uses the embedded database of DATA_DIR.
   */
  inherit?: boolean;
}

/** The code, or else the signal name, of an exit: what assertions usually compare. */
export function exitStatus(exit: ProcessExit): number | string {
  return exit.code ?? exit.signal ?? -1;
}

/** Any command in a process of its own, in the project folder, with its output collected. */
export function spawnCommand(
  command: [string, ...string[]],
  env: Record<string, string | undefined>,
  options: SpawnOptions = {},
): SpawnedProcess {
  const base = options.inherit
    ? process.env
    : Object.fromEntries(
        ['PATH', 'HOME', 'TMPDIR', 'LANG'].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])),
      );
  const child = spawn(command[0], command.slice(1), {
    cwd: ROOT,
    env: { ...base, TS_NODE_TRANSPILE_ONLY: 'true', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  return {
    child,
    stdout: () => output.stdout,
    stdoutLines: () => output.stdout.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1),
    stderr: () => output.stderr,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** One of Rollcall's entry points (`src/main.ts`, `src/database/migrate.ts`), compiled on the fly. */
export function spawnScript(
  script: string,
  env: Record<string, string | undefined>,
  options: SpawnOptions = {},
): SpawnedProcess {
  return spawnCommand([process.execPath, '-r', 'ts-node/register/transpile-only', script], env, options);
}

export interface ServerOptions extends SpawnOptions {
  /** What to run instead of `src/main.ts` (e.g. `npm start`); PORT and PUBLIC_URL are set either way. */
  command?: [string, ...string[]];
  /** Wait for this health path to answer 200 before resolving; false resolves at once. */
  waitFor?: '/health/live' | '/health/ready' | false;
}

/**
 * The server on 127.0.0.1 at a free port. By default it inherits the test run's environment (its
 * database) and resolves once `/health/live` answers.
 */
export async function spawnServer(
  env: Record<string, string | undefined> = {},
  options: ServerOptions = {},
): Promise<SpawnedServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const command = options.command ?? [
    process.execPath,
    '-r',
    'ts-node/register/transpile-only',
    'src/main.ts',
  ];
  const inherit = options.inherit ?? true;
  // The test run's database is migrated already (global setup); a fresh DATA_DIR migrates at start.
  const migrations: Record<string, string> = inherit ? { RUN_MIGRATIONS: 'false' } : {};
  const spawned = spawnCommand(
    command,
    { PORT: String(port), PUBLIC_URL: url, LOG_LEVEL: 'info', ...migrations, ...env },
    { inherit },
  );
  const server = { ...spawned, port, url };
  const waitFor = options.waitFor ?? '/health/live';
  if (waitFor) await waitUntilAnswering(server, waitFor);
  return server;
}

/** Waits until `path` answers 200; fails if the process ends or `timeoutMs` passes first. */
export async function waitUntilAnswering(
  server: SpawnedServer,
  path: string = '/health/ready',
  timeoutMs = 60_000,
): Promise<void> {
  let ended: ProcessExit | null = null;
  void server.exited.then((exit) => (ended = exit));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (ended)
      throw new Error(`server exited (${exitStatus(ended)}) before it was ready: ${server.stderr()}`);
    try {
      if ((await fetch(`${server.url}${path}`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error(`server not ready within ${timeoutMs} ms: ${server.stderr()}`);
}

/** Ends the process (SIGTERM: graceful) and waits for it, killing it if it outlives `timeoutMs`. */
export async function stopServer(
  server: SpawnedProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  timeoutMs = 15_000,
): Promise<number | string> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  const timer = setTimeout(() => server.kill(), timeoutMs);
  try {
    return exitStatus(await server.exited);
  } finally {
    clearTimeout(timer);
  }
}
