/**
 * `npm run bench [-- --quick] [-- --only <part>]`: starts Rollcall's
 * production build on the PostgreSQL server of DATABASE_URL, seeds it through SQL, drives every SCIM
 * path with autocannon at fixed concurrency, and reports each against two ceilings measured in the
 * same run: /health/live through the same server (the framework) and the equivalent SQL straight
 * through `pg` (the database). The other parts: `members` (large membership changes, bench/members.ts),
 * `isolation` (one tenant's lookups while another floods, bench/isolation.ts), `webhooks` (an initial
 * sync's events to a receiver, bench/webhooks.ts), `activity` (throughput with the activity log on and
 * off, bench/activity-load.ts), `activity-retention` (two ways of purging it), `bulk` (1,000 creates
 * in one Bulk request against 1,000 single POSTs at concurrency 8, bench/bulk.ts), `writes` (one
 * tenant's writes with 1 and 2 workers, an import, each process's memory, bench/writes.ts), `stack` (the
 * framework's ceiling and each layer's share of CPU, bench/stack.ts) and, with
 * BENCH_PEER=jackson, `peer` (the same scenarios side by side with a peer, bench/peer.ts).
 */
import { execSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createUsers, toggleActive, Figures, HttpScenario, peakRss, runHttp, runSql } from './load';
import { EXTRA_USERS, GROUP_MEMBERS, seed, Seed } from './seed';
import { activityLoad, activityMarkdown } from './activity-load';
import { bulkBench, bulkMarkdown } from './bulk';
import { retentionMarkdown, retentionScenario } from './activity-retention';
import { isolationBench } from './isolation';
import { membersBench } from './members';
import { peerBench, peerMarkdown } from './peer';
import { stackBench, stackMarkdown } from './stack';
import { adminPost, BenchServer, startServer, stopServer } from './server';
import { webhookBench, webhookMarkdown } from './webhooks';
import { writesBench, writesMarkdown } from './writes';

const quick = process.argv.includes('--quick');
const SECONDS = quick ? 3 : 10;
const CONNECTIONS = 32;
const ADMIN_KEY = 'bench-admin-key-' + randomBytes(8).toString('hex');
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const log = (line: string) => process.stdout.write(line + '\n');

interface Row {
  scenario: string;
  workers: number;
  http: Figures;
  rssMb: number;
  /** req/s as a share of /health/live in the same configuration. */
  ofHealth: number;
  /** req/s as a share of the equivalent SQL through `pg`, where there is one. */
  ofSql: number | null;
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(
      'npm run bench needs DATABASE_URL: it measures Rollcall on a PostgreSQL server. The embedded\n' +
        'database serves one connection at a time, so a benchmark on it would measure PGlite, not Rollcall.\n',
    );
    process.exit(2);
  }
  return url;
}

const pick = <T>(list: T[], n: number): T => list[(n * 7919) % list.length];

function scenarios(data: Seed, runId: string): HttpScenario[] {
  const base = `/scim/v2/${data.tenantId}`;
  const users = data.userIds.slice(0, GROUP_MEMBERS);
  const extras = data.userIds.slice(GROUP_MEMBERS, GROUP_MEMBERS + EXTRA_USERS);
  const togglers = users.slice(50_000, 60_000);
  const replaced = users.slice(60_000, 70_000);
  const chunks = Math.floor(extras.length / 100);
  return [
    { name: 'GET /health/live', method: 'GET', auth: false, request: () => ({ path: '/health/live' }) },
    {
      name: 'GET /ServiceProviderConfig (token check)',
      method: 'GET',
      auth: true,
      request: () => ({ path: `${base}/ServiceProviderConfig` }),
    },
    {
      name: 'GET /Users/{id}',
      method: 'GET',
      auth: true,
      request: (n) => ({ path: `${base}/Users/${pick(users, n)}` }),
    },
    {
      name: 'GET /Users?filter=userName eq',
      method: 'GET',
      auth: true,
      request: (n) => ({
        path: `${base}/Users?filter=${encodeURIComponent(`userName eq "user${((n * 7919) % GROUP_MEMBERS) + 1}@bench.test"`)}`,
      }),
    },
    {
      name: 'GET /Users?startIndex=1&count=100',
      method: 'GET',
      auth: true,
      request: () => ({ path: `${base}/Users?startIndex=1&count=100` }),
    },
    {
      name: 'GET /Users?startIndex=90001&count=100',
      method: 'GET',
      auth: true,
      request: () => ({ path: `${base}/Users?startIndex=90001&count=100` }),
    },
    {
      name: 'GET /Groups/{id}?excludedAttributes=members',
      method: 'GET',
      auth: true,
      request: () => ({ path: `${base}/Groups/${data.groupId}?excludedAttributes=members` }),
    },
    createUsers(base, `new-${runId}`),
    toggleActive(base, togglers),
    {
      name: 'PUT /Users/{id}',
      method: 'PUT',
      auth: true,
      request: (n) => {
        const id = replaced[n % replaced.length];
        const number = 60_001 + (n % replaced.length);
        return {
          path: `${base}/Users/${id}`,
          body: {
            schemas: [USER],
            userName: `user${number}@bench.test`,
            name: { givenName: 'Given', familyName: `Family ${n}` },
            emails: [{ value: `user${number}@bench.test`, type: 'work', primary: true }],
            active: true,
          },
        };
      },
    },
    {
      name: 'PATCH /Groups/{id} add or remove 100 members',
      method: 'PATCH',
      auth: true,
      request: (n) => {
        const chunk = extras.slice((n % chunks) * 100, (n % chunks) * 100 + 100).map((value) => ({ value }));
        const add = Math.floor(n / chunks) % 2 === 0;
        return {
          path: `${base}/Groups/${data.groupId}`,
          body: {
            schemas: [PATCH],
            Operations: [{ op: add ? 'add' : 'remove', path: 'members', value: chunk }],
          },
        };
      },
    },
  ];
}

