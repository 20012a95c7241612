/**
 * What the activity log costs provisioning: `POST /Users` and `GET /Users/{id}` against two servers
 * on one database, one with the log on (the defaults) and one with ACTIVITY_LOG=false, 3 runs each.
 * The runs are interleaved in slices of 2 seconds (on, off, off, on, on, off, …), so that both sides
 * see the same machine: on a shared machine the load of others moves by more than the log costs.
 */
import { randomBytes } from 'node:crypto';
import { createUsers, Figures, HttpScenario, runHttp } from './load';
import { GROUP_MEMBERS, Seed } from './seed';
import { adminPost, startServer, stopServer } from './server';

export const REPEATS = 3;
const SLICE_SECONDS = 2;

export interface ActivityRun {
  scenario: string;
  log: 'on' | 'off';
  repeat: number;
  figures: Figures;
}

export interface ActivitySummary {
  scenario: string;
  onRequestsPerSecond: number[];
  offRequestsPerSecond: number[];
  /** Mean with the log on against the mean with it off, in percent (negative: slower). */
  changePercent: number;
  /** The same, repeat by repeat. */
  changePercentByRepeat: number[];
  onP99: number;
  offP99: number;
}

export interface ActivityLoadReport {
  runs: ActivityRun[];
  summary: ActivitySummary[];
  /** The "on" server's /health/ready activityLog at the end: nothing may have been dropped. */
  logState: Record<string, unknown>;
}

/** Slices of one run as one: requests over the whole time, the slices' median p50 and worst p99. */
function combined(slices: Figures[], sliceSeconds: number): Figures {
  const requests = slices.reduce((sum, f) => sum + f.requests, 0);
  const sorted = (pick: (f: Figures) => number) => slices.map(pick).sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(requests / (slices.length * sliceSeconds)),
    p50: sorted((f) => f.p50)[Math.floor(slices.length / 2)],
    p95: Math.max(...slices.map((f) => f.p95)),
    p99: Math.max(...slices.map((f) => f.p99)),
    errors: slices.reduce((sum, f) => sum + f.errors, 0),
    requests,
  };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const percent = (on: number, off: number) => Math.round((on / off - 1) * 1000) / 10;

function scenarios(data: Seed, runId: string): HttpScenario[] {
  const base = `/scim/v2/${data.tenantId}`;
  const users = data.userIds.slice(0, GROUP_MEMBERS);
  return [
    createUsers(base, `activity-${runId}`),
    {
      name: 'GET /Users/{id}',
      method: 'GET',
      auth: true,
      request: (n) => ({ path: `${base}/Users/${users[(n * 7919) % users.length]}` }),
    },
  ];
}

export async function activityLoad(
  url: string,
  adminKey: string,
  data: Seed,
  seconds: number,
  connections: number,
  log: (line: string) => void,
): Promise<ActivityLoadReport> {
  const on = await startServer(url, adminKey, 1, { ACTIVITY_LOG: 'true' });
  const off = await startServer(url, adminKey, 1, { ACTIVITY_LOG: 'false' });
  try {
    const token = String(
      (
        await adminPost(on, adminKey, `/admin/tenants/${data.tenantId}/tokens`, {
          description: 'activity bench',
        })
      ).token,
    );
    const runId = randomBytes(4).toString('hex');
    const runs: ActivityRun[] = [];
    log(
      `Activity log on/off: ${REPEATS} repeats, ${seconds} s each, ${connections} connections, interleaved`,
    );
    const slices = Math.max(1, Math.round(seconds / SLICE_SECONDS));
    for (const scenario of scenarios(data, runId)) {
      for (let repeat = 1; repeat <= REPEATS; repeat += 1) {
        const taken: Record<'on' | 'off', Figures[]> = { on: [], off: [] };
        for (let slice = 0; slice < slices; slice += 1) {
          // ABBA: each side goes first as often as the other.
          const order = (slice + repeat) % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
          for (const mode of order) {
            const offset = (mode === 'on' ? 0 : 1e9) + (repeat * slices + slice) * 1e6;
            const named = { ...scenario, request: (n: number) => scenario.request(n + offset) };
            const server = mode === 'on' ? on : off;
            taken[mode].push(await runHttp(server.url, token, named, connections, SLICE_SECONDS));
          }
        }
        for (const mode of ['on', 'off'] as const) {
          const figures = combined(taken[mode], SLICE_SECONDS);
          runs.push({ scenario: scenario.name, log: mode, repeat, figures });
          log(
            `  ${scenario.name} log ${mode} #${repeat}: ${figures.requestsPerSecond} req/s, p50 ${figures.p50} ms, ` +
              `p99 ${figures.p99} ms, errors ${figures.errors}`,
          );
        }
      }
    }
    const summary = scenarios(data, runId).map((scenario): ActivitySummary => {
      const of = (mode: 'on' | 'off') => runs.filter((r) => r.scenario === scenario.name && r.log === mode);
      const onRps = of('on').map((r) => r.figures.requestsPerSecond);
      const offRps = of('off').map((r) => r.figures.requestsPerSecond);
      return {
        scenario: scenario.name,
        onRequestsPerSecond: onRps,
        offRequestsPerSecond: offRps,
        changePercent: percent(mean(onRps), mean(offRps)),
        changePercentByRepeat: onRps.map((rps, i) => percent(rps, offRps[i])),
        onP99: Math.max(...of('on').map((r) => r.figures.p99)),
        offP99: Math.max(...of('off').map((r) => r.figures.p99)),
      };
    });
    // Give the last batch its flush, then read what the log says of itself.
    await new Promise((r) => setTimeout(r, 1000));
    const ready = (await (await fetch(`${on.url}/health/ready`)).json()) as {
      info: { activityLog: Record<string, unknown> };
    };
    return { runs, summary, logState: ready.info.activityLog };
  } finally {
    await stopServer(on);
    await stopServer(off);
  }
}

export function activityMarkdown(report: ActivityLoadReport): string {
  const lines = [
    '| Scenario | log on req/s (3 runs) | log off req/s (3 runs) | change of the means | by run | p99 ms on / off (worst run) |',
    '|---|---|---|---:|---|---:|',
  ];
  for (const s of report.summary) {
    lines.push(
      `| ${s.scenario} | ${s.onRequestsPerSecond.join(', ')} | ${s.offRequestsPerSecond.join(', ')} | ` +
        `${s.changePercent}% | ${s.changePercentByRepeat.map((p) => `${p}%`).join(', ')} | ${s.onP99} / ${s.offP99} |`,
    );
  }
  return lines.join('\n');
}
