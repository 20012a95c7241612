import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Keyset } from '../common/cursor';
import { returnedRows } from '../database/returned-rows';
import { EventRow } from './events.repository';

export interface EndpointRow {
  id: string;
  url: string;
  event_types: string[];
  description: string | null;
  status: 'active' | 'failing';
  consecutive_failures: number;
  created_at: Date;
}

/** A delivery the worker has claimed, with what it needs to send it. */
export interface ClaimedDelivery {
  tenant_id: string;
  id: string;
  attempts: number;
  created_at: Date;
  url: string;
  secret: string;
  /** The stored event, or null for a test delivery (whose body is `payload`). */
  event: EventRow | null;
  payload: Record<string, unknown> | null;
}

export interface AttemptResult {
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  delivered: boolean;
}

export interface DeliveryRow {
  id: string;
  event_id: string | null;
  event_type: string;
  event_seq: string | null;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  created_at: Date;
  delivered_at: Date | null;
  attempt_log: Array<{
    attempt: number;
    at: string;
    statusCode: number | null;
    latencyMs: number;
    error: string | null;
  }>;
}

/** An endpoint is marked failing after this many failed attempts in a row. */
export const FAILING_AFTER = 5;

const ENDPOINT_COLUMNS = 'id, url, event_types, description, status, consecutive_failures, created_at';