/** The SQL the read scenarios run, for the database ceiling. */
function sqlBaselines(
  data: Seed,
  tokenHash: Buffer,
): Record<string, (n: number) => Array<{ text: string; values: unknown[] }>> {
  const users = data.userIds.slice(0, GROUP_MEMBERS);
  const page = (offset: number) => () => [
    { text: 'SELECT count(*)::int FROM scim_user u WHERE u.tenant_id = $1', values: [data.tenantId] },
    {
      text: `SELECT u.*, s.status
               FROM (SELECT id FROM scim_user WHERE tenant_id = $1 ORDER BY seq OFFSET $2 LIMIT 100) p
               JOIN scim_user u ON u.tenant_id = $1 AND u.id = p.id
               LEFT JOIN seat s ON s.tenant_id = u.tenant_id AND s.user_id = u.id
              ORDER BY u.seq`,
      values: [data.tenantId, offset],
    },
  ];
  return {
    'GET /ServiceProviderConfig (token check)': () => [
      {
        text: `SELECT k.tenant_id, t.enabled FROM tenant_token k JOIN tenant t ON t.id = k.tenant_id WHERE k.token_hash = $1`,
        values: [tokenHash],
      },
    ],
    'GET /Users/{id}': (n) => [
      {
        text: `SELECT u.*, s.status FROM scim_user u LEFT JOIN seat s ON s.tenant_id = u.tenant_id AND s.user_id = u.id
                WHERE u.tenant_id = $1 AND u.id = $2`,
        values: [data.tenantId, pick(users, n)],
      },
    ],
    'GET /Users?filter=userName eq': (n) => {
      const userName = `user${((n * 7919) % GROUP_MEMBERS) + 1}@bench.test`;
      // The app reads the page first and counts only when the page is full: here, one statement.
      return [
        {
          text: `SELECT u.*, s.status FROM scim_user u LEFT JOIN seat s ON s.tenant_id = u.tenant_id AND s.user_id = u.id
                  WHERE u.tenant_id = $1 AND lower(u.user_name) = lower($2) ORDER BY u.seq LIMIT 100`,
          values: [data.tenantId, userName],
        },
      ];
    },
    'GET /Users?startIndex=1&count=100': page(0),
    'GET /Users?startIndex=90001&count=100': page(90_000),
    'GET /Groups/{id}?excludedAttributes=members': () => [
      {
        text: 'SELECT * FROM scim_group WHERE tenant_id = $1 AND id = $2',
        values: [data.tenantId, data.groupId],
      },
    ],
  };
}

