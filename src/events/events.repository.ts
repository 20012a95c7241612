import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../users/users.repository';
import { EventDraft, EventType } from './event-types';

export interface EventRow {
  seq: string;
  id: string;
  type: EventType;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/** All SQL on `event`; fan-out into `webhook_delivery` happens in the same statement batch. */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Numbers and stores the events, and queues a delivery for every webhook endpoint that wants
   * them. Taking the numbers locks the tenant row until commit, so numbers follow commit order.
   */
  async append(m: EntityManager, tenantId: string, drafts: EventDraft[], now: Date): Promise<void> {
    const result: unknown = await m.query(
      `UPDATE tenant SET event_seq = event_seq + $2 WHERE id = $1 RETURNING event_seq::text AS last`,
      [tenantId, drafts.length],
    );
    const last = BigInt(returnedRows<{ last: string }>(result)[0].last);
    const first = last - BigInt(drafts.length) + 1n;
    await m.query(
      `INSERT INTO event (tenant_id, seq, id, type, occurred_at, data)
       SELECT $1, $2::bigint + e.n - 1, e.id, e.type, $3, e.data
         FROM unnest($4::uuid[], $5::text[], $6::jsonb[]) WITH ORDINALITY AS e(id, type, data, n)`,
      [
        tenantId,
        first.toString(),
        now,
        drafts.map(() => randomUUID()),
        drafts.map((d) => d.type),
        drafts.map((d) => JSON.stringify(d.data)),
      ],
    );
    await m.query(
      `INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_seq, next_attempt_at, created_at)
       SELECT $1, gen_random_uuid(), w.id, ev.seq, $4, $4
         FROM webhook_endpoint w
         JOIN event ev ON ev.tenant_id = w.tenant_id AND ev.seq BETWEEN $2::bigint AND $3::bigint
        WHERE w.tenant_id = $1 AND (w.event_types = '{}' OR ev.type = ANY(w.event_types))`,
      [tenantId, first.toString(), last.toString(), now],
    );
  }

  async after(tenantId: string, afterSeq: string, limit: number): Promise<EventRow[]> {
    return this.dataSource.query(
      `SELECT e.seq::text AS seq, e.id, e.type, e.occurred_at, e.data FROM event e
        WHERE e.tenant_id = $1 AND e.seq > $2::bigint ORDER BY e.seq LIMIT $3`,
      [tenantId, afterSeq, limit],
    );
  }
}
