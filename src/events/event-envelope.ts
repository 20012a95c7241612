import { EventRow } from './events.repository';

/** An event as the pull feed returns it and a webhook receives it. */
export interface EventEnvelope {
  id: string;
  type: string;
  tenantId: string;
  /** Per tenant, increasing in commit order; pass as `after` to resume the feed. */
  sequence: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export function envelopeOf(tenantId: string, row: EventRow): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    tenantId,
    sequence: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    data: row.data,
  };
}
