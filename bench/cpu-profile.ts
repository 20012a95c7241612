import { readFileSync } from 'node:fs';

/** What a V8 `.cpuprofile` (node --cpu-prof) holds, as far as the summary reads it. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

type Frame = CpuProfile['nodes'][number]['callFrame'];

const url = (pattern: RegExp) => (f: Frame) => pattern.test(f.url);

/**
 * The layers of the request stack, told apart by where their code lives. A sample counts for every
 * layer on its stack (inclusive), so the shares overlap: express routing holds the middleware inside it.
 * The first layer that matches a sample's innermost frame gets its self time. Express middleware
 * calls the next one from inside itself, so its inclusive share holds everything after it: read
 * middleware by its self share.
 */
export const LAYERS: Array<[string, (f: Frame) => boolean]> = [
  ['helmet', url(/node_modules\/helmet\//)],
  [
    'request log (pino-http, pino)',
    url(
      /node_modules\/(pino-http|pino|nestjs-pino|pino-std-serializers|fast-redact|sonic-boom|fast-safe-stringify)\//,
    ),
  ],
  [
    'guard (AuthGuard, token cache, rate limit)',
    url(/dist\/(auth|throttling)\/|dist\/tenants\/(token-cache|tenant-tokens)/),
  ],
  [
    'pipes (ValidationPipe, class-validator, class-transformer)',
    url(/validation\.pipe|class-validator|class-transformer|pipes-consumer/),
  ],
  [
    // The body reader was the global interceptor until it became a guard: both names, so builds compare.
    'interceptors (read retry, rxjs; the body reader when it was one)',
    url(/body-reader\.interceptor|read-retry\.interceptor|interceptors-consumer|node_modules\/rxjs\//),
  ],
  ['body reader guard', url(/body-reader\.guard/)],
  ['request id, security headers', url(/dist\/pipeline\/response-headers/)],
  ['exception filter', url(/scim-exception\.filter|exceptions-handler|base-exception-filter/)],
  ['serialisation (JSON.stringify)', (f) => f.functionName === 'stringify'],
  ['response writing (res.json, res.send)', url(/express\/lib\/response|router-response-controller/)],
  ['activity log capture', url(/dist\/activity\//)],
  [
    'request limits (deadline, tenant turn)',
    url(/dist\/database\/(request-limits|request-scope|tenant-concurrency)/),
  ],
  ['Nest core (router, execution context)', url(/@nestjs\/core\//)],
  [
    'express (routing, middleware)',
    url(/node_modules\/(express|router|finalhandler|send|qs|path-to-regexp)\//),
  ],
  [
    'handler and SCIM core (dist/users, dist/scim, …)',
    url(/\/dist\/(users|groups|scim|health|discovery|seats|database)\//),
  ],
  ['database driver (pg, typeorm)', url(/node_modules\/(pg|pg-protocol|pg-pool|typeorm)\//)],
  ['@nestjs/terminus', url(/@nestjs\/terminus\//)],
  ['node:http and sockets', url(/^node:(_http|net|internal\/(http|stream|streams))/)],
  ['garbage collector', (f) => f.functionName === '(garbage collector)'],
];

export interface LayerShare {
  layer: string;
  /** Share of the process's busy CPU time with this layer on the stack. */
  inclusive: number;
  /** Share spent in this layer's own frames. */
  self: number;
}

/**
 * Inclusive and self shares of busy (non-idle) CPU time per layer, from one `.cpuprofile`, leaving
 * out the first `skipMs` of the process (its start-up).
 */
export function layerShares(file: string, skipMs = 0): { busyMs: number; layers: LayerShare[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Array<number>(LAYERS.length).fill(0);
  const self = new Array<number>(LAYERS.length).fill(0);
  const memo = new Map<number, Set<number>>();
  const layersOf = (id: number): Set<number> => {
    const known = memo.get(id);
    if (known) return known;
    const up = parent.get(id);
    const set = new Set(up === undefined ? [] : layersOf(up));
    const frame = byId.get(id)!.callFrame;
    LAYERS.forEach(([, matches], i) => matches(frame) && set.add(i));
    memo.set(id, set);
    return set;
  };
  let busy = 0;
  let at = 0; // µs since the profile began, which is about when the process did
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)' || at < skipMs * 1000) return;
    busy += dt;
    for (const layer of layersOf(id)) inclusive[layer] += dt;
    const own = LAYERS.findIndex(([, matches]) => matches(frame));
    if (own >= 0) self[own] += dt;
  });
  const share = (us: number) => Math.round((us / Math.max(busy, 1)) * 1000) / 10;
  return {
    busyMs: Math.round(busy / 1000),
    layers: LAYERS.map(([layer], i) => ({ layer, inclusive: share(inclusive[i]), self: share(self[i]) })),
  };
}
