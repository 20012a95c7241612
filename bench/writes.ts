/**
 * Writes to one tenant with 1 and 2 worker processes, interleaved: POST /Users and PATCH active
 * false/true at 32 connections, on a tenant without a seat limit and on one with a limit (far above
 * what the run uses, so every activation is checked against it and none is refused), and an IdP's
 * import (creates at concurrency 8) and POST /Users from one client at a time (where a write's round
 * trips, not the CPU, set the pace) with 1 worker. Targets (the performance issue): POST with 2
 * workers at least 1.3× of 1 worker, an import of at least 1,000 users/s, and every worker process
 * under 300 MB resident. Each round starts the servers anew and alternates which worker count goes
 * first, so a drift in the machine's load falls on both; the figures are the medians of the rounds.
 * With 1 worker it also reads what each write costs in CPU, Rollcall's process and PostgreSQL's
 * backends (from /proc): a figure that another load on the machine moves far less than req/s. With
 * BENCH_WRITES_BEFORE=<folder of another build> each round also runs that build with 1 worker, in
 * turn with the others, for a before/after in one run.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { cpuDuring, createUsers, processRssMb, runHttp, toggleActive } from './load';
import { BenchServer, createTenant, startServer, stopServer } from './server';

const ROUNDS = 3;
const CONNECTIONS = 32;
const IMPORT_USERS = 5_000;
const IMPORT_CONCURRENCY = 8;
const TOGGLERS = 2_000;
const LIMIT = 10_000_000;

export interface WriteRow {
  scenario: string;
  seatLimit: boolean;
  /** Per round: req/s with 1 worker, then with 2. */
  oneWorker: number[];
  twoWorkers: number[];
  medianOne: number;
  medianTwo: number;
  /** medianTwo / medianOne. */
  scaling: number;
  errors: number;
  /**
   * CPU per request with 1 worker, per round and the median, in µs: Rollcall's process and the
   * PostgreSQL backends serving it. What a write costs, which another load on the machine moves far
   * less than it moves req/s.
   */
  cpuUsPerRequest: CpuPerRequest;
  /** With BENCH_WRITES_BEFORE: that build with 1 worker, interleaved; `ratio` is medianOne / its median. */
  before?: { rps: number[]; median: number; ratio: number; cpuUsPerRequest: CpuPerRequest };
}

interface OneClient {
  rps: number[];
  p50Ms: number[];
  medianRps: number;
  medianP50Ms: number;
}

interface CpuPerRequest {
  rollcall: number[];
  postgres: number[];
  medianRollcall: number;
  medianPostgres: number;
}

