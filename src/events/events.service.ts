import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ScimError } from '../scim/errors/scim-error';
import { TenantsService } from '../tenants/tenants.service';
import { EventPageDto } from './dto/event.dto';
import { envelopeOf } from './event-envelope';
import { EventDraft } from './event-types';
import { EventsRepository } from './events.repository';

/**
 * The change feed. Services call `record` as the last step of their transaction, so an event
 * exists exactly when its change committed.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly tenants: TenantsService,
  ) {}

  async record(m: EntityManager, tenantId: string, drafts: EventDraft[]): Promise<void> {
    if (drafts.length > 0) await this.events.append(m, tenantId, drafts, new Date());
  }

  /** Events after `after` (a sequence number; 0 or absent: from the start), in order. */
  async feed(tenantId: string, after: string | undefined, limit: number): Promise<EventPageDto> {
    await this.tenants.require(tenantId);
    const from = after ?? '0';
    if (!/^\d{1,19}$/.test(from))
      throw ScimError.badRequest('invalidValue', 'after must be a sequence number');
    const rows = await this.events.after(tenantId, from, limit);
    const items = rows.map((r) => envelopeOf(tenantId, r));
    return { items, nextCursor: items.length > 0 ? items[items.length - 1].sequence : from };
  }
}
