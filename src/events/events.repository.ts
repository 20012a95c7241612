import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
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
   * them. Taking the numbers locks the tenant's counter row until commit, so numbers follow commit order.
   */
  async append(m: EntityManager, tenantId: string, drafts: EventDraft[], now: Date): Promise<void> {
    // One statement, so the counter row stays locked for as little as possible before the commit.
    await queryPrepared(
      m,
      `WITH numbered AS (
         UPDATE tenant_counter SET event_seq = event_seq + $2 WHERE tenant_id = $1 RETURNING event_seq - $2 AS before
       ), stored AS (
         INSERT INTO event (tenant_id, seq, id, type, occurred_at, data)
         SELECT $1, numbered.before + e.n, e.id, e.type, $3, e.data
           FROM numbered, unnest($4::uuid[], $5::text[], $6::jsonb[]) WITH ORDINALITY AS e(id, type, data, n)
         RETURNING seq, type
       )
       INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_seq, next_attempt_at, created_at)
       SELECT $1, gen_random_uuid(), w.id, stored.seq, $3, $3
         FROM webhook_endpoint w JOIN stored ON w.event_types = '{}' OR stored.type = ANY(w.event_types)
        WHERE w.tenant_id = $1`,
      [
        tenantId,
        drafts.length,
        now,
        drafts.map(() => randomUUID()),
        drafts.map((d) => d.type),
        drafts.map((d) => JSON.stringify(d.data)),
      ],
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
