import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Keyset } from '../common/cursor';
import type { ActivityRecord } from './activity-record';
import type { ActivityBatch } from './activity-queue';
import type { ClientKind } from './client-recognition';

/** A flush that takes longer than this is abandoned and retried: never a lock held for long. */
const WRITE_TIMEOUT_MS = 5000;

/** The columns of `activity_entry` a flush writes, with their types, in the record's order. */
const ENTRY_COLUMNS = [
  ['tenant_id', 'uuid'],
  ['id', 'uuid'],
  ['at', 'timestamptz'],
  ['last_at', 'timestamptz'],
  ['aggregated', 'boolean'],
  ['count', 'integer'],
  ['request_id', 'text'],
  ['duration_ms', 'integer'],
  ['client', 'text'],
  ['user_agent', 'text'],
  ['content_type', 'text'],
  ['client_address', 'text'],
  ['token_id', 'uuid'],
  ['method', 'text'],
  ['route', 'text'],
  ['query', 'text'],
  ['resource_type', 'text'],
  ['resource_id', 'text'],
  ['user_name', 'text'],
  ['operations', 'jsonb'],
  ['status', 'smallint'],
  ['scim_type', 'text'],
  ['detail', 'text'],
  ['error_code', 'text'],
  ['auth_failure', 'text'],
  ['request_body', 'text'],
  ['request_body_truncated', 'boolean'],
  ['response_body', 'text'],
  ['response_body_truncated', 'boolean'],
] as const;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function entryRow(record: ActivityRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [snake(key), value]));
}

/** Filters of the listing; each is served by an index leading with (tenant_id, …) and ending (at, id). */
export interface ActivityFilters {
  outcome?: 'error' | 'success';
  status?: number;
  resourceId?: string;
  userName?: string;
  client?: ClientKind;
  since?: Date;
  until?: Date;
}

export interface ActivityEntryRow {
  id: string;
  at: Date;
  last_at: Date;
  aggregated: boolean;
  count: number;
  request_id: string | null;
  duration_ms: number;
  client: ClientKind;
  user_agent: string | null;
  content_type: string | null;
  client_address: string | null;
  token_id: string | null;
  token_prefix: string | null;
  method: string;
  route: string | null;
  query: string | null;
  resource_type: string | null;
  resource_id: string | null;
  user_name: string | null;
  operations: Array<{ op: string; path: string | null }> | null;
  status: number;
  scim_type: string | null;
  detail: string | null;
  error_code: string | null;
  auth_failure: string | null;
  request_body?: string | null;
  request_body_truncated?: boolean;
  response_body?: string | null;
  response_body_truncated?: boolean;
}

export interface ConnectionRow {
  first_at: Date;
  first_client: ClientKind;
  last_at: Date;
  last_client: ClientKind;
  last_status: number;
  last_success_at: Date | null;
  last_success_client: ClientKind | null;
  last_failure_at: Date | null;
  last_failure_client: ClientKind | null;
  last_failure_status: number | null;
  last_failure_detail: string | null;
  last_failure_code: string | null;
  last_failure_entry_id: string | null;
  last_token_id: string | null;
  last_token_at: Date | null;
  token_prefix: string | null;
  token_description: string | null;
}

export interface RequestTotals {
  requests: number;
  errors: number;
}

const SUMMARY_COLUMNS = `e.id, e.at, e.last_at, e.aggregated, e.count, e.request_id, e.duration_ms, e.client,
  e.user_agent, e.content_type, e.client_address, e.token_id, k.prefix AS token_prefix, e.method, e.route,
  e.query, e.resource_type, e.resource_id, e.user_name, e.operations, e.status, e.scim_type, e.detail,
  e.error_code, e.auth_failure`;

