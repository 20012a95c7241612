import { Client } from 'pg';
import { createUsers, Figures, HttpScenario, runHttp } from './load';
import { Seed } from './seed';

/** What the isolation scenario needs of the bench: the server, and a way to restart it with settings. */
export interface IsolationContext {
  baseUrl: () => string;
  databaseUrl: string;
  /** The big tenant's token. */
  token: string;
  data: Seed;
  adminPost: (path: string, body: unknown) => Promise<Record<string, unknown>>;
  restart: (env: Record<string, string>) => Promise<void>;
  log: (line: string) => void;
}

export interface IsolationFigures {
  seconds: number;
  floodConnections: number;
  lookupConnections: number;
  /** Tenant B's `userName eq` lookups with nothing else running. */
  alone: Figures;
  /** The same while tenant A floods slow filters, with the default TENANT_MAX_CONCURRENCY (half the pool). */
  flooded: Figures;
  /** Tenant A's flood meanwhile: 503s are its requests waiting past their turn. */
  flood: Figures & { answered503: number };
  /** B again with the cap as large as the pool, i.e. no per-tenant cap, for comparison. */
  floodedWithoutCap: Figures;
  /** flooded p99 over alone p99. */
  p99Ratio: number;
  /** B while A writes flat out (POST /Users at FLOOD_CONNECTIONS), with the default cap. */
  whileAWrites: Figures;
  writes: Figures;
  /** whileAWrites p99 over alone p99. */
  writesP99Ratio: number;
}

const SECONDS = 10;
const FLOOD_CONNECTIONS = 16;
const LOOKUP_CONNECTIONS = 4;

interface Load {
  token: string;
  scenario: HttpScenario;
}

/**
 * Tenant B's lookups (at 4 connections) alone, then while tenant A's flood runs at 16 connections,
 * both for `seconds`. Each scenario counts any status of 400 or more as an error (A's 503s too).
 */
export async function measureUnderFlood(
  baseUrl: string,
  lookups: Load,
  flood: Load,
  seconds: number,
): Promise<{ alone: Figures; flooded: Figures; flood: Figures }> {
  const measureB = () => runHttp(baseUrl, lookups.token, lookups.scenario, LOOKUP_CONNECTIONS, seconds);
  const alone = await measureB();
  const [flooded, a] = await Promise.all([
    measureB(),
    runHttp(baseUrl, flood.token, flood.scenario, FLOOD_CONNECTIONS, seconds),
  ]);
  return { alone, flooded, flood: a };
}
/** Allowed by the filter cost limit (four substring matches), and slow on 105,000 users. */
const SLOW_FILTER =
  'emails[value co "zz1"] or emails[value co "zz2"] or displayName co "zz3" or userName ew "zz4"';

/**
 * Tenant B's lookups while tenant A (105,000 users) floods slow filters: B's p99 alone, flooded
 * with the per-tenant cap, and flooded without it; and while A writes flat out (POST /Users). The target is a flooded p99 of at most 50 ms, or
 * twice B's p99 alone.
 */
export async function isolationBench(context: IsolationContext): Promise<IsolationFigures> {
  const { data, log } = context;
  const db = new Client({ connectionString: context.databaseUrl });
  await db.connect();
  const small = (
    await db.query<{ id: string; user_name: string }>(
      `SELECT t.id, u.user_name FROM tenant t JOIN scim_user u ON u.tenant_id = t.id
        WHERE t.name = 'bench-small-1' ORDER BY u.seq LIMIT 10`,
    )
  ).rows;
  await db.end();
  const tenantB = small[0].id;
  const tokenB = String(
    (await context.adminPost(`/admin/tenants/${tenantB}/tokens`, { description: 'isolation' })).token,
  );
  const lookups: HttpScenario = {
    name: 'tenant B: GET /Users?filter=userName eq',
    method: 'GET',
    auth: true,
    request: (n) => ({
      path: `/scim/v2/${tenantB}/Users?filter=${encodeURIComponent(`userName eq "${small[n % small.length].user_name}"`)}`,
    }),
  };
  const flood: HttpScenario = {
    name: 'tenant A: slow filters',
    method: 'GET',
    auth: true,
    request: () => ({
      path: `/scim/v2/${data.tenantId}/Users?count=100&filter=${encodeURIComponent(SLOW_FILTER)}`,
    }),
  };
  const b = { token: tokenB, scenario: lookups };
  const slow = { token: context.token, scenario: flood };
  const capped = await measureUnderFlood(context.baseUrl(), b, slow, SECONDS);
  const alone = capped.alone;
  log(`  isolation  B alone: p99 ${alone.p99} ms, ${alone.requestsPerSecond} req/s, errors ${alone.errors}`);
  log(
    `  isolation  B while A floods (cap: half the pool): p99 ${capped.flooded.p99} ms, errors ${capped.flooded.errors}; ` +
      `A: ${capped.flood.requests} answered, ${capped.flood.errors} of them 503`,
  );
  const writes = {
    token: context.token,
    scenario: createUsers(`/scim/v2/${data.tenantId}`, `isolation-${Date.now().toString(36)}`),
  };
  const written = await measureUnderFlood(context.baseUrl(), b, writes, SECONDS);
  const writesP99Ratio = Math.round((written.flooded.p99 / Math.max(0.01, written.alone.p99)) * 100) / 100;
  log(
    `  isolation  B while A writes flat out: p99 ${written.flooded.p99} ms (alone ${written.alone.p99} ms, ${writesP99Ratio}×), ` +
      `errors ${written.flooded.errors}; A: ${written.flood.requestsPerSecond} POST/s, errors ${written.flood.errors}`,
  );
  await context.restart({ TENANT_MAX_CONCURRENCY: '16' });
  const uncapped = await measureUnderFlood(context.baseUrl(), b, slow, SECONDS);
  log(
    `  isolation  B while A floods (no cap): p99 ${uncapped.flooded.p99} ms, errors ${uncapped.flooded.errors}`,
  );
  await context.restart({});
  const p99Ratio = Math.round((capped.flooded.p99 / Math.max(0.01, alone.p99)) * 100) / 100;
  log(`  isolation  flooded p99 / alone p99: ${p99Ratio} (target: at most 50 ms, or 2)`);
  return {
    seconds: SECONDS,
    floodConnections: FLOOD_CONNECTIONS,
    lookupConnections: LOOKUP_CONNECTIONS,
    alone,
    flooded: capped.flooded,
    flood: { ...capped.flood, answered503: capped.flood.errors },
    floodedWithoutCap: uncapped.flooded,
    p99Ratio,
    whileAWrites: written.flooded,
    writes: written.flood,
    writesP99Ratio,
  };
}
