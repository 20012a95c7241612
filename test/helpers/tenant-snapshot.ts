import type { DataSource } from 'typeorm';

/**
 * Tables left out of a snapshot, and columns left out of a table's hash, because a refused request
 * changes them by design: the activity log records every request, refused or not, and a token's
 * last use is stamped whenever it authenticates.
 */
const RECORDS_OF_REQUESTS = new Set(['activity_entry', 'activity_minute', 'activity_connection']);
const STAMPS: Record<string, string[]> = { tenant_token: ['last_used_at'] };

/** Per table, per tenant: its row count and a hash of the rows' contents. */
export type TenantSnapshot = Record<string, Record<string, string>>;

export interface TenantSnapshotter {
  /** The tables compared: `tenant` and every table with a tenant_id column. */
  tables: string[];
  take(tenantIds: string[]): Promise<TenantSnapshot>;
  /**
   * The next transaction id the database will assign: unchanged, no transaction has written
   * anything since (a cheap test before a snapshot). Rolled-back writes move it too.
   */
  writeMark(): Promise<string>;
}

/** Finds every tenant-owned table (so a new one is covered without a change here) and snapshots them. */
export async function tenantSnapshotter(db: DataSource): Promise<TenantSnapshotter> {
  const rows: Array<{ table_name: string }> = await db.query(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'tenant_id'
      ORDER BY table_name`,
  );
  const owned = rows.map((r) => r.table_name).filter((name) => !RECORDS_OF_REQUESTS.has(name));
  const row = (table: string) => {
    const stamps = (STAMPS[table] ?? []).map((column) => ` - '${column}'`).join('');
    return `md5((to_jsonb(t)${stamps})::text)`;
  };
  const select = (table: string, key: string) =>
    `SELECT '${table}' AS table_name, ${key}::text AS tenant_id,
            count(*) || ':' || coalesce(md5(string_agg(${row(table)}, ',' ORDER BY ${row(table)})), '') AS digest
       FROM "${table}" t WHERE ${key} = ANY($1::uuid[]) GROUP BY ${key}`;
  const sql = [select('tenant', 'id'), ...owned.map((table) => select(table, 'tenant_id'))].join(
    '\nUNION ALL\n',
  );
  return {
    tables: ['tenant', ...owned],
    async take(tenantIds) {
      const found: Array<{ table_name: string; tenant_id: string; digest: string }> = await db.query(sql, [
        tenantIds,
      ]);
      const snapshot: TenantSnapshot = {};
      for (const r of found) (snapshot[r.table_name] ??= {})[r.tenant_id] = r.digest;
      return snapshot;
    },
    async writeMark() {
      const [row]: [{ xmax: string }] = await db.query(
        `SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`,
      );
      return row.xmax;
    },
  };
}

/** The tables (and tenants) whose rows differ between two snapshots, e.g. `scim_user[<tenant id>]`. */
export function snapshotDifferences(before: TenantSnapshot, after: TenantSnapshot): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  const differences: string[] = [];
  for (const table of tables) {
    const tenants = new Set([...Object.keys(before[table] ?? {}), ...Object.keys(after[table] ?? {})]);
    for (const tenant of tenants) {
      const was = before[table]?.[tenant] ?? '0:';
      const is = after[table]?.[tenant] ?? '0:';
      if (was !== is) differences.push(`${table}[${tenant}]: ${was} → ${is}`);
    }
  }
  return differences;
}
