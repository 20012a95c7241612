import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Keyset } from '../common/cursor';
import { returnedRows } from '../database/returned-rows';
import { AttemptResult } from './webhook-sender';

export type EndpointState = 'active' | 'failing' | 'disabled';

/** An endpoint as the admin API shows it, with what waits in its queue. */
export interface EndpointRow {
  id: string;
  url: string;
  has_credentials: boolean;
  event_types: string[];
  description: string | null;
  max_batch_size: number;
  state: EndpointState;
  consecutive_failures: number;
  failing_since: Date | null;
  disabled_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  last_status_code: number | null;
  created_at: Date;
  pending: number;
  oldest_pending_at: Date | null;
  next_attempt_at: Date | null;
}

/** The sealed values of an endpoint, for signing and for sealing again under a new key. */
export interface EndpointSecrets {
  tenant_id: string;
  id: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  url_credentials: string | null;
}

export interface NewEndpoint {
  url: string;
  urlCredentials: string | null;
  eventTypes: string[];
  secret: string;
  description: string | null;
  maxBatchSize: number;
}

export interface EndpointChanges {
  url?: { url: string; urlCredentials: string | null };
  eventTypes?: string[];
  description?: string | null;
  maxBatchSize?: number;
}

export interface DeliveryRow {
  id: string;
  webhook_id: string | null;
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

const ENDPOINT = `w.id, w.url, w.url_credentials IS NOT NULL AS has_credentials, w.event_types, w.description,
  w.max_batch_size, w.state, w.consecutive_failures, w.failing_since, w.disabled_at, w.last_error,
  w.last_error_at, w.last_status_code, w.created_at, q.pending, q.oldest_pending_at, h.next_attempt_at`;

/** The queue behind each endpoint: its pending count, the longest wait, and when its head is tried. */
const QUEUE = `
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS pending, min(d.created_at) AS oldest_pending_at FROM webhook_delivery d
     WHERE d.tenant_id = w.tenant_id AND d.endpoint_id = w.id AND d.status = 'pending') q
  LEFT JOIN LATERAL (
    SELECT d.next_attempt_at FROM webhook_delivery d
     WHERE d.tenant_id = w.tenant_id AND d.endpoint_id = w.id AND d.status = 'pending'
     ORDER BY d.event_seq LIMIT 1) h ON true`;

/** The admin side of the webhook tables: endpoints, their queues and their delivery log. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertEndpoint(tenantId: string, id: string, endpoint: NewEndpoint): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO webhook_endpoint (tenant_id, id, url, url_credentials, event_types, secret, description, max_batch_size)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        tenantId,
        id,
        endpoint.url,
        endpoint.urlCredentials,
        endpoint.eventTypes,
        endpoint.secret,
        endpoint.description,
        endpoint.maxBatchSize,
      ],
    );
  }

  /** A keyset page of the tenant's endpoints, oldest first, after `after` when given. */
  listEndpoints(tenantId: string, limit: number, after: Keyset | null): Promise<EndpointRow[]> {
    return this.dataSource.query(
      `SELECT ${ENDPOINT} FROM webhook_endpoint w ${QUEUE}
        WHERE w.tenant_id = $1 AND ($2::timestamptz IS NULL OR (w.created_at, w.id) > ($2, $3::uuid))
        ORDER BY w.created_at, w.id LIMIT $4`,
      [tenantId, after?.at ?? null, after?.id ?? null, limit],
    );
  }

