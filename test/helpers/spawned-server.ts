import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  /** stdout, line by line as it arrived. */
  stdout: string[];
  stderr(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Kills the process if it is still running (test clean-up). */
  kill(): void;
}

/** A port the OS reports free now (the server binds it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Rollcall in a process of its own, on the test database, listening on 127.0.0.1 at a free port.
 * By default it runs src/main.ts through ts-node (no build needed); `command` runs something else
 * (e.g. `npm start`). Resolves once /health/live answers.
 */
export async function spawnServer(
  env: Record<string, string> = {},
  command: [string, ...string[]] = [process.execPath, '-r', 'ts-node/register', 'src/main.ts'],
): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(command[0], command.slice(1), {
    cwd: ROOT,
    env: {
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: 'true',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'info',
      RUN_MIGRATIONS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    stdout.push(...lines);
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => {
      if (pending) stdout.push(pending);
      resolve({ code, signal, at: performance.now() });
    }),
  );
  const server: SpawnedServer = {
    url: `http://127.0.0.1:${port}`,
    child,
    stdout,
    stderr: () => stderr,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  const deadline = Date.now() + 60_000;
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  for (;;) {
    if (exitedEarly) throw new Error(`the server exited before it was ready:\n${stderr}`);
    if (Date.now() > deadline) {
      server.kill();
      throw new Error(`the server did not answer within 60 s:\n${stderr}`);
    }
    try {
      if ((await fetch(`${server.url}/health/live`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
