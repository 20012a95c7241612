/**
 * How to purge the activity log past its retention: a time index with batched deletes (what
 * Rollcall does), or native partitioning by day with a partition dropped each day. Both layouts get
 * the same columns, indexes and 31 days of rows in a scratch schema; the figures are the purge of the
 * oldest day while a writer keeps inserting batches, the size once the next day has been written
 * (bloat), and the listing's newest-first page. The scratch schema is dropped at the end.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';

const DAYS = 31;
const TENANTS = 200;
const PURGE_BATCH = 5000;
const DAY_MS = 86_400_000;

export interface LayoutFigures {
  layout: 'time index + batched deletes' | 'partitioned by day';
  rows: number;
  rowsPurged: number;
  purgeMs: number;
  /** The longest single statement of the purge: how long its locks were held at most. */
  longestStatementMs: number;
  statements: number;
  insertP50MsBefore: number;
  insertP99MsBefore: number;
  insertP50MsDuring: number;
  insertP99MsDuring: number;
  sizeMbBefore: number;
  /** After the purge, a vacuum and the next day's rows: what the table holds on disk. */
  sizeMbAfterNextDay: number;
  pageMsUnfiltered: number;
  pageMsErrors: number;
  entryByIdMs: number;
}

const round = (n: number) => Math.round(n * 100) / 100;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))])
    : 0;
};

function ddl(table: string, partitioned: boolean): string[] {
  const key = partitioned ? '(tenant_id, at, id)' : '(tenant_id, id)';
  return [
    `CREATE TABLE ${table} (
       tenant_id uuid NOT NULL, id uuid NOT NULL, at timestamptz NOT NULL, status smallint NOT NULL,
       failed boolean GENERATED ALWAYS AS (status >= 400) STORED, client text NOT NULL,
       resource_id text, user_name text, detail text, request_body text,
       PRIMARY KEY ${key}) ${partitioned ? 'PARTITION BY RANGE (at)' : ''}`,
    `CREATE INDEX ON ${table} (tenant_id, at, id)`,
    `CREATE INDEX ON ${table} (tenant_id, failed, at, id)`,
    `CREATE INDEX ON ${table} (tenant_id, status, at, id)`,
    `CREATE INDEX ON ${table} (tenant_id, client, at, id)`,
    `CREATE INDEX ON ${table} (tenant_id, resource_id, at, id) WHERE resource_id IS NOT NULL`,
    `CREATE INDEX ON ${table} (tenant_id, lower(user_name), at, id) WHERE user_name IS NOT NULL`,
  ];
}