  async findEndpoint(tenantId: string, id: string): Promise<EndpointRow | null> {
    const rows: EndpointRow[] = await this.dataSource.query(
      `SELECT ${ENDPOINT} FROM webhook_endpoint w ${QUEUE} WHERE w.tenant_id = $1 AND w.id = $2`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  /** Applies the changes given; false when there is no such endpoint. */
  async updateEndpoint(tenantId: string, id: string, changes: EndpointChanges): Promise<boolean> {
    const sets: string[] = [];
    const values: unknown[] = [tenantId, id];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    if (changes.url) {
      set('url', changes.url.url);
      set('url_credentials', changes.url.urlCredentials);
    }
    if (changes.eventTypes) set('event_types', changes.eventTypes);
    if (changes.description !== undefined) set('description', changes.description);
    if (changes.maxBatchSize !== undefined) set('max_batch_size', changes.maxBatchSize);
    const result: unknown = await this.dataSource.query(
      `UPDATE webhook_endpoint SET ${sets.length > 0 ? sets.join(', ') : 'id = id'}
        WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      values,
    );
    return returnedRows(result).length > 0;
  }

  async deleteEndpoint(tenantId: string, id: string): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `DELETE FROM webhook_endpoint WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [tenantId, id],
    );
    return returnedRows(result).length > 0;
  }

  /**
   * Makes the endpoint active and its queue due now: a disabled or failing endpoint is delivered to
   * again from its oldest pending delivery. False when there is no such endpoint.
   */
  async resume(tenantId: string, id: string, now: Date): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `WITH resumed AS (
         UPDATE webhook_endpoint SET state = 'active', consecutive_failures = 0, failing_since = NULL, disabled_at = NULL
          WHERE tenant_id = $1 AND id = $2 RETURNING id
       ), due AS (
         UPDATE webhook_delivery SET next_attempt_at = $3
          WHERE tenant_id = $1 AND endpoint_id = $2 AND status = 'pending' AND next_attempt_at > $3
            AND EXISTS (SELECT 1 FROM resumed)
       )
       SELECT id FROM resumed`,
      [tenantId, id, now],
    );
    return returnedRows(result).length > 0;
  }

  /**
   * Queues a new delivery to the endpoint of every held event from `fromSeq` on that it subscribes
   * to and that is not already waiting for it; returns how many.
   */
  async replay(tenantId: string, id: string, fromSeq: string, now: Date): Promise<number> {
    const result: unknown = await this.dataSource.query(
      `INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_id, event_seq, next_attempt_at, created_at)
       SELECT $1, gen_random_uuid(), w.id, ev.id, ev.seq, $4, $4
         FROM webhook_endpoint w
         JOIN event ev ON ev.tenant_id = w.tenant_id AND ev.seq >= $3::bigint
        WHERE w.tenant_id = $1 AND w.id = $2
          AND (w.event_types = '{}' OR ev.type = ANY (w.event_types))
          AND NOT EXISTS (
            SELECT 1 FROM webhook_delivery p
             WHERE p.tenant_id = $1 AND p.event_id = ev.id AND p.endpoint_id = $2 AND p.status = 'pending')
       RETURNING id`,
      [tenantId, id, fromSeq, now],
    );
    return returnedRows(result).length;
  }

