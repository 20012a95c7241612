import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createTestAppWithEnv, migrateDatabase } from './app-with-env';
import { freePort } from './free-port';
import type { TestApp, TestAppOptions } from './test-app';

const VERSION = '15';
const BINARIES = `/usr/lib/postgresql/${VERSION}/bin`;

/**
 * Why a PostgreSQL cluster of the test's own cannot be made here, or null when it can. Tests that
 * stop or freeze a database use one, never the shared server that parallel jest workers use.
 */
export function ownClusterUnavailable(): string | null {
  if (!existsSync(`${BINARIES}/postgres`)) return `PostgreSQL ${VERSION} binaries (${BINARIES}) not found`;
  for (const tool of ['pg_createcluster', 'pg_ctlcluster', 'pg_dropcluster']) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
    } catch {
      return `${tool} (Debian's postgresql-common) not found`;
    }
  }
  if (process.getuid?.() !== 0) return 'not running as root (needed to create and signal a cluster)';
  return null;
}

/** Skips with one line saying what is missing, when an own cluster cannot be made. */
export function describeWithOwnCluster(name: string, body: () => void): void {
  const missing = ownClusterUnavailable();
  if (missing) describe(name, () => it.skip(`needs a PostgreSQL cluster of its own: ${missing}`, () => {}));
  else describe(name, body);
}

export interface OwnCluster {
  name: string;
  port: number;
  url: string;
  /** `pg_ctlcluster stop` (fast: backends get 57P01) or immediate. */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** SIGSTOP or SIGCONT to the postmaster and every backend: the server freezes, its sockets stay open. */
  freeze(): void;
  thaw(): void;
  /** SIGSTOP / SIGCONT to one backend. */
  signal(pid: number, signal: 'SIGSTOP' | 'SIGCONT'): void;
  drop(): void;
}

function ctl(name: string, action: string, ...args: string[]): void {
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', VERSION, name, action, ...args], {
    stdio: 'pipe',
  });
}

/** Creates and starts a cluster on a free port, trust authentication on loopback, and its database. */
export async function createOwnCluster(): Promise<OwnCluster> {
  const port = await freePort();
  const name = `rollcall_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  try {
    execFileSync('pg_createcluster', [VERSION, name, '-p', String(port), '--start', '--', '--auth=trust'], {
      stdio: 'pipe',
    });
  } catch (error) {
    execFileSync('pg_dropcluster', [VERSION, name, '--stop'], { stdio: 'ignore' });
    throw error;
  }
  const dataDir = `/var/lib/postgresql/${VERSION}/${name}`;
  const processes = (): number[] => {
    const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    let children: number[] = [];
    try {
      children = execFileSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map(Number);
    } catch {
      // no children
    }
    return [postmaster, ...children];
  };
  const url = `postgres://postgres@127.0.0.1:${port}/rollcall`;
  const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE rollcall');
  await admin.end();
  return {
    name,
    port,
    url,
    stop: (mode = 'fast') => ctl(name, 'stop', '-m', mode),
    start: () => ctl(name, 'start'),
    freeze: () => processes().forEach((pid) => process.kill(pid, 'SIGSTOP')),
    thaw: () => processes().forEach((pid) => process.kill(pid, 'SIGCONT')),
    signal: (pid, signal) => process.kill(pid, signal),
    drop: () => {
      try {
        processes().forEach((pid) => process.kill(pid, 'SIGCONT'));
      } catch {
        // stopped already
      }
      execFileSync('pg_dropcluster', [VERSION, name, '--stop'], { stdio: 'pipe' });
    },
  };
}

/** A cluster of a test file's own and the apps on it; see useOwnCluster. */
export interface OwnClusterContext {
  cluster: OwnCluster;
  /** The real app on the cluster's database, with `env` on top; closed before the cluster is dropped. */
  app(env?: Record<string, string>, options?: TestAppOptions): Promise<TestApp>;
  /** A connected client of the cluster's database, ended before the cluster is dropped. */
  client(applicationName?: string): Promise<Client>;
}

/**
 * Creates and migrates a cluster before the file's tests, and after them closes the apps made on it
 * and drops it. Use inside describeWithOwnCluster.
 */
export function useOwnCluster(): OwnClusterContext {
  const apps: TestApp[] = [];
  const clients: Client[] = [];
  const context = {
    app: async (env: Record<string, string> = {}, options: TestAppOptions = {}) => {
      const t = await createTestAppWithEnv({ DATABASE_URL: context.cluster.url, ...env }, options);
      apps.push(t);
      return t;
    },
    client: async (applicationName?: string) => {
      const client = new Client({ connectionString: context.cluster.url, application_name: applicationName });
      await client.connect();
      clients.push(client);
      return client;
    },
  } as OwnClusterContext;
  beforeAll(async () => {
    context.cluster = await createOwnCluster();
    await migrateDatabase(context.cluster.url);
  });
  afterAll(async () => {
    await Promise.all([...apps.map((t) => t.close()), ...clients.map((c) => c.end())]);
    context.cluster?.drop();
  });
  return context;
}