/** One day of rows like the log's: writes and failures, 2% errors with a body, 200 tenants. */
function fillDay(table: string, dayStart: Date, rows: number) {
  return {
    text: `INSERT INTO ${table} (tenant_id, id, at, status, client, resource_id, user_name, detail, request_body)
           SELECT ($1::uuid[])[1 + n % ${TENANTS}], gen_random_uuid(), $2::timestamptz + n * ($3::float8 * interval '1 millisecond'),
                  CASE WHEN n % 50 = 0 THEN 409 ELSE 201 END, (ARRAY['okta','entra','other'])[1 + n % 3],
                  md5(n::text || $2::text), 'user' || n || '@bench.test',
                  CASE WHEN n % 50 = 0 THEN 'userName is already taken by another User of this tenant' END,
                  CASE WHEN n % 50 = 0 THEN repeat('{"userName":"x"}', 40) END
             FROM generate_series(1, $4::int) AS n`,
    values: [dayStart, DAY_MS / rows, rows],
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/**
 * The log's own write pattern while the purge runs: a batch of 100 "now" rows every 200 ms (500
 * entries a second, the flush cadence of a busy process); the latency of each batch.
 */
function writer(pool: Pool, table: string, tenants: string[]) {
  const latencies: number[] = [];
  let running = true;
  const loop = async () => {
    while (running) {
      const tick = new Promise((r) => setTimeout(r, 200));
      const { ms } = await timed(() =>
        pool.query(
          `INSERT INTO ${table} (tenant_id, id, at, status, client, resource_id, user_name)
           SELECT ($1::uuid[])[1 + n % ${TENANTS}], gen_random_uuid(), now(), 201, 'okta', md5(random()::text), 'w' || n
             FROM generate_series(1, 100) AS n`,
          [tenants],
        ),
      );
      latencies.push(ms);
      await tick;
    }
  };
  const running$ = loop();
  return {
    latencies,
    stop: async () => {
      running = false;
      await running$;
    },
  };
}

async function sizeMb(db: Client, table: string): Promise<number> {
  const rows = await db.query<{ bytes: string }>(
    `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes
       FROM pg_class c WHERE c.oid = $1::regclass OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = $1::regclass)`,
    [table],
  );
  return Math.round(Number(rows.rows[0].bytes) / 1e5) / 10;
}

async function median(db: Client, runs: number, text: string, values: unknown[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await timed(() => db.query(text, values))).ms);
  return percentile(times, 50);
}

async function measure(
  url: string,
  schema: string,
  partitioned: boolean,
  perDay: number,
  log: (line: string) => void,
): Promise<LayoutFigures> {
  const table = `${schema}.${partitioned ? 'entry_partitioned' : 'entry_plain'}`;
  const db = new Client({ connectionString: url });
  await db.connect();
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const tenants = Array.from({ length: TENANTS }, () => randomUUID());
    const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
    const dayStart = (d: number) => new Date(today.getTime() - (DAYS - 1 - d) * DAY_MS);
    for (const statement of ddl(table, partitioned)) await db.query(statement);
    if (partitioned) {
      // Every day of the window and the next two, made ahead (a default partition would forbid
      // DETACH … CONCURRENTLY).
      for (let d = 0; d < DAYS + 2; d += 1) {
        const from = dayStart(d).toISOString();
        const to = dayStart(d + 1).toISOString();
        await db.query(
          `CREATE TABLE ${table}_d${d} PARTITION OF ${table} FOR VALUES FROM ('${from}') TO ('${to}')`,
        );
      }
    }
    for (let d = 0; d < DAYS; d += 1) {
      const fill = fillDay(table, dayStart(d), perDay);
      await db.query(fill.text, [tenants, ...fill.values]);
    }
    await db.query(`VACUUM ANALYZE ${table}`);
    const rows = DAYS * perDay;
    const sizeMbBefore = await sizeMb(db, table);
    log(`  ${partitioned ? 'partitioned' : 'plain'}: ${rows} rows, ${sizeMbBefore} MB`);

    const before = writer(pool, table, tenants);
    await new Promise((r) => setTimeout(r, 3000));
    await before.stop();

    const during = writer(pool, table, tenants);
    const cutoff = dayStart(1);
    const statementTimes: number[] = [];
    let rowsPurged = 0;
    const purge = await timed(async () => {
      if (partitioned) {
        const counted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}_d0`);
        rowsPurged = counted.rows[0].n;
        statementTimes.push(
          (await timed(() => db.query(`ALTER TABLE ${table} DETACH PARTITION ${table}_d0 CONCURRENTLY`))).ms,
        );
        statementTimes.push((await timed(() => db.query(`DROP TABLE ${table}_d0`))).ms);
        return;
      }
      // Rollcall's purge (ActivityRepository.purgeEntries): per tenant, oldest first, bounded.
      for (;;) {
        const { ms, result } = await timed(() =>
          db.query(
            `WITH doomed AS (
               SELECT d.tenant_id, d.id FROM unnest($3::uuid[]) AS c(tenant_id)
                CROSS JOIN LATERAL (SELECT x.tenant_id, x.id FROM ${table} x
                   WHERE x.tenant_id = c.tenant_id AND x.at < $1 ORDER BY x.at LIMIT $2) d
                LIMIT $2)
             DELETE FROM ${table} x USING doomed WHERE x.tenant_id = doomed.tenant_id AND x.id = doomed.id`,
            [cutoff, PURGE_BATCH, tenants],
          ),
        );
        statementTimes.push(ms);
        rowsPurged += result.rowCount ?? 0;
        if ((result.rowCount ?? 0) < PURGE_BATCH) return;
      }
    });
    await new Promise((r) => setTimeout(r, 500));
    await during.stop();

    // The next day arrives after (auto)vacuum has run: the plain table reuses the purged space.
    await db.query(`VACUUM ${table}`);
    const next = fillDay(table, dayStart(DAYS), perDay);
    await db.query(next.text, [tenants, ...next.values]);
    const sizeMbAfterNextDay = await sizeMb(db, table);
    await db.query(`ANALYZE ${table}`);

    const tenant = tenants[7];
    const page = `SELECT * FROM ${table} WHERE tenant_id = $1 ORDER BY at DESC, id DESC LIMIT 51`;
    const errors = `SELECT * FROM ${table} WHERE tenant_id = $1 AND failed ORDER BY at DESC, id DESC LIMIT 51`;
    const one = await db.query<{ id: string; at: Date }>(
      `SELECT id, at FROM ${table} WHERE tenant_id = $1 ORDER BY at LIMIT 1 OFFSET 100`,
      [tenant],
    );
    // A lookup by id alone: the plain table's key; the partitioned one must search every partition.
    const byId = `SELECT * FROM ${table} WHERE tenant_id = $1 AND id = $2`;
    return {
      layout: partitioned ? 'partitioned by day' : 'time index + batched deletes',
      rows,
      rowsPurged,
      purgeMs: round(purge.ms),
      longestStatementMs: round(Math.max(...statementTimes)),
      statements: statementTimes.length,
      insertP50MsBefore: percentile(before.latencies, 50),
      insertP99MsBefore: percentile(before.latencies, 99),
      insertP50MsDuring: percentile(during.latencies, 50),
      insertP99MsDuring: percentile(during.latencies, 99),
      sizeMbBefore,
      sizeMbAfterNextDay,
      pageMsUnfiltered: await median(db, 200, page, [tenant]),
      pageMsErrors: await median(db, 200, errors, [tenant]),
      entryByIdMs: await median(db, 200, byId, [tenant, one.rows[0].id]),
    };
  } finally {
    await pool.end();
    await db.end();
  }
}

/** Both layouts, one after the other, in a scratch schema of the bench database. */
export async function retentionScenario(
  url: string,
  quick: boolean,
  log: (line: string) => void,
): Promise<LayoutFigures[]> {
  const schema = `bench_retention_${randomBytes(4).toString('hex')}`;
  const perDay = quick ? 5_000 : 20_000;
  const db = new Client({ connectionString: url });
  await db.connect();
  await db.query(`CREATE SCHEMA ${schema}`);
  try {
    log(`Activity retention: ${DAYS} days of ${perDay} rows, ${TENANTS} tenants, purging the oldest day`);
    return [await measure(url, schema, false, perDay, log), await measure(url, schema, true, perDay, log)];
  } finally {
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.end();
  }
}

export function retentionMarkdown(figures: LayoutFigures[]): string {
  const lines = [
    '| Layout | rows | purged | purge ms | longest statement ms | statements | insert p50/p99 ms before | insert p50/p99 ms during purge | MB before | MB after next day | page ms | errors page ms | by id ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const f of figures) {
    lines.push(
      `| ${f.layout} | ${f.rows} | ${f.rowsPurged} | ${f.purgeMs} | ${f.longestStatementMs} | ${f.statements} | ` +
        `${f.insertP50MsBefore} / ${f.insertP99MsBefore} | ${f.insertP50MsDuring} / ${f.insertP99MsDuring} | ` +
        `${f.sizeMbBefore} | ${f.sizeMbAfterNextDay} | ${f.pageMsUnfiltered} | ${f.pageMsErrors} | ${f.entryByIdMs} |`,
    );
  }
  return lines.join('\n');
}