  /** A new secret; the one it replaces keeps being sent beside it until `previousExpiresAt`. */
  async rotateSecret(
    tenantId: string,
    id: string,
    sealed: { secret: string; previous: string | null; previousExpiresAt: Date | null },
  ): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `UPDATE webhook_endpoint SET secret = $3, previous_secret = $4, previous_secret_expires_at = $5
        WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [tenantId, id, sealed.secret, sealed.previous, sealed.previousExpiresAt],
    );
    return returnedRows(result).length > 0;
  }

  async findSecrets(tenantId: string, id: string, m?: EntityManager): Promise<EndpointSecrets | null> {
    const rows: EndpointSecrets[] = await (m ?? this.dataSource.manager).query(
      `SELECT tenant_id, id, secret, previous_secret, previous_secret_expires_at, url_credentials
         FROM webhook_endpoint WHERE tenant_id = $1 AND id = $2 ${m ? 'FOR UPDATE' : ''}`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  /** The key ids that sealed the stored secrets (null: not sealed yet, as a migration left them). */
  async sealingKeyIds(): Promise<Array<string | null>> {
    const rows: Array<{ key_id: string | null }> = await this.dataSource.query(
      `SELECT DISTINCT substring(v from '^aesgcm:([A-Za-z0-9_-]+):') AS key_id
         FROM webhook_endpoint, unnest(ARRAY[secret, previous_secret, url_credentials]) AS v WHERE v IS NOT NULL`,
    );
    return rows.map((r) => r.key_id);
  }

  /**
   * Runs `reseal` on up to `limit` endpoints holding a value not sealed with `keyId`, locked so
   * that processes starting together share the work; returns how many it saw.
   */
  async resealBatch(
    keyId: string,
    limit: number,
    reseal: (
      row: EndpointSecrets,
    ) => Omit<EndpointSecrets, 'tenant_id' | 'id' | 'previous_secret_expires_at'>,
  ): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const prefix = `aesgcm:${keyId}:%`;
      const rows: EndpointSecrets[] = await m.query(
        `SELECT tenant_id, id, secret, previous_secret, previous_secret_expires_at, url_credentials
           FROM webhook_endpoint
          WHERE secret NOT LIKE $1 OR previous_secret NOT LIKE $1 OR url_credentials NOT LIKE $1
          LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [prefix, limit],
      );
      for (const row of rows) {
        const sealed = reseal(row);
        await m.query(
          `UPDATE webhook_endpoint SET secret = $3, previous_secret = $4, url_credentials = $5
            WHERE tenant_id = $1 AND id = $2`,
          [row.tenant_id, row.id, sealed.secret, sealed.previous_secret, sealed.url_credentials],
        );
      }
      return rows.length;
    });
  }

  /** An endpoint's deliveries, newest first, each with the attempts of the POST it went in. */
  listDeliveries(
    tenantId: string,
    endpointId: string,
    limit: number,
    before: Keyset | null,
  ): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `SELECT d.id, d.batch_id AS webhook_id, d.event_id, coalesce(ev.type, d.payload ->> 'type') AS event_type,
              d.event_seq::text, d.status, d.attempts, d.next_attempt_at, d.created_at, d.delivered_at,
              coalesce((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'statusCode', a.status_code,
                                                          'latencyMs', a.latency_ms, 'error', a.error) ORDER BY a.attempt)
                          FROM webhook_attempt a
                         WHERE a.tenant_id = d.tenant_id AND a.delivery_id = coalesce(d.batch_id, d.id)), '[]') AS attempt_log
         FROM webhook_delivery d
         LEFT JOIN event ev ON ev.tenant_id = d.tenant_id AND ev.id = d.event_id
        WHERE d.tenant_id = $1 AND d.endpoint_id = $2
          AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3, $4::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $5`,
      [tenantId, endpointId, before?.at ?? null, before?.id ?? null, limit],
    );
  }

  /** A test event, sent at once at the operator's request: recorded, never queued. */
  async recordTest(
    tenantId: string,
    endpointId: string,
    deliveryId: string,
    payload: Record<string, unknown>,
    result: AttemptResult,
  ): Promise<void> {
    await this.dataSource.query(
      `WITH delivery AS (
         INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, payload, status, attempts, batch_id,
                                       next_attempt_at, created_at, delivered_at)
         VALUES ($1, $3, $2, $4, $5, 1, $3, $6, $6, CASE WHEN $5 = 'delivered' THEN $6::timestamptz END)
         RETURNING id
       )
       INSERT INTO webhook_attempt (tenant_id, delivery_id, attempt, at, status_code, latency_ms, error)
       SELECT $1, id, 1, $6, $7, $8, $9 FROM delivery`,
      [
        tenantId,
        endpointId,
        deliveryId,
        payload,
        result.delivered ? 'delivered' : 'failed',
        result.at,
        result.statusCode,
        result.latencyMs,
        result.error,
      ],
    );
  }
}