export interface WriteFigures {
  rounds: number;
  seconds: number;
  rows: WriteRow[];
  /** users/s per round, 1 worker, concurrency 8. */
  importUsersPerSecond: number[];
  medianImport: number;
  /** With BENCH_WRITES_BEFORE: the import on that build, per round, its median, and its largest process. */
  importBefore?: { usersPerSecond: number[]; median: number; peakWorkerRssMb: number };
  /**
   * POST /Users from one client at a time (an IdP that provisions in sequence), 1 worker, per round:
   * req/s and the median latency in ms; with BENCH_WRITES_BEFORE, the same on that build.
   */
  oneClient: OneClient;
  oneClientBefore?: OneClient;
  /** The largest resident size any one Rollcall process reached, in MB. */
  peakWorkerRssMb: number;
  targets: { postScaling: boolean; import: boolean; rss: boolean };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A server a round measures: this build or the one BENCH_WRITES_BEFORE names, with its worker count. */
interface Run {
  build: 'this' | 'before';
  workers: 1 | 2;
}

const newCpu = (): CpuPerRequest => ({ rollcall: [], postgres: [], medianRollcall: 0, medianPostgres: 0 });

const newRow = (scenario: string, seatLimit: boolean): WriteRow => ({
  scenario,
  seatLimit,
  oneWorker: [],
  twoWorkers: [],
  medianOne: 0,
  medianTwo: 0,
  scaling: 0,
  errors: 0,
  cpuUsPerRequest: newCpu(),
});

interface Side {
  label: string;
  tenantId: string;
  token: string;
  togglers: string[];
}

/** Creates `count` users through SCIM at `concurrency`; answers their ids and the rate. */
async function importUsers(
  base: string,
  token: string,
  prefix: string,
  count: number,
  concurrency: number,
): Promise<{ ids: string[]; usersPerSecond: number }> {
  const scenario = createUsers(base, prefix);
  const ids: string[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let n = next++; n < count; n = next++) {
      const { path, body } = scenario.request(n);
      const res = await fetch(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify(body),
      });
      const created = (await res.json()) as { id?: string };
      if (res.status !== 201 || !created.id) throw new Error(`POST /Users answered ${res.status}`);
      ids.push(created.id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ids, usersPerSecond: Math.round(count / ((performance.now() - started) / 1000)) };
}

export async function writesBench(
  databaseUrl: string,
  seconds: number,
  log: (line: string) => void,
): Promise<WriteFigures> {
  const adminKey = 'bench-admin-key-' + randomBytes(8).toString('hex');
  const runId = randomBytes(4).toString('hex');
  let server: BenchServer = await startServer(databaseUrl, adminKey, 1);
  // Of this build's processes; the build before's are read apart (peakBeforeRss).
  let peakRss = 0;
  let peakBeforeRss = 0;
  let measuring: Run['build'] = 'this';
  const sample = () => {
    const largest = Math.max(...processRssMb(server.child.pid ?? 0).map(Math.round));
    if (measuring === 'this') peakRss = Math.max(peakRss, largest);
    else peakBeforeRss = Math.max(peakBeforeRss, largest);
  };
  const timer = setInterval(sample, 200);
  const tenants: Array<Awaited<ReturnType<typeof createTenant>>> = [];
  const imports: number[] = [];
  const importsBefore: number[] = [];
  const oneClient = {
    this: { rps: [] as number[], p50Ms: [] as number[] },
    before: { rps: [] as number[], p50Ms: [] as number[] },
  };
  const figures = new Map<string, WriteRow>();
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const sides: Side[] = [];
    for (const limited of [false, true]) {
      const tenant = await createTenant(
        server,
        adminKey,
        `bench-writes-${limited ? 'limit' : 'open'}-${runId}`,
      );
      tenants.push(tenant);
      if (limited) {
        const res = await fetch(`${server.url}/admin/tenants/${tenant.id}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ seatLimit: LIMIT }),
        });
        if (!res.ok) throw new Error(`PATCH tenant seatLimit: ${res.status} ${await res.text()}`);
      }
      const base = `${server.url}/scim/v2/${tenant.id}`;
      const { ids } = await importUsers(base, tenant.token, `toggle-${runId}`, TOGGLERS, IMPORT_CONCURRENCY);
      sides.push({
        label: limited ? 'seat limit' : 'no seat limit',
        tenantId: tenant.id,
        token: tenant.token,
        togglers: ids,
      });
    }
    // BENCH_WRITES_BEFORE=<folder of another build>: the same with 1 worker on it, in the same rounds.
    const beforeRoot = process.env.BENCH_WRITES_BEFORE;
    const runs: Run[] = [
      { build: 'this', workers: 1 },
      { build: 'this', workers: 2 },
      ...(beforeRoot ? [{ build: 'before', workers: 1 } satisfies Run] : []),
    ];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Each round in another order, so a drift in the machine's load falls on every build alike.
      for (const run of [...runs.slice(round % runs.length), ...runs.slice(0, round % runs.length)]) {
        await stopServer(server);
        measuring = run.build;
        const root = run.build === 'before' ? { root: beforeRoot } : {};
        server = await startServer(databaseUrl, adminKey, run.workers, {}, root);
        // Warm up (compiled code, the pool's connections) before anything is measured: every user
        // deactivated and reactivated once, so the users are as they were.
        const warm = sides[0];
        const togglers = toggleActive(`/scim/v2/${warm.tenantId}`, warm.togglers);
        await runHttp(server.url, warm.token, togglers, CONNECTIONS, 0, 2 * TOGGLERS);
        const label = `${run.build === 'before' ? 'before, ' : ''}${run.workers}w`;
        for (const side of sides) {
          const base = `/scim/v2/${side.tenantId}`;
          const prefix = `new-${runId}-${round}-${run.build}-${run.workers}-${side.tenantId.slice(0, 8)}`;
          for (const scenario of [createUsers(base, prefix), toggleActive(base, side.togglers)]) {
            const { result, serverMs, postgresMs } = await cpuDuring(server.child.pid ?? 0, pool, () =>
              runHttp(server.url, side.token, scenario, CONNECTIONS, seconds),
            );
            const key = `${scenario.name} (${side.label})`;
            const entry = figures.get(key) ?? newRow(scenario.name, side.label === 'seat limit');
            const perRequest = (ms: number) => Math.round((ms * 1000) / Math.max(1, result.requests));
            if (run.build === 'before') {
              entry.before ??= { rps: [], median: 0, ratio: 0, cpuUsPerRequest: newCpu() };
              entry.before.rps.push(result.requestsPerSecond);
              entry.before.cpuUsPerRequest.rollcall.push(perRequest(serverMs));
              entry.before.cpuUsPerRequest.postgres.push(perRequest(postgresMs));
            } else {
              (run.workers === 1 ? entry.oneWorker : entry.twoWorkers).push(result.requestsPerSecond);
              if (run.workers === 1) {
                entry.cpuUsPerRequest.rollcall.push(perRequest(serverMs));
                entry.cpuUsPerRequest.postgres.push(perRequest(postgresMs));
              }
            }
            entry.errors += result.errors;
            figures.set(key, entry);
            log(
              `  writes round ${round + 1} ${label} ${key}: ${result.requestsPerSecond} req/s, ` +
                `CPU ${perRequest(serverMs)} + ${perRequest(postgresMs)} µs/request, errors ${result.errors}`,
            );
          }
        }
        if (run.workers === 1) {
          const base = `${server.url}/scim/v2/${sides[0].tenantId}`;
          const { usersPerSecond } = await importUsers(
            base,
            sides[0].token,
            `import-${runId}-${round}-${run.build}`,
            IMPORT_USERS,
            IMPORT_CONCURRENCY,
          );
          (run.build === 'before' ? importsBefore : imports).push(usersPerSecond);
          log(
            `  writes round ${round + 1} ${label} import ${IMPORT_USERS} at ${IMPORT_CONCURRENCY}: ${usersPerSecond} users/s`,
          );
          // One client at a time: what a write's round trips cost where nothing else is waiting.
          const single = await runHttp(
            server.url,
            sides[0].token,
            createUsers(`/scim/v2/${sides[0].tenantId}`, `one-${runId}-${round}-${run.build}`),
            1,
            seconds,
          );
          oneClient[run.build].rps.push(single.requestsPerSecond);
          oneClient[run.build].p50Ms.push(single.p50);
          log(
            `  writes round ${round + 1} ${label} POST /Users, one client: ${single.requestsPerSecond} req/s, p50 ${single.p50} ms`,
          );
        }
      }
    }
  } finally {
    clearInterval(timer);
    await pool.end();
    for (const tenant of tenants) await tenant.remove(server).catch(() => undefined);
    await stopServer(server);
  }
  const withMedians = (cpu: CpuPerRequest): CpuPerRequest => ({
    ...cpu,
    medianRollcall: median(cpu.rollcall),
    medianPostgres: median(cpu.postgres),
  });
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const rows = [...figures.values()].map((row) => {
    const medianOne = median(row.oneWorker);
    const medianTwo = median(row.twoWorkers);
    const before = row.before && {
      ...row.before,
      median: median(row.before.rps),
      ratio: ratio(medianOne, median(row.before.rps)),
      cpuUsPerRequest: withMedians(row.before.cpuUsPerRequest),
    };
    return {
      ...row,
      medianOne,
      medianTwo,
      scaling: ratio(medianTwo, medianOne),
      cpuUsPerRequest: withMedians(row.cpuUsPerRequest),
      ...(before ? { before } : {}),
    };
  });
  const medianImport = median(imports);
  const post = rows.find((r) => r.scenario === 'POST /Users' && !r.seatLimit);
  return {
    rounds: ROUNDS,
    seconds,
    rows,
    importUsersPerSecond: imports,
    medianImport,
    ...(importsBefore.length > 0
      ? {
          importBefore: {
            usersPerSecond: importsBefore,
            median: median(importsBefore),
            peakWorkerRssMb: peakBeforeRss,
          },
        }
      : {}),
    oneClient: oneClientOf(oneClient.this),
    ...(oneClient.before.rps.length > 0 ? { oneClientBefore: oneClientOf(oneClient.before) } : {}),
    peakWorkerRssMb: peakRss,
    targets: { postScaling: (post?.scaling ?? 0) >= 1.3, import: medianImport >= 1000, rss: peakRss < 300 },
  };
}

function oneClientOf(runs: { rps: number[]; p50Ms: number[] }): OneClient {
  return { ...runs, medianRps: median(runs.rps), medianP50Ms: median(runs.p50Ms) };
}

export function writesMarkdown(f: WriteFigures): string {
  const cpu = (c: CpuPerRequest) => `${c.medianRollcall} + ${c.medianPostgres}`;
  const lines = [
    `| writes to one tenant (${f.rounds} rounds, medians) | 1 worker req/s | 2 workers req/s | 2w / 1w | CPU µs/request, Rollcall + PostgreSQL (1 worker) | errors |`,
    '|---|---:|---:|---:|---:|---:|',
    ...f.rows.map(
      (r) =>
        `| ${r.scenario}, ${r.seatLimit ? 'seat limit' : 'no seat limit'} | ${r.medianOne} | ${r.medianTwo} | ${r.scaling} | ${cpu(r.cpuUsPerRequest)} | ${r.errors} |`,
    ),
    `| import ${IMPORT_USERS.toLocaleString('en')} users at concurrency ${IMPORT_CONCURRENCY}, 1 worker (users/s) | ${f.medianImport} | – | – | – | 0 |`,
  ];
  if (f.importBefore) {
    lines.push(
      '',
      '| against the build before (1 worker, same rounds) | before req/s | this req/s | this / before | CPU µs/request before | CPU µs/request this |',
      '|---|---:|---:|---:|---:|---:|',
      ...f.rows.map(
        (r) =>
          `| ${r.scenario}, ${r.seatLimit ? 'seat limit' : 'no seat limit'} | ${r.before?.median} | ${r.medianOne} | ${r.before?.ratio} | ${r.before ? cpu(r.before.cpuUsPerRequest) : '–'} | ${cpu(r.cpuUsPerRequest)} |`,
      ),
      `| import, users/s | ${f.importBefore.median} | ${f.medianImport} | ${Math.round((f.medianImport / f.importBefore.median) * 100) / 100} | – | – |`,
    );
  }
  const one = f.oneClient;
  const was = f.oneClientBefore;
  lines.push(
    '',
    `POST /Users from one client at a time, 1 worker: ${one.medianRps} req/s, p50 ${one.medianP50Ms} ms` +
      (was
        ? ` (the build before: ${was.medianRps} req/s, p50 ${was.medianP50Ms} ms; ${Math.round((one.medianRps / was.medianRps) * 100) / 100}×).`
        : '.'),
  );
  const before = f.importBefore ? ` (the build before: ${f.importBefore.peakWorkerRssMb} MB)` : '';
  lines.push('', `Largest resident size of one Rollcall process: ${f.peakWorkerRssMb} MB${before}.`);
  return lines.join('\n');
}
