import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exitStatus,
  SpawnedServer,
  spawnServer,
  stopServer,
  waitUntilAnswering,
} from './helpers/spawned-server';

// Real server processes on the embedded database, each on a free port, sharing a temporary DATA_DIR.
const posix = process.platform !== 'win32';
const describePosix = posix ? describe : describe.skip;
if (!posix) process.stderr.write('data-dir.e2e-spec: skipped, file modes and signals need a POSIX system\n');

/** How a SIGTERM'd server ends after its shutdown hooks: Nest re-raises the signal once it has closed. */
const GRACEFUL: Array<number | string> = [0, 'SIGTERM'];

/** Every path under `dir` (itself included) that group or others may access, with its mode. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) found.push(`${path} ${mode.toString(8)}`);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return found;
}

describePosix('DATA_DIR', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'rollcall-datadir-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // Whatever a failing test leaves running is killed.
  const started: SpawnedServer[] = [];
  const start = async (env: Record<string, string>) => {
    const server = await spawnServer(env, { inherit: false, waitFor: false });
    started.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => stopServer(server, 'SIGKILL')));
  });

  it("is created 0700 with owner-only files; one server at a time uses it; a dead holder's lock is taken over", async () => {
    const dataDir = join(root, 'data'); // does not exist yet: the server creates it
    const first = await start({ DATA_DIR: dataDir });
    await waitUntilAnswering(first);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'admin-api-key.sha256')).mode & 0o777).toBe(0o600);
    expect(openToOthers(dataDir)).toEqual([]);
    const lock = JSON.parse(readFileSync(join(dataDir, 'rollcall.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: first.child.pid, host: hostname() });

    // The generated admin key is printed once, on stderr; only its hash is kept.
    const key = /export ADMIN_KEY=(\S+)/.exec(first.stderr())?.[1] ?? '';
    expect(key).toMatch(/^rca_/);
    const created = await fetch(`http://127.0.0.1:${first.port}/admin/tenants`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Survives a crash' }),
    });
    expect(created.status).toBe(201);
    const tenant = (await created.json()) as { id: string };

    // A second server on the same folder refuses, in one line naming the folder and the holder.
    const second = await start({ DATA_DIR: dataDir });
    expect(exitStatus(await second.exited)).toBe(1);
    expect(second.stderr().trim().split('\n')).toEqual([
      `Configuration error: DATA_DIR ${dataDir} is in use by another Rollcall process ` +
        `(pid ${first.child.pid} on ${hostname()}, since ${lock.startedAt}): ` +
        'stop it, or give this one a DATA_DIR of its own',
    ]);
    const stillServing = await fetch(`http://127.0.0.1:${first.port}/admin/tenants/${tenant.id}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(stillServing.status).toBe(200);

    // A crash leaves the lock behind; the next server sees its holder is gone and takes over.
    expect(await stopServer(first, 'SIGKILL')).toBe('SIGKILL');
    expect(existsSync(join(dataDir, 'rollcall.lock'))).toBe(true);
    const third = await start({ DATA_DIR: dataDir });
    await waitUntilAnswering(third);
    expect(JSON.parse(readFileSync(join(dataDir, 'rollcall.lock'), 'utf8')).pid).toBe(third.child.pid);
    const read = await fetch(`http://127.0.0.1:${third.port}/admin/tenants/${tenant.id}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: tenant.id, name: 'Survives a crash' });
    expect(GRACEFUL).toContain(await stopServer(third));
    // A clean stop gives the folder up, and leaves no file open to others.
    expect(existsSync(join(dataDir, 'rollcall.lock'))).toBe(false);
    expect(openToOthers(dataDir)).toEqual([]);

    // What an older version left: folders and files open to others, and the lock of a process that
    // is gone. The next start takes the lock over and closes the folder.
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'pgdata'), 0o755);
    chmodSync(join(dataDir, 'pgdata', 'PG_VERSION'), 0o666);
    const gone = { pid: 2 ** 22 + 1, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' };
    writeFileSync(join(dataDir, 'rollcall.lock'), JSON.stringify(gone));
    const fourth = await start({ DATA_DIR: dataDir });
    await waitUntilAnswering(fourth);
    expect(JSON.parse(readFileSync(join(dataDir, 'rollcall.lock'), 'utf8')).pid).toBe(fourth.child.pid);
    expect(openToOthers(dataDir)).toEqual([]);
    expect(GRACEFUL).toContain(await stopServer(fourth));

    // Two servers taking over one stale lock at once: exactly one gets it, the other refuses.
    writeFileSync(join(dataDir, 'rollcall.lock'), JSON.stringify(gone));
    const racers = [await start({ DATA_DIR: dataDir }), await start({ DATA_DIR: dataDir })];
    const loser = await Promise.race(racers.map((r) => r.exited.then(() => r)));
    expect(exitStatus(await loser.exited)).toBe(1);
    expect(loser.stderr()).toContain(`DATA_DIR ${dataDir} is in use by another Rollcall process`);
    const winner = racers.find((r) => r !== loser) as SpawnedServer;
    await waitUntilAnswering(winner);
    expect(JSON.parse(readFileSync(join(dataDir, 'rollcall.lock'), 'utf8')).pid).toBe(winner.child.pid);
    expect(GRACEFUL).toContain(await stopServer(winner));
  }, 120_000);
});
