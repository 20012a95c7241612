import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { AttemptResult } from './webhook-sender';
import { EndpointState } from './webhooks.repository';
import { EventRow } from './events.repository';

/** An endpoint a worker has leased: it alone delivers to it until the lease ends. */
export interface LeasedEndpoint {
  tenant_id: string;
  id: string;
  max_batch_size: number;
}

/** The next POST of a leased endpoint: one event, or a batch of them in sequence order. */
export interface DeliveryUnit {
  tenantId: string;
  endpointId: string;
  /** The `webhook-id`: the id of the unit's first delivery, kept by every retry of the unit. */
  webhookId: string;
  deliveryIds: string[];
  /** The attempt this is (1 on the first). */
  attempt: number;
  url: string;
  urlCredentials: string | null;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  batched: boolean;
  events: EventRow[];
}

export interface FailureOutcome {
  state: EndpointState;
  consecutive_failures: number;
}

interface UnitRow {
  url: string;
  url_credentials: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  max_batch_size: number;
  delivery_id: string | null;
  batch_id: string | null;
  attempts: number | null;
  seq: string | null;
  event_id: string | null;
  type: EventRow['type'] | null;
  occurred_at: Date | null;
  data: Record<string, unknown> | null;
}

const LEASE = `$1::timestamptz + $2::int * interval '1 millisecond'`;

/** The attempt of a unit, recorded under its webhook-id (the parameters of attemptValues). */
const ATTEMPT = `INSERT INTO webhook_attempt (tenant_id, delivery_id, attempt, at, status_code, latency_ms, error)
  VALUES ($1, $3, $4, $5, $6, $7, $10)`;

/** $1–$10 of the statements that record an attempt; each statement adds its own from $11. */
function attemptValues(unit: DeliveryUnit, result: AttemptResult, owner: string): unknown[] {
  return [
    unit.tenantId,
    unit.endpointId,
    unit.webhookId,
    unit.attempt,
    result.at,
    result.statusCode,
    result.latencyMs,
    unit.deliveryIds,
    owner,
    result.error,
  ];
}

/**
 * The worker's SQL. Work is handed out by endpoint: a worker leases an endpoint (a row lock taken
 * with SKIP LOCKED, then a lease with an owner token), so each endpoint has one POST in flight at a
 * time, in sequence order, across every process. Every statement after the claim names the owner,
 * so a worker whose lease has run out can no longer act for the endpoint.
 */