/** The activity log's SQL: the batched writes and the reads (retention: ActivityRetentionRepository). */
@Injectable()
export class ActivityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes a batch in one transaction: the entries (a tally adds its count to its row), the minute
   * totals and the connection summaries. Entries of tenant ids that name no tenant are left out
   * here, off the request path, so a request never waits for that lookup. Rows go in key order, so
   * two processes writing at once take their row locks in the same order.
   */
  async write(batch: ActivityBatch): Promise<void> {
    const tenantIds = [...new Set(batch.records.map((r) => r.tenantId))];
    await this.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL statement_timeout = ${WRITE_TIMEOUT_MS}`);
      const known = await this.existingTenants(m, tenantIds);
      const records = batch.records.filter((r) => known.has(r.tenantId));
      if (records.length > 0) await this.insertEntries(m, records);
      const minutes = batch.minutes.filter((c) => known.has(c.tenantId));
      if (minutes.length > 0) await this.addMinutes(m, minutes);
      const connections = batch.connections.filter((c) => known.has(c.tenantId));
      if (connections.length > 0) await this.mergeConnections(m, connections);
    });
  }

  private async existingTenants(m: EntityManager, ids: string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await m.query(`SELECT id FROM tenant WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    return new Set(rows.map((r) => r.id));
  }

  private async insertEntries(m: EntityManager, records: ActivityRecord[]): Promise<void> {
    const names = ENTRY_COLUMNS.map(([name]) => name).join(', ');
    const typed = ENTRY_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');
    // A tally already written by this or another process adds its count; a listed entry given
    // back after a commit whose answer was lost is left as it is (its id is random).
    await m.query(
      `INSERT INTO activity_entry AS e (${names})
       SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${typed}) ORDER BY tenant_id, id
       ON CONFLICT (tenant_id, id) DO UPDATE SET
         count = e.count + excluded.count,
         last_at = GREATEST(e.last_at, excluded.last_at),
         duration_ms = GREATEST(e.duration_ms, excluded.duration_ms),
         user_agent = CASE WHEN excluded.last_at >= e.last_at THEN excluded.user_agent ELSE e.user_agent END,
         token_id = COALESCE(excluded.token_id, e.token_id)
       WHERE e.aggregated`,
      [JSON.stringify(records.map(entryRow))],
    );
  }

  private async addMinutes(m: EntityManager, minutes: ActivityBatch['minutes']): Promise<void> {
    await m.query(
      `INSERT INTO activity_minute AS a (tenant_id, minute, requests, errors)
       SELECT tenant_id, minute, requests, errors
         FROM jsonb_to_recordset($1::jsonb) AS r(tenant_id uuid, minute timestamptz, requests int, errors int)
        ORDER BY tenant_id, minute
       ON CONFLICT (tenant_id, minute) DO UPDATE SET
         requests = a.requests + excluded.requests, errors = a.errors + excluded.errors`,
      [JSON.stringify(minutes.map((c) => ({ ...c, tenant_id: c.tenantId })))],
    );
  }

  /** The newest value of each part wins, whichever process wrote it first. */
  private async mergeConnections(m: EntityManager, deltas: ActivityBatch['connections']): Promise<void> {
    const rows = deltas.map((d) => ({
      tenant_id: d.tenantId,
      first_at: d.firstAt,
      first_client: d.firstClient,
      last_at: d.lastAt,
      last_client: d.lastClient,
      last_status: d.lastStatus,
      last_success_at: d.lastSuccess?.at ?? null,
      last_success_client: d.lastSuccess?.client ?? null,
      last_failure_at: d.lastFailure?.at ?? null,
      last_failure_client: d.lastFailure?.client ?? null,
      last_failure_status: d.lastFailure?.status ?? null,
      last_failure_detail: d.lastFailure?.detail ?? null,
      last_failure_code: d.lastFailure?.code ?? null,
      last_failure_entry_id: d.lastFailure?.entryId ?? null,
      last_token_id: d.lastToken?.id ?? null,
      last_token_at: d.lastToken?.at ?? null,
    }));
    const newer = (at: string, columns: string[]) =>
      columns
        .map(
          (col) =>
            `${col} = CASE WHEN excluded.${at} IS NOT NULL AND (c.${at} IS NULL OR excluded.${at} >= c.${at})
                      THEN excluded.${col} ELSE c.${col} END`,
        )
        .join(',\n         ');
    await m.query(
      `INSERT INTO activity_connection AS c (${Object.keys(rows[0]).join(', ')})
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(tenant_id uuid, first_at timestamptz,
         first_client text, last_at timestamptz, last_client text, last_status smallint,
         last_success_at timestamptz, last_success_client text, last_failure_at timestamptz,
         last_failure_client text, last_failure_status smallint, last_failure_detail text,
         last_failure_code text, last_failure_entry_id uuid, last_token_id uuid, last_token_at timestamptz)
        ORDER BY tenant_id
       ON CONFLICT (tenant_id) DO UPDATE SET
         first_client = CASE WHEN excluded.first_at < c.first_at THEN excluded.first_client ELSE c.first_client END,
         first_at = LEAST(c.first_at, excluded.first_at),
         ${newer('last_failure_at', ['last_failure_client', 'last_failure_status', 'last_failure_detail', 'last_failure_code', 'last_failure_entry_id', 'last_failure_at'])},
         ${newer('last_success_at', ['last_success_client', 'last_success_at'])},
         ${newer('last_token_at', ['last_token_id', 'last_token_at'])},
         ${newer('last_at', ['last_client', 'last_status', 'last_at'])}`,
      [JSON.stringify(rows)],
    );
  }

  /** A page of the tenant's entries, newest first, after the keyset `before` (exclusive). */
  async list(
    tenantId: string,
    filters: ActivityFilters,
    before: Keyset | null,
    limit: number,
  ): Promise<ActivityEntryRow[]> {
    const params: unknown[] = [tenantId];
    const where = ['e.tenant_id = $1'];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // Written as the indexes are (activity_entry_outcome_idx, …), so each filter reads its own index.
    if (filters.outcome === 'error') where.push('e.failed');
    if (filters.outcome === 'success') where.push('NOT e.failed');
    if (filters.status !== undefined) where.push(`e.status = ${param(filters.status)}`);
    if (filters.resourceId !== undefined) where.push(`e.resource_id = ${param(filters.resourceId)}`);
    if (filters.userName !== undefined) {
      where.push(`e.user_name IS NOT NULL AND lower(e.user_name) = lower(${param(filters.userName)})`);
    }
    if (filters.client !== undefined) where.push(`e.client = ${param(filters.client)}`);
    if (filters.since) where.push(`e.at >= ${param(filters.since)}`);
    if (filters.until) where.push(`e.at < ${param(filters.until)}`);
    if (before) where.push(`(e.at, e.id) < (${param(before.at)}, ${param(before.id)}::uuid)`);
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}
         FROM activity_entry e LEFT JOIN tenant_token k ON k.tenant_id = e.tenant_id AND k.id = e.token_id
        WHERE ${where.join(' AND ')}
        ORDER BY e.at DESC, e.id DESC
        LIMIT ${param(limit)}`,
      params,
    );
  }

  async find(tenantId: string, id: string): Promise<ActivityEntryRow | null> {
    const rows: ActivityEntryRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, e.request_body, e.request_body_truncated, e.response_body,
              e.response_body_truncated
         FROM activity_entry e LEFT JOIN tenant_token k ON k.tenant_id = e.tenant_id AND k.id = e.token_id
        WHERE e.tenant_id = $1 AND e.id = $2`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  async connection(tenantId: string): Promise<ConnectionRow | null> {
    const rows: ConnectionRow[] = await this.dataSource.query(
      `SELECT c.*, k.prefix AS token_prefix, k.description AS token_description
         FROM activity_connection c
         LEFT JOIN tenant_token k ON k.tenant_id = c.tenant_id AND k.id = c.last_token_id
        WHERE c.tenant_id = $1`,
      [tenantId],
    );
    return rows[0] ?? null;
  }

  /** Requests and failures from the minute totals since each time (at most a day of rows). */
  async totals(tenantId: string, since: Date[]): Promise<RequestTotals[]> {
    const earliest = new Date(Math.min(...since.map((d) => d.getTime())));
    const rows: Array<{ minute: Date; requests: number; errors: number }> = await this.dataSource.query(
      `SELECT minute, requests, errors FROM activity_minute WHERE tenant_id = $1 AND minute >= $2`,
      [tenantId, earliest],
    );
    return since.map((from) =>
      rows
        .filter((r) => r.minute >= from)
        .reduce((sum, r) => ({ requests: sum.requests + r.requests, errors: sum.errors + r.errors }), {
          requests: 0,
          errors: 0,
        }),
    );
  }
}