/** All SQL on the webhook tables. Only the worker's claim spans tenants: it serves them all. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertEndpoint(
    tenantId: string,
    id: string,
    endpoint: { url: string; eventTypes: string[]; secret: string; description: string | null },
  ): Promise<EndpointRow> {
    const rows: EndpointRow[] = await this.dataSource.query(
      `INSERT INTO webhook_endpoint (tenant_id, id, url, event_types, secret, description)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ENDPOINT_COLUMNS}`,
      [tenantId, id, endpoint.url, endpoint.eventTypes, endpoint.secret, endpoint.description],
    );
    return rows[0];
  }

  listEndpoints(tenantId: string): Promise<EndpointRow[]> {
    return this.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoint WHERE tenant_id = $1 ORDER BY created_at, id`,
      [tenantId],
    );
  }

  async findEndpoint(tenantId: string, id: string): Promise<(EndpointRow & { secret: string }) | null> {
    const rows: Array<EndpointRow & { secret: string }> = await this.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS}, secret FROM webhook_endpoint WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  async deleteEndpoint(tenantId: string, id: string): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `DELETE FROM webhook_endpoint WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [tenantId, id],
    );
    return returnedRows(result).length > 0;
  }

  /** A test delivery, created already claimed by the caller, who sends it at once. */
  async insertClaimedTest(
    tenantId: string,
    endpointId: string,
    id: string,
    payload: Record<string, unknown>,
    now: Date,
    leaseUntil: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, payload, attempts, next_attempt_at, lease_until, created_at)
       VALUES ($1, $2, $3, $4, 1, $5, $6, $5)`,
      [tenantId, id, endpointId, payload, now, leaseUntil],
    );
  }

  /**
   * Claims up to `limit` due deliveries for `leaseMs`: each the oldest pending one of its endpoint
   * (per-endpoint order), locked with SKIP LOCKED so concurrent workers, in this process or
   * another, never claim the same one; the lease keeps it theirs while they send it.
   */
  async claimDue(now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const claimed: unknown = await this.dataSource.query(
      `UPDATE webhook_delivery d
          SET lease_until = $1::timestamptz + ($2::int * interval '1 millisecond'), attempts = d.attempts + 1
        WHERE (d.tenant_id, d.id) IN (
          SELECT c.tenant_id, c.id FROM webhook_delivery c
           WHERE c.status = 'pending' AND c.next_attempt_at <= $1
             AND (c.lease_until IS NULL OR c.lease_until < $1)
             AND NOT EXISTS (
               SELECT 1 FROM webhook_delivery p
                WHERE p.tenant_id = c.tenant_id AND p.endpoint_id = c.endpoint_id
                  AND p.status = 'pending' AND p.event_seq < c.event_seq)
           ORDER BY c.next_attempt_at
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
        RETURNING d.tenant_id, d.id`,
      [now, leaseMs, limit],
    );
    const keys = returnedRows<{ tenant_id: string; id: string }>(claimed);
    if (keys.length === 0) return [];
    return this.claimedDetails(keys);
  }

  async claimedDetails(keys: Array<{ tenant_id: string; id: string }>): Promise<ClaimedDelivery[]> {
    const rows: Array<Omit<ClaimedDelivery, 'event'> & Partial<EventRow> & { event_seq: string | null }> =
      await this.dataSource.query(
        `SELECT d.tenant_id, d.id, d.attempts, d.created_at, d.payload, d.event_seq::text, w.url, w.secret,
                ev.seq::text, ev.id AS event_id, ev.type, ev.occurred_at, ev.data
           FROM unnest($1::uuid[], $2::uuid[]) AS k(tenant_id, id)
           JOIN webhook_delivery d ON d.tenant_id = k.tenant_id AND d.id = k.id
           JOIN webhook_endpoint w ON w.tenant_id = d.tenant_id AND w.id = d.endpoint_id
           LEFT JOIN event ev ON ev.tenant_id = d.tenant_id AND ev.seq = d.event_seq`,
        [keys.map((k) => k.tenant_id), keys.map((k) => k.id)],
      );
    return rows.map((r) => {
      const raw = r as typeof r & { event_id?: string };
      return {
        tenant_id: r.tenant_id,
        id: r.id,
        attempts: r.attempts,
        created_at: r.created_at,
        url: r.url,
        secret: r.secret,
        payload: r.payload,
        event:
          r.event_seq !== null && raw.event_id && r.type && r.occurred_at && r.data
            ? { seq: r.event_seq, id: raw.event_id, type: r.type, occurred_at: r.occurred_at, data: r.data }
            : null,
      };
    });
  }

  /**
   * Records an attempt and its consequence in one transaction: delivered; or due again at
   * `retryAt`; or, with `retryAt` null, failed for good. The endpoint's failure count follows.
   */
  async complete(
    tenantId: string,
    deliveryId: string,
    attempt: number,
    result: AttemptResult,
    retryAt: Date | null,
  ) {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO webhook_attempt (tenant_id, delivery_id, attempt, at, status_code, latency_ms, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [tenantId, deliveryId, attempt, result.at, result.statusCode, result.latencyMs, result.error],
      );
      const status = result.delivered ? 'delivered' : retryAt ? 'pending' : 'failed';
      const updated: unknown = await m.query(
        `UPDATE webhook_delivery SET status = $3, lease_until = NULL, next_attempt_at = coalesce($4, next_attempt_at),
                delivered_at = CASE WHEN $3 = 'delivered' THEN $5::timestamptz END
          WHERE tenant_id = $1 AND id = $2 RETURNING endpoint_id`,
        [tenantId, deliveryId, status, retryAt, result.at],
      );
      const endpointId = returnedRows<{ endpoint_id: string }>(updated)[0]?.endpoint_id;
      if (!endpointId) return;
      await m.query(
        result.delivered
          ? `UPDATE webhook_endpoint SET consecutive_failures = 0, status = 'active' WHERE tenant_id = $1 AND id = $2`
          : `UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1,
                    status = CASE WHEN consecutive_failures + 1 >= ${FAILING_AFTER} THEN 'failing' ELSE status END
              WHERE tenant_id = $1 AND id = $2`,
        [tenantId, endpointId],
      );
    });
  }

  /** An endpoint's deliveries, newest first, each with its attempts. */
  listDeliveries(
    tenantId: string,
    endpointId: string,
    limit: number,
    before: Keyset | null,
  ): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `SELECT d.id, ev.id AS event_id, coalesce(ev.type, d.payload ->> 'type') AS event_type, d.event_seq::text,
              d.status, d.attempts, d.next_attempt_at, d.created_at, d.delivered_at,
              coalesce((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'statusCode', a.status_code,
                                                          'latencyMs', a.latency_ms, 'error', a.error) ORDER BY a.attempt)
                          FROM webhook_attempt a WHERE a.tenant_id = d.tenant_id AND a.delivery_id = d.id), '[]') AS attempt_log
         FROM webhook_delivery d
         LEFT JOIN event ev ON ev.tenant_id = d.tenant_id AND ev.seq = d.event_seq
        WHERE d.tenant_id = $1 AND d.endpoint_id = $2
          AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3, $4::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $5`,
      [tenantId, endpointId, before?.at ?? null, before?.id ?? null, limit],
    );
  }
}