/** The scale figures of the Groups issue: single large operations on the 100,000-member group. */
async function groupScale(server: BenchServer, token: string, data: Seed): Promise<Record<string, number>> {
  const base = `${server.url}/scim/v2/${data.tenantId}/Groups/${data.groupId}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
  const extras = data.userIds.slice(GROUP_MEMBERS, GROUP_MEMBERS + 1000).map((value) => ({ value }));
  const timed = async (work: () => Promise<Response>) => {
    const started = performance.now();
    const res = await work();
    const text = await res.text();
    if (!res.ok) throw new Error(`${res.status} ${text}`);
    return { ms: Math.round(performance.now() - started), bytes: text.length, text };
  };
  const patch = (op: string) =>
    timed(() =>
      fetch(base, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ schemas: [PATCH], Operations: [{ op, path: 'members', value: extras }] }),
      }),
    );
  const add = await patch('add');
  const remove = await patch('remove');
  const lean = await timed(() => fetch(`${base}?excludedAttributes=members`, { headers }));
  const full = await peakRss(server.child.pid ?? 0, () => timed(() => fetch(base, { headers })));
  const members = (JSON.parse(full.result.text) as { members: unknown[] }).members.length;
  return {
    patchAdd1000Ms: add.ms,
    patchRemove1000Ms: remove.ms,
    getExcludedMembersMs: lean.ms,
    getAllMembersMs: full.result.ms,
    getAllMembersCount: members,
    getAllMembersMegabytes: Math.round(full.result.bytes / 1e5) / 10,
    getAllMembersPeakRssMb: full.peakMb,
  };
}

/** The SCIM scenarios against their two ceilings, with 1 and then 2 worker processes. */
async function scimScenarios(
  url: string,
  data: Seed,
  first: BenchServer,
  token: string,
): Promise<{ groupScale: Record<string, number>; sqlBaselines: Record<string, Figures>; results: Row[] }> {
  let server = first;
  const tokenHash = createHash('sha256').update(token).digest();
  const runId = randomBytes(4).toString('hex');

  const scale = await groupScale(server, token, data);
  log(`group of ${GROUP_MEMBERS}: ${JSON.stringify(scale)}`);

  const rows: Row[] = [];
  const sql: Record<string, Figures> = {};
  const baselines = sqlBaselines(data, tokenHash);
  for (const [name, statements] of Object.entries(baselines)) {
    sql[name] = await runSql(url, statements, CONNECTIONS, SECONDS);
    log(`  SQL  ${name}: ${sql[name].requestsPerSecond} req/s`);
  }

  for (const workers of [1, 2]) {
    if (workers > 1) {
      await stopServer(server);
      server = await startServer(url, ADMIN_KEY, workers);
    }
    let health = 0;
    for (const scenario of scenarios(data, `${runId}-${workers}`)) {
      const { result, peakMb } = await peakRss(server.child.pid ?? 0, () =>
        runHttp(server.url, token, scenario, CONNECTIONS, SECONDS),
      );
      if (scenario.name === 'GET /health/live') health = result.requestsPerSecond;
      const ceiling = sql[scenario.name];
      rows.push({
        scenario: scenario.name,
        workers,
        http: result,
        rssMb: peakMb,
        ofHealth: health ? Math.round((result.requestsPerSecond / health) * 100) / 100 : 1,
        ofSql: ceiling
          ? Math.round((result.requestsPerSecond / ceiling.requestsPerSecond) * 100) / 100
          : null,
      });
      log(
        `  ${workers}w  ${scenario.name}: ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, ` +
          `p99 ${result.p99} ms, errors ${result.errors}, RSS ${peakMb} MB`,
      );
    }
  }
  await stopServer(server);
  return { groupScale: scale, sqlBaselines: sql, results: rows };
}

/** `--only <part>` runs one part; without it, all of them. */
const PARTS = [
  'scim',
  'members',
  'isolation',
  'webhooks',
  'activity',
  'activity-retention',
  'bulk',
  'writes',
  'stack',
  'peer',
] as const;
type Part = (typeof PARTS)[number];

function onlyPart(): Part | null {
  const at = process.argv.indexOf('--only');
  if (at < 0) return null;
  const part = process.argv[at + 1];
  if (!(PARTS as readonly string[]).includes(part)) {
    process.stderr.write(`--only takes one of ${PARTS.join(', ')}\n`);
    process.exit(2);
  }
  return part as Part;
}

async function main(): Promise<void> {
  const url = databaseUrl();
  const only = onlyPart();
  // The side-by-side comparison with a peer runs only when BENCH_PEER names one (bench/peer.ts).
  const peer = process.env.BENCH_PEER;
  if (only === 'peer' && !peer) {
    process.stderr.write('--only peer needs BENCH_PEER=jackson\n');
    process.exit(2);
  }
  const wants = (part: Part) =>
    part === 'peer' ? Boolean(peer) && (only === null || only === part) : only === null || only === part;
  log(
    `Rollcall bench (${quick ? 'quick' : 'full'}: ${SECONDS} s per scenario, ${CONNECTIONS} connections` +
      `${only ? `, ${only} only` : ''})`,
  );
  execSync('npm run build', { stdio: 'ignore' });

  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    only,
    seconds: SECONDS,
    connections: CONNECTIONS,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) },
    node: process.version,
    postgres: await serverVersion(url),
  };
  const tables: string[] = [];
  let errors = false;
  if (wants('scim') || wants('members') || wants('isolation') || wants('activity')) {
    // The first start migrates the database; seeding needs its tables.
    let server = await startServer(url, ADMIN_KEY, 1);
    const data = await seed(url, log);
    const db = new Client({ connectionString: url });
    await db.connect();
    await db.query(
      `DELETE FROM group_user_member WHERE tenant_id = $1 AND group_id = $2 AND user_id = ANY($3::uuid[])`,
      [data.tenantId, data.groupId, data.userIds.slice(GROUP_MEMBERS)],
    );
    await db.end();
    const token = String(
      (await adminPost(server, ADMIN_KEY, `/admin/tenants/${data.tenantId}/tokens`, { description: 'bench' }))
        .token,
    );
    if (wants('scim')) {
      const scim = await scimScenarios(url, data, server, token); // stops the server it was given
      Object.assign(report, scim);
      tables.push(markdown(scim.results, scim.sqlBaselines));
      errors ||= scim.results.some((r) => r.http.errors > 0);
      server = await startServer(url, ADMIN_KEY, 1);
    }
    if (wants('members')) report.members = await membersBench(server.url, url, token, data, log);
    if (wants('isolation')) {
      report.isolation = await isolationBench({
        baseUrl: () => server.url,
        databaseUrl: url,
        token,
        data,
        adminPost: (path, body) => adminPost(server, ADMIN_KEY, path, body),
        restart: async (env) => {
          await stopServer(server);
          server = await startServer(url, ADMIN_KEY, 1, env);
        },
        log,
      });
    }
    await stopServer(server);
    if (wants('activity')) {
      const activity = await activityLoad(url, ADMIN_KEY, data, SECONDS, CONNECTIONS, log);
      report.activityLog = activity;
      tables.push(activityMarkdown(activity));
      errors ||= activity.runs.some((r) => r.figures.errors > 0) || activity.logState.dropped !== 0;
    }
  }
  if (wants('webhooks')) {
    log('Webhooks: 10,000 users through SCIM at concurrency 8, one healthy receiver');
    const webhooks = await webhookBench(url, log);
    report.webhooks = webhooks;
    tables.push(webhookMarkdown(webhooks));
    errors ||= webhooks.some((w) => w.duplicateEvents > 0);
  }
  if (wants('stack')) {
    log('The request stack: bare node:http, /health/live, a token check, GET /Users/{id}; then CPU profiles');
    const stack = await stackBench(url, ADMIN_KEY, SECONDS, CONNECTIONS, log);
    report.stack = stack;
    tables.push(stackMarkdown(stack));
  }
  if (wants('peer')) {
    log(`Side by side with ${peer}: 10,000 users each, interleaved, 3 repeats`);
    const figures = await peerBench(url, ADMIN_KEY, SECONDS, log);
    report.peer = figures;
    tables.push(peerMarkdown(figures));
    errors ||= figures.rows.some((r) => r.errors.rollcall > 0);
  }
  if (wants('activity-retention')) {
    const retention = await retentionScenario(url, quick, log);
    report.activityRetention = retention;
    tables.push(retentionMarkdown(retention));
  }
  if (wants('bulk')) {
    log('Bulk: 1,000 user creates in one Bulk request against 1,000 single POSTs at concurrency 8');
    const bulk = await bulkBench(url, log);
    report.bulk = bulk;
    tables.push(bulkMarkdown(bulk));
  }
  if (wants('writes')) {
    log('Writes to one tenant: POST and PATCH active with 1 and 2 workers, interleaved; an import with 1');
    const writes = await writesBench(url, SECONDS, log);
    report.writes = writes;
    tables.push(writesMarkdown(writes));
    errors ||= writes.rows.some((r) => r.errors > 0);
  }
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  const name = `${String(report.date).slice(0, 10)}${quick ? '-quick' : ''}${only ? `-${only}` : ''}.json`;
  const file = join(__dirname, 'results', name);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  log('\n' + tables.join('\n\n'));
  log(`\nResults: ${file}`);
  if (errors) {
    process.stderr.write(
      'Some scenarios had errors (or the activity log dropped entries, or a webhook came twice).\n',
    );
    process.exitCode = 1;
  }
}

async function serverVersion(url: string): Promise<string> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const version = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  await db.end();
  return version;
}

function markdown(rows: Row[], sql: Record<string, Figures>): string {
  const lines = [
    '| Scenario | Workers | req/s | p50 ms | p95 ms | p99 ms | Errors | RSS MB | of /health/live | of SQL |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.scenario} | ${r.workers} | ${r.http.requestsPerSecond} | ${r.http.p50} | ${r.http.p95} | ${r.http.p99} | ` +
        `${r.http.errors} | ${r.rssMb} | ${Math.round(r.ofHealth * 100)}% | ${r.ofSql === null ? '–' : `${Math.round(r.ofSql * 100)}%`} |`,
    );
  }
  lines.push('', '| SQL ceiling (pg, same statements) | req/s | p50 ms | p99 ms |', '|---|---:|---:|---:|');
  for (const [name, f] of Object.entries(sql))
    lines.push(`| ${name} | ${f.requestsPerSecond} | ${f.p50} | ${f.p99} |`);
  return lines.join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
