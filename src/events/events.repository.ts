import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { escapeLiteral } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { withCommit } from '../database/commit';
import { queryPrepared } from '../database/prepared-query';
import { ResourceEvent } from '../scim/resource/resource-definition';
import { EventDraft } from './event-types';

export interface EventRow {
  seq: string;
  id: string;
  type: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/** All SQL on `event`; fan-out into `webhook_delivery` happens where events are numbered. */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores the events in the write's transaction, in the drafts' order and without a sequence: the
   * sequencer numbers them once they committed (`number`), so a write locks no per-tenant row. In a
   * runTransaction's transaction the insert is its last statement, sent with its COMMIT in one round
   * trip (so its values are literals); elsewhere it runs now.
   */
  async append(
    m: EntityManager,
    tenantId: string,
    drafts: ReadonlyArray<EventDraft | ResourceEvent>,
    now: Date,
  ): Promise<void> {
    const at = escapeLiteral(now.toISOString());
    const tenant = escapeLiteral(tenantId);
    const rows = drafts.map(
      (d) =>
        `(${tenant}, '${randomUUID()}', ${escapeLiteral(d.type)}, ${at}, ${escapeLiteral(JSON.stringify(d.data))})`,
    );
    const insert = `INSERT INTO event (tenant_id, id, type, occurred_at, data) VALUES ${rows.join(', ')}`;
    if (!withCommit(m, { before: insert })) await m.query(insert);
  }

  /**
   * The numbering of the tenant's events, sent right after the COMMIT of the transaction of `m` in
   * the same round trip (a statement that never raises: migration 1765400000000). False when `m` is
   * no runTransaction's.
   */
  numberWithCommit(m: EntityManager, tenantId: string): boolean {
    const sql = `SELECT rollcall_number_committed_events(${escapeLiteral(tenantId)})`;
    return withCommit(m, { after: [`event-numbering:${tenantId}`, sql] });
  }

  /**
   * Numbers the tenant's committed unnumbered events after its last sequence, in the order they were
   * stored, and queues a delivery for every webhook endpoint that wants them, in one statement of its
   * own transaction (never inside another: its snapshot must follow the per-tenant lock), on the
   * connection of `m` (a committed transaction's) or the pool's. `wait`: wait
   * for a run in progress (at most a second); otherwise skip the tenant then. Answers how many it
   * numbered, or null when it skipped.
   */
  async number(
    m: EntityManager | undefined,
    tenantId: string,
    wait: boolean,
    now: Date,
  ): Promise<number | null> {
    const rows = await queryPrepared<{ numbered: number | null }>(
      m ?? this.dataSource.manager,
      `SELECT rollcall_number_events($1, $2, $3) AS numbered`,
      [tenantId, wait, now],
    );
    return rows[0]?.numbered ?? null;
  }

  /** Up to `limit` tenants with committed events not yet numbered (by the partial index). */
  async tenantsWithUnnumbered(limit: number): Promise<string[]> {
    const rows: Array<{ tenant_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT tenant_id FROM event WHERE seq IS NULL LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.tenant_id);
  }

  async after(tenantId: string, afterSeq: string, limit: number): Promise<EventRow[]> {
    return this.dataSource.query(
      `SELECT e.seq::text AS seq, e.id, e.type, e.occurred_at, e.data FROM event e
        WHERE e.tenant_id = $1 AND e.seq > $2::bigint ORDER BY e.seq LIMIT $3`,
      [tenantId, afterSeq, limit],
    );
  }

  /** The tenant's oldest event still held (retention deletes from the oldest), or null for none. */
  async oldestSeq(tenantId: string): Promise<string | null> {
    const rows: Array<{ seq: string | null }> = await this.dataSource.query(
      `SELECT min(seq)::text AS seq FROM event WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows[0]?.seq ?? null;
  }

  /** Up to `limit` tenants after `afterId` whose oldest event occurred before `cutoff`. */
  async tenantsWithEventsBefore(cutoff: Date, afterId: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT t.id FROM tenant t
         CROSS JOIN LATERAL (SELECT e.occurred_at FROM event e WHERE e.tenant_id = t.id ORDER BY e.seq LIMIT 1) oldest
        WHERE oldest.occurred_at < $1 AND ($2::uuid IS NULL OR t.id > $2) ORDER BY t.id LIMIT $3`,
      [cutoff, afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The sequence retention stops at for a tenant: its first event at or after `cutoff`, its newest
   * event (always kept, so a consumer can tell how far behind it is) and the oldest event a pending
   * delivery waits to send, whichever comes first. Everything before it may go.
   */
  async retentionBound(tenantId: string, cutoff: Date): Promise<string | null> {
    const rows: Array<{ bound: string | null }> = await this.dataSource.query(
      `SELECT least(
         (SELECT e.seq FROM event e WHERE e.tenant_id = $1 AND e.occurred_at >= $2 ORDER BY e.seq LIMIT 1),
         (SELECT max(e.seq) FROM event e WHERE e.tenant_id = $1),
         (SELECT min(p.event_seq) FROM webhook_endpoint w CROSS JOIN LATERAL (
            SELECT d.event_seq FROM webhook_delivery d
             WHERE d.tenant_id = w.tenant_id AND d.endpoint_id = w.id AND d.status = 'pending'
             ORDER BY d.event_seq LIMIT 1) p
           WHERE w.tenant_id = $1)
       )::text AS bound`,
      [tenantId, cutoff],
    );
    return rows[0]?.bound ?? null;
  }

  /**
   * Deletes the oldest `limit` events before `bound` (after `afterSeq`), with the finished
   * deliveries and attempts that refer to them, in one short statement. A pending delivery keeps its
   * event: its foreign key does not cascade, so such a delete fails rather than loses it. Returns how
   * many were deleted and the last sequence deleted (null when none was).
   */
  async deleteBefore(
    tenantId: string,
    afterSeq: string,
    bound: string,
    limit: number,
  ): Promise<{ count: number; last: string | null }> {
    const rows: Array<{ count: number; last: string | null }> = await this.dataSource.query(
      `WITH doomed AS (
         SELECT e.id, e.seq FROM event e
          WHERE e.tenant_id = $1 AND e.seq > $2::bigint AND e.seq < $3::bigint ORDER BY e.seq LIMIT $4
       ), finished AS (
         DELETE FROM webhook_delivery d USING doomed
          WHERE d.tenant_id = $1 AND d.event_id = doomed.id AND d.status <> 'pending'
       ), deleted AS (
         DELETE FROM event e USING doomed WHERE e.tenant_id = $1 AND e.id = doomed.id RETURNING e.seq
       )
       SELECT count(*)::int AS count, max(seq)::text AS last FROM deleted`,
      [tenantId, afterSeq, bound, limit],
    );
    return rows[0] ?? { count: 0, last: null };
  }
}
