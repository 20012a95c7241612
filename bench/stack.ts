import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LayerShare, layerShares } from './cpu-profile';
import { createUsers, HttpScenario, runHttp } from './load';
import {
  BenchServer,
  createTenant,
  startFrameworkHello,
  startHello,
  startServer,
  stopServer,
} from './server';

const REPEATS = 3;
const USERS = 1_000;

export interface StackFigures {
  seconds: number;
  connections: number;
  repeats: number;
  /**
   * req/s per repeat and their median, per scenario, interleaved; and the server process's CPU time
   * (user + system, from /proc) per request in each repeat, which other work on the machine disturbs
   * less than the rate.
   */
  throughput: Array<{
    scenario: string;
    rps: number[];
    median: number;
    ofHello: number;
    /** Its share of the bare `node:http` hello within each repeat: steadier on a busy machine. */
    ofHelloByRepeat: number[];
    cpuUsPerRequest: number[];
    medianCpuUsPerRequest: number | null;
  }>;
  /** From one --cpu-prof run of each profiled route: busy CPU per request and each layer's share. */
  profiles: Array<{ scenario: string; requests: number; cpuUsPerRequest: number; layers: LayerShare[] }>;
  loadAverage: number[][];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** CPU time (user + system) a process has used, in µs; null where /proc cannot tell (not Linux). */
function cpuUs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses; in clock ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ, 100 on Linux. */
const CLOCK_TICKS = 100;

/**
 * `--only stack`: what the request stack costs. The ceilings: a bare `node:http` hello, a bare
 * express 5 hello and a bare Nest 11 + platform-express hello (what the frameworks themselves allow,
 * bench/framework-hello.ts); then Rollcall's /health/live, a token check (GET /ServiceProviderConfig)
 * and GET /Users/{id} on a tenant of 1,000 users, all interleaved, 3 repeats, each with its share of
 * the bare `node:http` hello. Then /health/live and GET /Users/{id} again under `node --cpu-prof`,
 * their CPU time split by layer (bench/cpu-profile.ts). With BENCH_STACK_BEFORE, Rollcall's three
 * routes on that build too, interleaved with the others, and profiled the same way.
 */
export async function stackBench(
  databaseUrl: string,
  adminKey: string,
  seconds: number,
  connections: number,
  log: (line: string) => void,
): Promise<StackFigures> {
  const loadAverage: number[][] = [loadavg()];
  const hello = await startHello();
  const express = await startFrameworkHello('express');
  const nest = await startFrameworkHello('nest');
  const server: BenchServer = await startServer(databaseUrl, adminKey, 1);
  const tenant = await createTenant(server, adminKey, `bench-stack-${Date.now().toString(36)}`);
  const base = `/scim/v2/${tenant.id}`;
  // BENCH_STACK_BEFORE=<folder of another build>: the same routes on it, in the same run.
  const beforeRoot = process.env.BENCH_STACK_BEFORE;
  const before = beforeRoot ? await startServer(databaseUrl, adminKey, 1, {}, { root: beforeRoot }) : null;
  try {
    await runHttp(server.url, tenant.token, createUsers(base, 'stack'), 8, 0, USERS);
    const page = await fetch(`${server.url}${base}/Users?count=${USERS}&attributes=id`, {
      headers: { authorization: `Bearer ${tenant.token}` },
    });
    const ids = ((await page.json()) as { Resources: Array<{ id: string }> }).Resources.map((r) => r.id);
    const get = (path: string, auth = true): Omit<HttpScenario, 'name'> => ({
      method: 'GET',
      auth,
      request: () => ({ path }),
    });
    const getUser: Omit<HttpScenario, 'name'> = {
      method: 'GET',
      auth: true,
      request: (n) => ({ path: `${base}/Users/${ids[(n * 7919) % ids.length]}` }),
    };
    type Target = { url: string; pid: number | undefined };
    const at = (target: BenchServer | Target): Target =>
      'child' in target ? { url: target.url, pid: target.child.pid } : target;
    const scenarios: Array<HttpScenario & { target: Target }> = [
      { name: 'bare node:http hello', ...get('/', false), target: at(hello) },
      { name: 'bare express 5 hello', ...get('/', false), target: at(express) },
      { name: 'bare Nest 11 + platform-express hello', ...get('/', false), target: at(nest) },
    ];
    // Each of Rollcall's routes on this build, then on the build before it (if any), side by side.
    const routes: HttpScenario[] = [
      { name: 'GET /health/live', ...get('/health/live', false) },
      { name: 'GET /ServiceProviderConfig', ...get(`${base}/ServiceProviderConfig`) },
      { name: 'GET /Users/{id}', ...getUser },
    ];
    for (const route of routes) {
      scenarios.push({ ...route, target: at(server) });
      if (before) scenarios.push({ ...route, name: `${route.name} (before)`, target: at(before) });
    }
    const rps = scenarios.map(() => [] as number[]);
    const cpu = scenarios.map(() => [] as number[]);
    for (let r = 0; r < REPEATS; r += 1) {
      for (const [i, scenario] of scenarios.entries()) {
        const cpuBefore = cpuUs(scenario.target.pid);
        const f = await runHttp(scenario.target.url, tenant.token, scenario, connections, seconds);
        const cpuAfter = cpuUs(scenario.target.pid);
        if (f.errors > 0) throw new Error(`${scenario.name}: ${f.errors} errors`);
        rps[i].push(f.requestsPerSecond);
        const perRequest =
          cpuBefore === null || cpuAfter === null ? null : Math.round((cpuAfter - cpuBefore) / f.requests);
        if (perRequest !== null) cpu[i].push(perRequest);
        log(
          `  stack  ${scenario.name}: ${f.requestsPerSecond} req/s, p99 ${f.p99} ms` +
            (perRequest === null ? '' : `, ${perRequest} µs of CPU per request`),
        );
      }
      loadAverage.push(loadavg());
    }
    const helloRps = median(rps[0]);
    const throughput = scenarios.map((s, i) => ({
      scenario: s.name,
      rps: rps[i],
      median: median(rps[i]),
      ofHello: Math.round((median(rps[i]) / helloRps) * 1000) / 1000,
      ofHelloByRepeat: rps[i].map((value, r) => Math.round((value / rps[0][r]) * 1000) / 1000),
      cpuUsPerRequest: cpu[i],
      medianCpuUsPerRequest: cpu[i].length > 0 ? median(cpu[i]) : null,
    }));

    const profiles: StackFigures['profiles'] = [];
    // CPU time per request is what other work on the machine disturbs least: each profiled route
    // runs alone on a server of its own, started for it (the idle ones wait).
    const profiled = ['GET /health/live', 'GET /Users/{id}'].flatMap((name) => [
      { name, root: undefined as string | undefined },
      ...(beforeRoot ? [{ name: `${name} (before)`, root: beforeRoot }] : []),
    ]);
    for (const { name, root } of profiled) {
      const scenario = scenarios.find((s) => s.name === name)!;
      const dir = mkdtempSync(join(tmpdir(), 'rollcall-cpu-prof-'));
      const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
      const profiledServer = await startServer(databaseUrl, adminKey, 1, {}, { root, nodeArgs });
      const f = await runHttp(profiledServer.url, tenant.token, scenario, connections, seconds);
      await stopServer(profiledServer);
      const file = readdirSync(dir).find((entry) => entry.endsWith('.cpuprofile'));
      if (!file) throw new Error(`no CPU profile in ${dir}`);
      // Samples of the start-up are left out; the shutdown's few are counted.
      const shares = layerShares(join(dir, file), profiledServer.readyAfterMs);
      rmSync(dir, { recursive: true, force: true });
      const cpuUsPerRequest = Math.round((shares.busyMs * 1000) / Math.max(f.requests, 1));
      profiles.push({ scenario: name, requests: f.requests, cpuUsPerRequest, layers: shares.layers });
      log(`  stack  profiled ${name}: ${f.requests} requests, ${cpuUsPerRequest} µs of CPU each`);
    }
    return { seconds, connections, repeats: REPEATS, throughput, profiles, loadAverage };
  } finally {
    // The tenant goes while a server runs (a profiled restart may have failed).
    if (server.child.exitCode === null) await tenant.remove(server);
    await stopServer(server);
    if (before) await stopServer(before);
    await hello.stop();
    await express.stop();
    await nest.stop();
  }
}

export function stackMarkdown(f: StackFigures): string {
  const lines = [
    `| Scenario (median of ${f.repeats}, interleaved) | req/s | of bare node:http | in each repeat | CPU µs per request |`,
    '|---|---:|---:|---:|---:|',
    ...f.throughput.map((t) => {
      const shares = t.ofHelloByRepeat.map((share) => `${Math.round(share * 1000) / 10}%`).join(', ');
      const cpu = t.medianCpuUsPerRequest ?? '–';
      return `| ${t.scenario} | ${t.median} | ${Math.round(t.ofHello * 1000) / 10}% | ${shares} | ${cpu} |`;
    }),
    '',
    `| Layer (share of busy CPU, inclusive / self) | ${f.profiles.map((p) => `${p.scenario} (${p.cpuUsPerRequest} µs/req)`).join(' | ')} |`,
    `|---|${f.profiles.map(() => '---:').join('|')}|`,
  ];
  const layers = f.profiles[0]?.layers ?? [];
  layers.forEach((layer, i) => {
    const cells = f.profiles.map((p) => `${p.layers[i].inclusive}% / ${p.layers[i].self}%`);
    lines.push(`| ${layer.layer} | ${cells.join(' | ')} |`);
  });
  return lines.join('\n');
}
