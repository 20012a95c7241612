/**
 * `BENCH_PEER=jackson npm run bench`: Rollcall side by side with BoxyHQ jackson's directory sync
 * (npm `@boxyhq/saml-jackson`), installed at run time into a scratch folder under os.tmpdir(), never
 * a dependency of Rollcall, and served by a bare `node:http` wrapper (bench/peer/jackson-server.ts) on
 * the same PostgreSQL database, in a schema of its own. Both get the same data (10,000 users imported
 * through SCIM at concurrency 8, a group) and the same load (autocannon, 32 connections), scenario by
 * scenario, the two targets interleaved, 3 repeats; the table gives medians and their ratio. The
 * ceilings of the same run: a bare `node:http` hello and Rollcall's /health/live.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../test/helpers/free-port';
import { measureUnderFlood } from './isolation';
import { createUsers, toggleActive, HttpScenario, runHttp } from './load';
import { createTenant, spawnListening, startHello, startServer, stopChild, stopServer } from './server';

export const JACKSON_VERSION = '26.2.0';
const USERS = 10_000;
const IMPORT_CONNECTIONS = 8;
const CONNECTIONS = 32;
const REPEATS = 3;
const PAGE = 50; // jackson's page size cap: lists are compared at the same page size
const JACKSON_SCHEMA = 'bench_peer_jackson';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** One side of the comparison: where its SCIM API is, with the ids the import gave it. */
interface Target {
  name: 'rollcall' | 'jackson';
  url: string;
  /** SCIM base path of tenant (directory) A, and its token. */
  base: string;
  token: string;
  /** Tenant (directory) B of the isolation scenario. */
  other: { base: string; token: string; userNames: string[] };
  userIds: string[];
  groupId: string;
  stop(): Promise<void>;
}

interface PeerRow {
  scenario: string;
  /** req/s per repeat (users/s for the import), in run order. */
  rollcall: number[];
  jackson: number[];
  rollcallMedian: number;
  jacksonMedian: number;
  /** Rollcall's median over jackson's. */
  ratio: number;
  errors: { rollcall: number; jackson: number };
}

export interface PeerFigures {
  peer: string;
  users: number;
  repeats: number;
  connections: number;
  seconds: number;
  ceilings: { helloRps: number[]; healthLiveRps: number[]; healthOfHello: number };
  rows: PeerRow[];
  isolation: Record<'rollcall' | 'jackson', { aloneP99: number; whileAWritesP99: number; ratio: number }>;
  loadAverage: number[][];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ratioOf = (a: number, b: number) => Math.round((a / Math.max(b, 0.01)) * 100) / 100;

/** The package, installed once per version into the scratch folder and reused by later runs. */
function installJackson(log: (line: string) => void): string {
  const dir = join(tmpdir(), `rollcall-bench-jackson-${JACKSON_VERSION}`);
  if (existsSync(join(dir, 'node_modules', '@boxyhq', 'saml-jackson', 'package.json'))) return dir;
  log(`installing @boxyhq/saml-jackson@${JACKSON_VERSION} into ${dir}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'rollcall-bench-peer', private: true }));
  // Install scripts only build drivers of other databases (better-sqlite3); PostgreSQL needs none.
  execFileSync(
    'npm',
    [
      'install',
      `@boxyhq/saml-jackson@${JACKSON_VERSION}`,
      '--ignore-scripts',
      '--omit=dev',
      '--no-audit',
      '--no-fund',
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  return dir;
}

async function startJackson(databaseUrl: string, log: (line: string) => void): Promise<Target> {
  const dir = installJackson(log);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS ${JACKSON_SCHEMA} CASCADE`);
  await db.query(`CREATE SCHEMA ${JACKSON_SCHEMA}`);
  await db.end();
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${JACKSON_SCHEMA}`);
  url.searchParams.set('max_conns', '16'); // Rollcall's pool in the bench (DATABASE_POOL_SIZE)
  const port = await freePort();
  const { child, line } = await spawnListening(
    ['-r', 'ts-node/register', join(__dirname, 'peer', 'jackson-server.ts')],
    {
      JACKSON_DIR: dir,
      JACKSON_DATABASE_URL: url.toString(),
      JACKSON_DIRECTORIES: '2',
      PORT: String(port),
    },
  );
  const [a, b] = (JSON.parse(line) as { directories: Array<{ id: string; secret: string }> }).directories;
  return {
    name: 'jackson',
    url: `http://127.0.0.1:${port}`,
    base: `/api/scim/v2.0/${a.id}`,
    token: a.secret,
    other: { base: `/api/scim/v2.0/${b.id}`, token: b.secret, userNames: [] },
    userIds: [],
    groupId: '',
    stop: () => stopChild(child),
  };
}

