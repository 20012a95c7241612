import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { LEASE, NO_FLUSH_WAIT } from './delivery-sql';

/** An endpoint a worker has leased: it alone delivers to it until the lease ends. */
export interface LeasedEndpoint {
  tenant_id: string;
  id: string;
  max_batch_size: number;
}

/**
 * Which worker delivers to which endpoint: claims (a row lock taken with SKIP LOCKED, then a lease
 * with the worker's owner token), their release, and the statistics the queue's plans rely on.
 */
@Injectable()
export class DeliveryLeasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Leases up to `limit` endpoints whose oldest pending delivery is due, least recently served
   * first. The endpoints with pending deliveries are found by a skip scan of the pending index
   * (one probe per such endpoint), never by reading their queues. With `tenantId`, that tenant's only.
   */
  async claim(
    now: Date,
    leaseMs: number,
    owner: string,
    limit: number,
    tenantId: string | null,
  ): Promise<LeasedEndpoint[]> {
    return queryPrepared<LeasedEndpoint>(
      this.dataSource.manager,
      `WITH RECURSIVE heads AS (
         (SELECT d.tenant_id, d.endpoint_id, d.next_attempt_at FROM webhook_delivery d
           WHERE d.status = 'pending' ORDER BY d.tenant_id, d.endpoint_id, d.event_seq LIMIT 1)
         UNION ALL
         SELECT n.tenant_id, n.endpoint_id, n.next_attempt_at FROM heads h CROSS JOIN LATERAL (
           SELECT d.tenant_id, d.endpoint_id, d.next_attempt_at FROM webhook_delivery d
            WHERE d.status = 'pending' AND (d.tenant_id, d.endpoint_id) > (h.tenant_id, h.endpoint_id)
            ORDER BY d.tenant_id, d.endpoint_id, d.event_seq LIMIT 1) n
       ), async AS (${NO_FLUSH_WAIT})
       UPDATE webhook_endpoint w SET lease_owner = $3, lease_until = ${LEASE}
        WHERE EXISTS (SELECT 1 FROM async) AND (w.tenant_id, w.id) IN (
          SELECT e.tenant_id, e.id FROM heads h
            JOIN webhook_endpoint e ON e.tenant_id = h.tenant_id AND e.id = h.endpoint_id
           WHERE h.next_attempt_at <= $1 AND e.state <> 'disabled'
             AND (e.lease_until IS NULL OR e.lease_until < $1) AND ($5::uuid IS NULL OR e.tenant_id = $5)
           ORDER BY e.served_at NULLS FIRST
           LIMIT $4
           FOR UPDATE OF e SKIP LOCKED)
          AND (w.lease_until IS NULL OR w.lease_until < $1)
       RETURNING w.tenant_id, w.id, w.max_batch_size`,
      [now, leaseMs, owner, limit, tenantId],
    );
  }

  /** Gives the endpoint back (nothing due, or the worker's turn is over). */
  async release(endpoint: LeasedEndpoint, owner: string, now: Date): Promise<void> {
    await queryPrepared(
      this.dataSource.manager,
      `WITH async AS (${NO_FLUSH_WAIT})
       UPDATE webhook_endpoint SET lease_owner = NULL, lease_until = NULL, served_at = $4
        WHERE tenant_id = $1 AND id = $2 AND lease_owner = $3 AND EXISTS (SELECT 1 FROM async)`,
      [endpoint.tenant_id, endpoint.id, owner, now],
    );
  }

  /**
   * Analyzes those of `tables` changed by more than a tenth (and a thousand rows) since their last
   * analysis, unless another process is doing it; answers which it analyzed. The queue's plans need
   * statistics that follow its growth, and autovacuum, shared by every database of the server, may
   * be too busy to give them in time: without them, a generic plan can read a tenant's whole queue
   * to find one delivery.
   */
  async refreshStatistics(tables: readonly string[]): Promise<string[]> {
    return this.dataSource.transaction(async (m) => {
      const locked: Array<{ locked: boolean }> = await m.query(
        `SELECT pg_try_advisory_xact_lock(hashtext('rollcall webhook statistics')) AS locked`,
      );
      if (!locked[0]?.locked) return [];
      const stale: Array<{ relname: string }> = await m.query(
        `SELECT relname FROM pg_stat_user_tables
          WHERE schemaname = current_schema() AND relname = ANY ($1::text[])
            AND n_mod_since_analyze > greatest(1000, 0.1 * n_live_tup)`,
        [tables],
      );
      const names = stale.map((r) => r.relname).filter((name) => tables.includes(name));
      // The names come from `tables` (constants of the worker), never from input.
      if (names.length > 0) await m.query(`ANALYZE ${names.join(', ')}`);
      return names;
    });
  }
}
