import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { Pool } from 'pg';

export interface Figures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
}

export interface HttpScenario {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Path and body of the n-th request (n counts from 0 across all connections). */
  request(n: number): { path: string; body?: unknown };
  auth: boolean;
}

/** `POST /Users` of a new active user each time, named `<prefix>-<n>@bench.test`. */
export function createUsers(base: string, prefix: string): HttpScenario {
  return {
    name: 'POST /Users',
    method: 'POST',
    auth: true,
    request: (n) => ({
      path: `${base}/Users`,
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `${prefix}-${n}@bench.test`,
        name: { givenName: 'New', familyName: `User ${n}` },
        emails: [{ value: `${prefix}-${n}@bench.test`, type: 'work', primary: true }],
        active: true,
      },
    }),
  };
}

/** `PATCH /Users/{id}` setting `active` false, then true, on each of `ids` in turn. */
export function toggleActive(base: string, ids: string[]): HttpScenario {
  return {
    name: 'PATCH /Users/{id} active false/true',
    method: 'PATCH',
    auth: true,
    request: (n) => ({
      path: `${base}/Users/${ids[n % ids.length]}`,
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', value: { active: Math.floor(n / ids.length) % 2 === 1 } }],
      },
    }),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function figuresOf(latencies: number[], errors: number, seconds: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requestsPerSecond: Math.round(latencies.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    errors,
    requests: latencies.length,
  };
}

/**
 * Drives one scenario at fixed concurrency with autocannon, for `seconds`, or until `amount` requests
 * when given (then the rate is over the time they took); every latency is kept for percentiles.
 */
export async function runHttp(
  baseUrl: string,
  token: string,
  scenario: HttpScenario,
  connections: number,
  seconds: number,
  amount?: number,
): Promise<Figures> {
  let counter = 0;
  const started = performance.now();
  const latencies: number[] = [];
  let errors = 0;
  // Without a callback autocannon's instance is also the promise of its result.
  const instance = autocannon({
    url: baseUrl,
    connections,
    ...(amount === undefined ? { duration: seconds } : { amount }),
    headers: {
      'content-type': 'application/scim+json',
      ...(scenario.auth ? { authorization: `Bearer ${token}` } : {}),
    },
    requests: [
      {
        method: scenario.method,
        setupRequest: (req) => {
          const { path, body } = scenario.request(counter++);
          return { ...req, path, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) };
        },
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  // `on` returns the instance, itself a promise: awaited below.
  void instance.on(
    'response',
    (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 400) errors += 1;
      latencies.push(responseTime);
    },
  );
  const result = await instance;
  const elapsed = amount === undefined ? seconds : (performance.now() - started) / 1000;
  return figuresOf(latencies, errors + result.errors + result.timeouts, elapsed);
}

/** The database's ceiling: the statements a scenario runs, straight through `pg`, same concurrency. */
export async function runSql(
  databaseUrl: string,
  statements: (n: number) => Array<{ text: string; values: unknown[] }>,
  connections: number,
  seconds: number,
): Promise<Figures> {
  const pool = new Pool({ connectionString: databaseUrl, max: connections });
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const end = Date.now() + seconds * 1000;
  const loop = async () => {
    while (Date.now() < end) {
      const started = performance.now();
      try {
        for (const s of statements(counter++)) await pool.query(s.text, s.values);
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  await pool.end();
  return figuresOf(latencies, errors, seconds);
}

/** A process and its children (cluster workers). */
function withChildren(pid: number): number[] {
  const pids = [pid];
  try {
    pids.push(
      ...execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    // no children
  }
  return pids;
}

/** Resident memory of a process and of each of its children (cluster workers), in MB, one per process. */
export function processRssMb(pid: number): number[] {
  return withChildren(pid).map((p) => {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return match ? Number(match[1]) / 1024 : 0;
    } catch {
      return 0; // exited
    }
  });
}

/** Resident memory of a process and its children (cluster workers) together, in MB. */
export function rssMb(pid: number): number {
  return Math.round(processRssMb(pid).reduce((sum, mb) => sum + mb, 0));
}

/** Samples RSS while `work` runs and returns its peak. */
export async function peakRss<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; peakMb: number }> {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
  try {
    const result = await work();
    return { result, peakMb: Math.max(peak, rssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** Clock ticks per second of /proc's CPU times (Linux's USER_HZ). */
const TICKS_PER_SECOND = 100;

/** CPU time (user and system) each process has used so far, in ms, by pid; a gone process is left out. */
function cpuMs(pids: Iterable<number>): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      // exited
    }
  }
  return used;
}

/** The PostgreSQL backends serving the database of `pool`'s connections. */
async function backendsOf(pool: Pool): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return rows.map((r) => r.pid);
}

/**
 * CPU time used while `work` runs, in ms: by the server process `pid` with its workers, and by the
 * PostgreSQL backends of the database `pool` connects to (those started during the work counted
 * whole). A figure of the work's own cost that another load on the machine barely moves, where
 * requests per second fall with it. Linux only.
 */
export async function cpuDuring<T>(
  pid: number,
  pool: Pool,
  work: () => Promise<T>,
): Promise<{ result: T; serverMs: number; postgresMs: number }> {
  const server = cpuMs(withChildren(pid));
  const backends = cpuMs(await backendsOf(pool));
  const result = await work();
  const spent = (before: Map<number, number>, after: Map<number, number>) =>
    [...after].reduce((sum, [p, ms]) => sum + ms - (before.get(p) ?? 0), 0);
  const serverMs = spent(server, cpuMs(withChildren(pid)));
  const postgresMs = spent(backends, cpuMs(new Set([...backends.keys(), ...(await backendsOf(pool))])));
  return { result, serverMs, postgresMs };
}
