import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { LeasedEndpoint } from './delivery-leases.repository';
import { LEASE, NO_FLUSH_WAIT } from './delivery-sql';
import { AttemptResult } from './webhook-sender';
import { EndpointState } from './webhooks.repository';
import { EventRow } from './events.repository';

/** The next POST of a leased endpoint: one event, or a batch of them in sequence order. */
export interface DeliveryUnit {
  tenantId: string;
  endpointId: string;
  /** The `webhook-id`: the id of the unit's first delivery, kept by every retry of the unit. */
  webhookId: string;
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

/** A unit and the answer that delivered it. */
export interface DeliveredUnit {
  unit: DeliveryUnit;
  result: AttemptResult;
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

/**
 * Records a delivered unit: its attempt, under its webhook-id, and its deliveries done. The
 * parameters, from `$first` on: webhook id (null: nothing to record), attempt, time, status code,
 * latency, and the unit's first and last sequence.
 *
 * The unit's deliveries are found as what they are, the endpoint's pending deliveries in that range
 * with that webhook-id, so the pending index matches more of the condition than any other and is
 * chosen whatever the statistics say (a list of ids drew a generic plan to a scan of the tenant).
 */
function deliveredSteps(tenant: string, endpoint: string, first: number): string {
  const $ = (i: number) => `$${first + i}`;
  return `recorded AS (
         INSERT INTO webhook_attempt (tenant_id, delivery_id, attempt, at, status_code, latency_ms)
         SELECT ${tenant}, ${$(0)}::uuid, ${$(1)}::int, ${$(2)}::timestamptz, ${$(3)}::int, ${$(4)}::int
          WHERE ${$(0)}::uuid IS NOT NULL
       ), done AS (
         UPDATE webhook_delivery SET status = 'delivered', delivered_at = ${$(2)}::timestamptz
          WHERE ${unitRows(tenant, endpoint, $(5), $(6), $(0))}
       )`;
}

/** The pending deliveries of one unit (see deliveredSteps). */
function unitRows(
  tenant: string,
  endpoint: string,
  firstSeq: string,
  lastSeq: string,
  webhookId: string,
): string {
  return `tenant_id = ${tenant} AND endpoint_id = ${endpoint} AND status = 'pending'
            AND event_seq BETWEEN ${firstSeq}::bigint AND ${lastSeq}::bigint AND batch_id = ${webhookId}::uuid`;
}

/** The values of deliveredSteps: the unit just delivered, or nothing. */
function deliveredValues(delivered: DeliveredUnit | null): unknown[] {
  if (!delivered) return [null, null, null, null, null, null, null];
  const { unit, result } = delivered;
  return [unit.webhookId, unit.attempt, result.at, result.statusCode, result.latencyMs, ...seqRange(unit)];
}

function seqRange(unit: DeliveryUnit): [string, string] {
  return [unit.events[0].seq, unit.events[unit.events.length - 1].seq];
}

/** The attempt of a unit, recorded under its webhook-id (the parameters of attemptValues). */
const ATTEMPT = `INSERT INTO webhook_attempt (tenant_id, delivery_id, attempt, at, status_code, latency_ms, error)
  VALUES ($1, $3, $4, $5, $6, $7, $10)`;

/** $1–$10 of the statements that record an attempt ($8, $9: the unit's sequences); the rest from $11. */
function attemptValues(unit: DeliveryUnit, result: AttemptResult): unknown[] {
  return [
    unit.tenantId,
    unit.endpointId,
    unit.webhookId,
    unit.attempt,
    result.at,
    result.statusCode,
    result.latencyMs,
    ...seqRange(unit),
    result.error,
  ];
}

/**
 * The worker's SQL for the units it sends. Work is handed out by endpoint: a worker leases an endpoint (a row lock taken
 * with SKIP LOCKED, then a lease with an owner token), so each endpoint has one POST in flight at a
 * time, in sequence order, across every process. Every statement after the claim names the owner,
 * so a worker whose lease has run out can no longer act for the endpoint.
 */
@Injectable()
export class DeliveryQueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Renews the lease and takes the endpoint's next unit: the batch its oldest pending delivery was
   * first sent in, again, or else up to `batchSize` pending deliveries from the oldest, none of them
   * sent before. Null when the lease is no longer ours; a unit without events when nothing is due.
   *
   * `afterSeq` is the last sequence this worker delivered to the endpoint in its current turn (0 at
   * the start of a turn): the queue is read from there, not over the index entries of what it has
   * just delivered (they stay until vacuum). A replay queued meanwhile goes out from the next turn.
   *
   * `delivered` is the unit sent just before, recorded by the same statement: one round trip per POST.
   */
  async nextUnit(
    endpoint: LeasedEndpoint,
    owner: string,
    now: Date,
    lease: { ms: number; renewBelowMs: number },
    afterSeq: string,
    delivered: DeliveredUnit | null,
  ): Promise<DeliveryUnit | null> {
    const rows = await queryPrepared<UnitRow>(
      this.dataSource.manager,
      // Every step reads by an index with its values known up front (parameters, or one-row
      // subqueries), so the plan stays right even when statistics lag behind a fast-growing queue.
      // One event per POST: a unit is its delivery alone, so its webhook-id and body are the same
      // if the unit is taken again. A batch's make-up is flushed before it is sent.
      `WITH async AS (SELECT CASE WHEN $6::int = 1 THEN set_config('synchronous_commit', 'off', true) END),
       lease AS (
         SELECT url, url_credentials, secret, previous_secret, previous_secret_expires_at, max_batch_size
           FROM webhook_endpoint
          WHERE tenant_id = $3 AND id = $4 AND lease_owner = $5 AND state <> 'disabled' AND lease_until > $1
            AND EXISTS (SELECT 1 FROM async)
       ), ${deliveredSteps('$3', '$4', 9)}, touched AS (
         -- the lease is renewed only when less than one attempt's time is left, and a failing
         -- endpoint that delivered is healthy again: the row is not written per POST
         UPDATE webhook_endpoint
            SET lease_until = CASE WHEN lease_until < $1::timestamptz + $8::int * interval '1 millisecond'
                                   THEN ${LEASE} ELSE lease_until END,
                consecutive_failures = CASE WHEN $9::uuid IS NULL THEN consecutive_failures ELSE 0 END,
                failing_since = CASE WHEN $9::uuid IS NULL THEN failing_since END,
                state = CASE WHEN $9::uuid IS NOT NULL AND state = 'failing' THEN 'active' ELSE state END
          WHERE tenant_id = $3 AND id = $4 AND lease_owner = $5 AND lease_until > $1
            AND (lease_until < $1::timestamptz + $8::int * interval '1 millisecond'
                 OR ($9::uuid IS NOT NULL AND state = 'failing'))
       ), head AS (
         SELECT d.event_seq, d.batch_id, d.batch_last_seq, d.next_attempt_at FROM webhook_delivery d
          WHERE d.tenant_id = $3 AND d.endpoint_id = $4 AND d.status = 'pending' AND d.event_seq > $7::bigint
            AND EXISTS (SELECT 1 FROM lease)
          ORDER BY d.event_seq LIMIT 1
       ), again AS (
         SELECT d.id, d.event_seq FROM webhook_delivery d
          WHERE EXISTS (SELECT 1 FROM head WHERE head.batch_id IS NOT NULL AND head.next_attempt_at <= $1)
            AND d.tenant_id = $3 AND d.endpoint_id = $4 AND d.status = 'pending'
            AND d.event_seq BETWEEN (SELECT event_seq FROM head) AND (SELECT batch_last_seq FROM head)
            AND d.batch_id = (SELECT batch_id FROM head)
       ), fresh AS (
         SELECT d.id, d.batch_id, d.event_seq FROM webhook_delivery d
          WHERE EXISTS (SELECT 1 FROM head WHERE head.batch_id IS NULL AND head.next_attempt_at <= $1)
            AND d.tenant_id = $3 AND d.endpoint_id = $4 AND d.status = 'pending' AND d.event_seq > $7::bigint
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
                batch_last_seq = coalesce(d.batch_last_seq, (SELECT max(event_seq) FROM unit)),
                attempts = d.attempts + 1
          WHERE d.tenant_id = $3 AND d.endpoint_id = $4 AND d.status = 'pending'
            AND d.event_seq BETWEEN (SELECT min(event_seq) FROM unit) AND (SELECT max(event_seq) FROM unit)
            AND d.id = ANY (ARRAY(SELECT id FROM unit))
         RETURNING d.id, d.batch_id, d.attempts, d.event_id, d.event_seq
       ), events AS (
         SELECT ev.seq, ev.id, ev.type, ev.occurred_at, ev.data FROM event ev
          WHERE ev.tenant_id = $3
            AND ev.seq BETWEEN (SELECT min(event_seq) FROM taken) AND (SELECT max(event_seq) FROM taken)
            AND ev.seq = ANY (ARRAY(SELECT event_seq FROM taken))
       )
       SELECT lease.*, taken.id AS delivery_id, taken.batch_id, taken.attempts,
              events.seq::text AS seq, events.id AS event_id, events.type, events.occurred_at, events.data
         FROM lease
         LEFT JOIN (taken JOIN events ON events.seq = taken.event_seq AND events.id = taken.event_id) ON true
        ORDER BY events.seq`,
      [
        now,
        lease.ms,
        endpoint.tenant_id,
        endpoint.id,
        owner,
        endpoint.max_batch_size,
        afterSeq,
        lease.renewBelowMs,
        ...deliveredValues(delivered),
      ],
    );
    if (rows.length === 0) return null;
    const first = rows[0];
    const taken = rows.filter((r) => r.delivery_id !== null);
    return {
      tenantId: endpoint.tenant_id,
      endpointId: endpoint.id,
      webhookId: first.batch_id ?? '',
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

  /** A unit was delivered (and none follows in this turn): recorded; a failing endpoint is healthy again. */
  async delivered(unit: DeliveryUnit, result: AttemptResult) {
    await queryPrepared(
      this.dataSource.manager,
      `WITH async AS (${NO_FLUSH_WAIT}), ${deliveredSteps('$1', '$2', 3)}
       UPDATE webhook_endpoint SET consecutive_failures = 0, failing_since = NULL, state = 'active'
        WHERE tenant_id = $1 AND id = $2 AND state = 'failing' AND EXISTS (SELECT 1 FROM async)`,
      [unit.tenantId, unit.endpointId, ...deliveredValues({ unit, result })],
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
      `WITH async AS (${NO_FLUSH_WAIT}), attempt AS (${ATTEMPT}), later AS (
         UPDATE webhook_delivery SET next_attempt_at = $11 WHERE ${unitRows('$1', '$2', '$8', '$9', '$3')}
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
              lease_owner = CASE WHEN w.lease_owner = $13 THEN NULL ELSE w.lease_owner END,
              lease_until = CASE WHEN w.lease_owner = $13 THEN NULL ELSE w.lease_until END,
              served_at = $5
         FROM elapsed
        WHERE w.tenant_id = $1 AND w.id = $2 AND EXISTS (SELECT 1 FROM async)
        RETURNING w.state, w.consecutive_failures`,
      [...attemptValues(unit, result), retryAt, retryWindowMs, owner],
    );
    return rows[0] ?? { state: 'failing', consecutive_failures: 0 };
  }
}
