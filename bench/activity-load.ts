/**
 * What the activity log costs provisioning: `POST /Users` and `GET /Users/{id}` against servers on
 * one database: one with the log on (the defaults), one with ACTIVITY_LOG=false, and a second one
 * with it off as a control, whose difference from the first is the noise of the measurement. 3 runs
 * each, interleaved in slices of 2 seconds in rotating order (on, off, control; off, control, on; …),
 * so that every server sees the same machine: on a shared machine the load of others moves by more
 * than the log costs.
 */
import { randomBytes } from 'node:crypto';
import { createUsers, Figures, HttpScenario, runHttp } from './load';
import { GROUP_MEMBERS, Seed } from './seed';
import { adminPost, BenchServer, startServer, stopServer } from './server';

export const REPEATS = 3;
const SLICE_SECONDS = 2;
const MODES = ['on', 'off', 'control'] as const;
type Mode = (typeof MODES)[number];

export interface ActivityRun {
  scenario: string;
  /** on: the log on; off: ACTIVITY_LOG=false; control: another server with it off. */
  log: Mode;
  repeat: number;
  figures: Figures;
}

export interface ActivitySummary {
  scenario: string;
  onRequestsPerSecond: number[];
  offRequestsPerSecond: number[];
  controlRequestsPerSecond: number[];
  /** Mean with the log on against the mean with it off, in percent (negative: slower). */
  changePercent: number;
  /** The same, run by run. */
  changePercentByRepeat: number[];
  /** The control against off: two identical servers, so what the measurement cannot tell apart. */
  controlChangePercent: number;
  onP99: number;
  offP99: number;
}

export interface ActivityLoadReport {
  runs: ActivityRun[];
  summary: ActivitySummary[];
  /** The "on" server's /health/ready activityLog at the end: nothing may have been dropped. */
  logState: Record<string, unknown>;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const percent = (a: number, b: number) => Math.round((a / b - 1) * 1000) / 10;

/** Slices of one run as one: requests over the whole time, the slices' median p50 and worst p99. */
function combined(slices: Figures[], sliceSeconds: number): Figures {
  const requests = slices.reduce((sum, f) => sum + f.requests, 0);
  const p50s = slices.map((f) => f.p50).sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(requests / (slices.length * sliceSeconds)),
    p50: p50s[Math.floor(slices.length / 2)],
    p95: Math.max(...slices.map((f) => f.p95)),
    p99: Math.max(...slices.map((f) => f.p99)),
    errors: slices.reduce((sum, f) => sum + f.errors, 0),
    requests,
  };
}

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
  const servers = {} as Record<Mode, BenchServer>;
  try {
    for (const mode of MODES) {
      servers[mode] = await startServer(url, adminKey, 1, { ACTIVITY_LOG: mode === 'on' ? 'true' : 'false' });
    }
    const token = String(
      (
        await adminPost(servers.on, adminKey, `/admin/tenants/${data.tenantId}/tokens`, {
          description: 'activity',
        })
      ).token,
    );
    const runId = randomBytes(4).toString('hex');
    const runs: ActivityRun[] = [];
    const slices = Math.max(1, Math.round(seconds / SLICE_SECONDS));
    log(
      `Activity log on/off: ${REPEATS} runs of ${slices * SLICE_SECONDS} s per server, ${connections} connections, ` +
        `interleaved in ${SLICE_SECONDS} s slices`,
    );
    for (const scenario of scenarios(data, runId)) {
      for (let repeat = 1; repeat <= REPEATS; repeat += 1) {
        const taken: Record<Mode, Figures[]> = { on: [], off: [], control: [] };
        for (let slice = 0; slice < slices; slice += 1) {
          for (let i = 0; i < MODES.length; i += 1) {
            const at = (slice + repeat + i) % MODES.length;
            const mode = MODES[at];
            const offset = (at * REPEATS * slices + (repeat - 1) * slices + slice) * 1e6;
            const named = { ...scenario, request: (n: number) => scenario.request(n + offset) };
            taken[mode].push(await runHttp(servers[mode].url, token, named, connections, SLICE_SECONDS));
          }
        }
        for (const mode of MODES) {
          const figures = combined(taken[mode], SLICE_SECONDS);
          runs.push({ scenario: scenario.name, log: mode, repeat, figures });
          log(
            `  ${scenario.name} ${mode} #${repeat}: ${figures.requestsPerSecond} req/s, p50 ${figures.p50} ms, ` +
              `p99 ${figures.p99} ms, errors ${figures.errors}`,
          );
        }
      }
    }
    const summary = scenarios(data, runId).map((scenario): ActivitySummary => {
      const of = (mode: Mode) => runs.filter((r) => r.scenario === scenario.name && r.log === mode);
      const rps = (mode: Mode) => of(mode).map((r) => r.figures.requestsPerSecond);
      const [on, off, control] = [rps('on'), rps('off'), rps('control')];
      return {
        scenario: scenario.name,
        onRequestsPerSecond: on,
        offRequestsPerSecond: off,
        controlRequestsPerSecond: control,
        changePercent: percent(mean(on), mean(off)),
        changePercentByRepeat: on.map((value, i) => percent(value, off[i])),
        controlChangePercent: percent(mean(control), mean(off)),
        onP99: Math.max(...of('on').map((r) => r.figures.p99)),
        offP99: Math.max(...of('off').map((r) => r.figures.p99)),
      };
    });
    // Give the last batch its flush, then read what the log says of itself.
    await new Promise((r) => setTimeout(r, 1000));
    const ready = (await (await fetch(`${servers.on.url}/health/ready`)).json()) as {
      info: { activityLog: Record<string, unknown> };
    };
    return { runs, summary, logState: ready.info.activityLog };
  } finally {
    for (const server of Object.values(servers)) await stopServer(server);
  }
}

export function activityMarkdown(report: ActivityLoadReport): string {
  const lines = [
    '| Scenario | log on req/s (3 runs) | log off req/s | control (off) req/s | on vs off | by run | control vs off | p99 ms on / off |',
    '|---|---|---|---|---:|---|---:|---:|',
  ];
  for (const s of report.summary) {
    lines.push(
      `| ${s.scenario} | ${s.onRequestsPerSecond.join(', ')} | ${s.offRequestsPerSecond.join(', ')} | ` +
        `${s.controlRequestsPerSecond.join(', ')} | ${s.changePercent}% | ` +
        `${s.changePercentByRepeat.map((p) => `${p}%`).join(', ')} | ${s.controlChangePercent}% | ${s.onP99} / ${s.offP99} |`,
    );
  }
  return lines.join('\n');
}