@Injectable()
export class DeliveryQueueRepository {
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
       )
       UPDATE webhook_endpoint w SET lease_owner = $3, lease_until = ${LEASE}
        WHERE (w.tenant_id, w.id) IN (
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

  /**
   * Renews the lease and takes the endpoint's next unit: the batch its oldest pending delivery was
   * first sent in, again, or else up to `batchSize` pending deliveries from the oldest, none of them
   * sent before. Null when the lease is no longer ours; a unit without events when nothing is due.
   */
  async nextUnit(
    endpoint: LeasedEndpoint,
    owner: string,
    now: Date,
    leaseMs: number,
  ): Promise<DeliveryUnit | null> {
    const rows = await queryPrepared<UnitRow>(
      this.dataSource.manager,
      `WITH lease AS (
         UPDATE webhook_endpoint SET lease_until = ${LEASE}
          WHERE tenant_id = $3 AND id = $4 AND lease_owner = $5 AND state <> 'disabled'
          RETURNING url, url_credentials, secret, previous_secret, previous_secret_expires_at, max_batch_size
       ), head AS (
         SELECT d.batch_id, d.next_attempt_at FROM webhook_delivery d
          WHERE d.tenant_id = $3 AND d.endpoint_id = $4 AND d.status = 'pending' AND EXISTS (SELECT 1 FROM lease)
          ORDER BY d.event_seq LIMIT 1
       ), again AS (
         SELECT d.id, d.batch_id, d.event_seq FROM webhook_delivery d, head
          WHERE d.tenant_id = $3 AND d.endpoint_id = $4 AND d.status = 'pending'
            -- the first condition, on head alone, spares the scan of the queue when there is no batch
            AND head.batch_id IS NOT NULL AND head.next_attempt_at <= $1 AND d.batch_id = head.batch_id
          ORDER BY d.event_seq LIMIT 100
       ), fresh AS (
         SELECT d.id, d.batch_id, d.event_seq FROM webhook_delivery d, head
          WHERE d.tenant_id = $3 AND d.endpoint_id = $4 AND d.status = 'pending'
            AND head.next_attempt_at <= $1 AND head.batch_id IS NULL
          ORDER BY d.event_seq LIMIT $6
       ), unit AS (
         SELECT id, event_seq FROM again
         UNION ALL
         -- a run of never-sent deliveries ends where one already sent begins
         SELECT id, event_seq FROM fresh
          WHERE event_seq < coalesce((SELECT min(event_seq) FROM fresh WHERE batch_id IS NOT NULL), 9223372036854775807)
       ), taken AS (
         UPDATE webhook_delivery d
            SET batch_id = coalesce(d.batch_id, (SELECT id FROM unit ORDER BY event_seq LIMIT 1)),
                attempts = d.attempts + 1
           FROM unit WHERE d.tenant_id = $3 AND d.id = unit.id
         RETURNING d.id, d.batch_id, d.attempts, d.event_id
       )
       SELECT lease.*, taken.id AS delivery_id, taken.batch_id, taken.attempts,
              ev.seq::text AS seq, ev.id AS event_id, ev.type, ev.occurred_at, ev.data
         FROM lease
         LEFT JOIN taken ON true
         LEFT JOIN event ev ON ev.tenant_id = $3 AND ev.id = taken.event_id
        ORDER BY ev.seq`,
      [now, leaseMs, endpoint.tenant_id, endpoint.id, owner, endpoint.max_batch_size],
    );
    if (rows.length === 0) return null;
    const first = rows[0];
    const taken = rows.filter((r) => r.delivery_id !== null);
    return {
      tenantId: endpoint.tenant_id,
      endpointId: endpoint.id,
      webhookId: first.batch_id ?? '',
      deliveryIds: taken.map((r) => r.delivery_id as string),
      attempt: Math.max(0, ...taken.map((r) => r.attempts ?? 0)),
      url: first.url,
      urlCredentials: first.url_credentials,
      secret: first.secret,
      previousSecret: first.previous_secret,
      previousSecretExpiresAt: first.previous_secret_expires_at,
      batched: first.max_batch_size > 1,
      events: taken.map((r) => ({
        seq: r.seq as string,
        id: r.event_id as string,
        type: r.type as EventRow['type'],
        occurred_at: r.occurred_at as Date,
        data: r.data as Record<string, unknown>,
      })),
    };
  }

  /** A unit was delivered: its deliveries are done, the endpoint is healthy, the lease renewed. */
  async delivered(unit: DeliveryUnit, result: AttemptResult, owner: string, now: Date, leaseMs: number) {
    await queryPrepared(
      this.dataSource.manager,
      `WITH attempt AS (${ATTEMPT}), done AS (
         UPDATE webhook_delivery SET status = 'delivered', delivered_at = $5
          WHERE tenant_id = $1 AND id = ANY ($8::uuid[]) AND status = 'pending'
       )
       UPDATE webhook_endpoint
          SET consecutive_failures = 0, failing_since = NULL,
              state = CASE WHEN state = 'disabled' THEN state ELSE 'active' END,
              lease_until = CASE WHEN lease_owner = $9 THEN $11::timestamptz + $12::int * interval '1 millisecond'
                                 ELSE lease_until END
        WHERE tenant_id = $1 AND id = $2`,
      [...attemptValues(unit, result, owner), now, leaseMs],
    );
  }

  /**
   * A unit failed: it is due again at `retryAt`, and the endpoint is `failing`, or `disabled` once
   * it has been failing for the retry window (its deliveries are kept). The lease is released.
   */
  async failed(
    unit: DeliveryUnit,
    result: AttemptResult,
    retryAt: Date,
    retryWindowMs: number,
    owner: string,
  ): Promise<FailureOutcome> {
    const rows = await queryPrepared<FailureOutcome>(
      this.dataSource.manager,
      `WITH attempt AS (${ATTEMPT}), later AS (
         UPDATE webhook_delivery SET next_attempt_at = $11
          WHERE tenant_id = $1 AND id = ANY ($8::uuid[]) AND status = 'pending'
       ), elapsed AS (
         SELECT coalesce(failing_since, $5) <= $5::timestamptz - $12::bigint * interval '1 millisecond' AS over
           FROM webhook_endpoint WHERE tenant_id = $1 AND id = $2
       )
       UPDATE webhook_endpoint w
          SET consecutive_failures = w.consecutive_failures + 1,
              failing_since = coalesce(w.failing_since, $5),
              state = CASE WHEN elapsed.over THEN 'disabled' ELSE 'failing' END,
              disabled_at = CASE WHEN elapsed.over THEN coalesce(w.disabled_at, $5) END,
              last_error = $10, last_error_at = $5, last_status_code = $6,
              lease_owner = CASE WHEN w.lease_owner = $9 THEN NULL ELSE w.lease_owner END,
              lease_until = CASE WHEN w.lease_owner = $9 THEN NULL ELSE w.lease_until END,
              served_at = $5
         FROM elapsed
        WHERE w.tenant_id = $1 AND w.id = $2
        RETURNING w.state, w.consecutive_failures`,
      [...attemptValues(unit, result, owner), retryAt, retryWindowMs],
    );
    return rows[0] ?? { state: 'failing', consecutive_failures: 0 };
  }

  /** Gives the endpoint back (nothing due, or the worker's turn is over). */
  async release(endpoint: LeasedEndpoint, owner: string, now: Date): Promise<void> {
    await queryPrepared(
      this.dataSource.manager,
      `UPDATE webhook_endpoint SET lease_owner = NULL, lease_until = NULL, served_at = $4
        WHERE tenant_id = $1 AND id = $2 AND lease_owner = $3`,
      [endpoint.tenant_id, endpoint.id, owner, now],
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