async function startRollcall(databaseUrl: string, adminKey: string, runId: string): Promise<Target> {
  const server = await startServer(databaseUrl, adminKey, 1);
  const a = await createTenant(server, adminKey, `bench-peer-a-${runId}`);
  const b = await createTenant(server, adminKey, `bench-peer-b-${runId}`);
  return {
    name: 'rollcall',
    url: server.url,
    base: `/scim/v2/${a.id}`,
    token: a.token,
    other: { base: `/scim/v2/${b.id}`, token: b.token, userNames: [] },
    userIds: [],
    groupId: '',
    stop: async () => {
      await a.remove();
      await b.remove();
      await stopServer(server);
    },
  };
}

async function scimJson(target: Target, method: string, path: string, body: unknown, token = target.token) {
  const res = await fetch(`${target.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${target.name} ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

/** Users `<prefix>-<from>…` up to `to` (exclusive) at concurrency 8, as an IdP's initial import. */
function importScenario(target: Target, from: number): HttpScenario {
  const create = createUsers(target.base, 'peer');
  return { ...create, name: 'import', request: (n) => create.request(from + n) };
}

/** The scenarios of the comparison, the same requests on both sides. */
function scenarios(target: Target, runId: string): HttpScenario[] {
  const ids = target.userIds;
  const pick = (n: number) => ids[(n * 7919) % ids.length];
  const togglers = ids.slice(0, 5_000);
  const chunks = Math.floor(ids.length / 100);
  return [
    {
      name: 'GET /Users/{id}, ids rotating',
      method: 'GET',
      auth: true,
      request: (n) => ({ path: `${target.base}/Users/${pick(n)}` }),
    },
    {
      name: 'GET /Users?filter=userName eq',
      method: 'GET',
      auth: true,
      request: (n) => ({
        path: `${target.base}/Users?filter=${encodeURIComponent(`userName eq "peer-${(n * 7919) % USERS}@bench.test"`)}`,
      }),
    },
    {
      name: `GET /Users?startIndex=1&count=${PAGE}`,
      method: 'GET',
      auth: true,
      request: () => ({ path: `${target.base}/Users?startIndex=1&count=${PAGE}` }),
    },
    {
      name: `GET /Users?startIndex=9001&count=${PAGE}`,
      method: 'GET',
      auth: true,
      request: () => ({ path: `${target.base}/Users?startIndex=9001&count=${PAGE}` }),
    },
    { ...createUsers(target.base, `peer-new-${runId}`), name: 'POST /Users' },
    toggleActive(target.base, togglers),
    {
      name: 'PATCH /Groups/{id} add or remove 100 members',
      method: 'PATCH',
      auth: true,
      request: (n) => {
        const chunk = ids.slice((n % chunks) * 100, (n % chunks) * 100 + 100).map((value) => ({ value }));
        const op = Math.floor(n / chunks) % 2 === 0 ? 'add' : 'remove';
        return {
          path: `${target.base}/Groups/${target.groupId}`,
          body: { schemas: [PATCH], Operations: [{ op, path: 'members', value: chunk }] },
        };
      },
    },
  ];
}

/** The import, in 3 interleaved rounds per target that add up to 10,000 users; then ids, group and tenant B. */
async function importUsers(targets: Target[], log: (line: string) => void): Promise<PeerRow> {
  const perRound = Math.ceil(USERS / REPEATS);
  const rates: Record<string, number[]> = { rollcall: [], jackson: [] };
  const errors: Record<string, number> = { rollcall: 0, jackson: 0 };
  for (let round = 0; round < REPEATS; round += 1) {
    const from = round * perRound;
    const amount = Math.min(perRound, USERS - from);
    for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
      const f = await runHttp(
        target.url,
        target.token,
        importScenario(target, from),
        IMPORT_CONNECTIONS,
        0,
        amount,
      );
      rates[target.name].push(f.requestsPerSecond);
      errors[target.name] += f.errors;
      log(
        `  peer  import ${target.name} round ${round + 1}: ${f.requestsPerSecond} users/s, errors ${f.errors}`,
      );
    }
  }
  for (const target of targets) {
    // Pages of 50 (jackson's cap) until every imported user is known.
    const ids = new Set<string>();
    for (let start = 1; ids.size < USERS && start <= USERS * 2; start += PAGE) {
      const res = await fetch(`${target.url}${target.base}/Users?startIndex=${start}&count=${PAGE}`, {
        headers: { authorization: `Bearer ${target.token}` },
      });
      const list = (await res.json()) as { Resources: Array<{ id: string }> };
      list.Resources.forEach((r) => ids.add(r.id));
    }
    if (ids.size < USERS) throw new Error(`${target.name}: ${ids.size} of ${USERS} users listed`);
    target.userIds.push(...ids);
    target.groupId = (
      await scimJson(target, 'POST', `${target.base}/Groups`, {
        schemas: [GROUP],
        displayName: 'Everyone',
        members: [],
      })
    ).id;
    for (let n = 0; n < 10; n += 1) {
      const userName = `b-${n}@bench.test`;
      await scimJson(
        target,
        'POST',
        `${target.other.base}/Users`,
        { schemas: [USER], userName, active: true },
        target.other.token,
      );
      target.other.userNames.push(userName);
    }
  }
  return row('import 10,000 users at concurrency 8 (users/s)', rates, errors);
}

function row(scenario: string, rates: Record<string, number[]>, errors: Record<string, number>): PeerRow {
  const rollcallMedian = median(rates.rollcall);
  const jacksonMedian = median(rates.jackson);
  return {
    scenario,
    rollcall: rates.rollcall,
    jackson: rates.jackson,
    rollcallMedian,
    jacksonMedian,
    ratio: ratioOf(rollcallMedian, jacksonMedian),
    errors: { rollcall: errors.rollcall, jackson: errors.jackson },
  };
}

export async function peerBench(
  databaseUrl: string,
  adminKey: string,
  seconds: number,
  log: (line: string) => void,
): Promise<PeerFigures> {
  const peer = process.env.BENCH_PEER;
  if (peer !== 'jackson') throw new Error(`BENCH_PEER=${peer}: the one peer is jackson`);
  const runId = Date.now().toString(36);
  const loadAverage: number[][] = [];
  const sampleLoad = setInterval(
    () => loadAverage.push(loadavg().map((l) => Math.round(l * 100) / 100)),
    10_000,
  );
  const targets = [await startRollcall(databaseUrl, adminKey, runId), await startJackson(databaseUrl, log)];
  const bare = await startHello();
  try {
    const helloRps: number[] = [];
    const healthLiveRps: number[] = [];
    const ceiling = (path: string): HttpScenario => ({
      name: path,
      method: 'GET',
      auth: false,
      request: () => ({ path }),
    });
    for (let r = 0; r < REPEATS; r += 1) {
      helloRps.push((await runHttp(bare.url, '', ceiling('/'), CONNECTIONS, seconds)).requestsPerSecond);
      healthLiveRps.push(
        (await runHttp(targets[0].url, '', ceiling('/health/live'), CONNECTIONS, seconds)).requestsPerSecond,
      );
      log(
        `  peer  ceilings ${r + 1}: bare node:http ${helloRps[r]} req/s, /health/live ${healthLiveRps[r]} req/s`,
      );
    }
    const rows = [await importUsers(targets, log)];
    // Built per repeat, so that each repeat's creates have userNames of their own.
    const lists = (r: number) =>
      Object.fromEntries(targets.map((t) => [t.name, scenarios(t, `${runId}-${r}`)]));
    const names = lists(0).rollcall.map((s) => s.name);
    for (const [i, name] of names.entries()) {
      const rates: Record<string, number[]> = { rollcall: [], jackson: [] };
      const errors: Record<string, number> = { rollcall: 0, jackson: 0 };
      for (let r = 0; r < REPEATS; r += 1) {
        const list = lists(r);
        for (const target of r % 2 === 0 ? targets : [...targets].reverse()) {
          const f = await runHttp(target.url, target.token, list[target.name][i], CONNECTIONS, seconds);
          rates[target.name].push(f.requestsPerSecond);
          errors[target.name] += f.errors;
          log(
            `  peer  ${name} ${target.name}: ${f.requestsPerSecond} req/s, p99 ${f.p99} ms, errors ${f.errors}`,
          );
        }
      }
      rows.push(row(name, rates, errors));
    }
    const isolation = {} as PeerFigures['isolation'];
    for (const target of targets) {
      const lookups: HttpScenario = {
        name: 'tenant B: GET /Users?filter=userName eq',
        method: 'GET',
        auth: true,
        request: (n) => ({
          path: `${target.other.base}/Users?filter=${encodeURIComponent(`userName eq "${target.other.userNames[n % 10]}"`)}`,
        }),
      };
      const writes = { ...createUsers(target.base, `peer-flood-${runId}`), name: 'tenant A: POST /Users' };
      const figures = await measureUnderFlood(
        target.url,
        { token: target.other.token, scenario: lookups },
        { token: target.token, scenario: writes },
        seconds,
      );
      isolation[target.name] = {
        aloneP99: figures.alone.p99,
        whileAWritesP99: figures.flooded.p99,
        ratio: ratioOf(figures.flooded.p99, figures.alone.p99),
      };
      log(
        `  peer  isolation ${target.name}: B alone p99 ${figures.alone.p99} ms, while A writes ${figures.flooded.p99} ms`,
      );
    }
    return {
      peer,
      users: USERS,
      repeats: REPEATS,
      connections: CONNECTIONS,
      seconds,
      ceilings: { helloRps, healthLiveRps, healthOfHello: ratioOf(median(healthLiveRps), median(helloRps)) },
      rows,
      isolation,
      loadAverage,
    };
  } finally {
    clearInterval(sampleLoad);
    await bare.stop();
    for (const target of targets) await target.stop();
  }
}

export function peerMarkdown(f: PeerFigures): string {
  const lines = [
    `| Scenario (medians of ${f.repeats}, interleaved) | Rollcall | ${f.peer} | ratio | errors (Rollcall, ${f.peer}) |`,
    '|---|---:|---:|---:|---:|',
    ...f.rows.map(
      (r) =>
        `| ${r.scenario} | ${r.rollcallMedian} | ${r.jacksonMedian} | ${r.jacksonMedian > 0 ? r.ratio : '–'} | ` +
        `${r.errors.rollcall}, ${r.errors.jackson} |`,
    ),
    '',
    `Ceilings: bare node:http hello ${median(f.ceilings.helloRps)} req/s, Rollcall /health/live ` +
      `${median(f.ceilings.healthLiveRps)} req/s (${Math.round(f.ceilings.healthOfHello * 100)}% of bare node).`,
    ...(['rollcall', 'jackson'] as const).map(
      (t) =>
        `Tenant B's p99 (${t}): ${f.isolation[t].aloneP99} ms alone, ${f.isolation[t].whileAWritesP99} ms while A writes flat out (${f.isolation[t].ratio}×).`,
    ),
  ];
  return lines.join('\n');
}
