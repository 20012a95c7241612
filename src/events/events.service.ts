import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ScimError } from '../scim/errors/scim-error';
import { TenantsService } from '../tenants/tenants.service';
import { EventPageDto } from './dto/event.dto';
import { envelopeOf } from './event-envelope';
import { ResourceEvent } from '../scim/resource/resource-definition';
import { EventDraft } from './event-types';
import { EventsRepository } from './events.repository';
import { EventSequencer } from './event-sequencer';
import { InvalidFieldsError } from '../common/problem-details';

const SEQUENCE = /^\d{1,18}$/;

/**
 * The change feed. Services call `record` as the last step of their transaction, so an event
 * exists exactly when its change committed; it is numbered (and so in the feed and on its way to
 * webhooks) right after the commit, before the write answers (EventSequencer).
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly sequencer: EventSequencer,
    private readonly tenants: TenantsService,
  ) {}

  async record(
    m: EntityManager,
    tenantId: string,
    drafts: ReadonlyArray<EventDraft | ResourceEvent>,
  ): Promise<void> {
    if (drafts.length === 0) return;
    await this.events.append(m, tenantId, drafts, new Date());
    await this.sequencer.numberAfterCommit(m, tenantId);
  }

  /**
   * Events after `after` (a sequence number), in order; without it, from the oldest event held. A
   * cursor older than what retention has kept answers 410: events it never saw are gone.
   */
  async feed(tenantId: string, after: string | undefined, limit: number): Promise<EventPageDto> {
    await this.tenants.require(tenantId);
    if (after !== undefined && !SEQUENCE.test(after)) {
      throw InvalidFieldsError.invalidValue('after', 'after must be a sequence number');
    }
    const oldest = await this.events.oldestSeq(tenantId);
    const from = after ?? (oldest === null ? '0' : String(BigInt(oldest) - 1n));
    this.requireHeld(BigInt(from) + 1n, oldest, 'after');
    const rows = await this.events.after(tenantId, from, limit);
    const items = rows.map((r) => envelopeOf(tenantId, r));
    return { items, cursor: items.length > 0 ? items[items.length - 1].sequence : from };
  }

  /** Checks that the events from `fromSeq` on are all still held (a replay starts there). */
  async requireHeldFrom(tenantId: string, fromSeq: string, name: string): Promise<void> {
    if (!SEQUENCE.test(fromSeq) || BigInt(fromSeq) < 1n) {
      throw InvalidFieldsError.invalidValue(name, `${name} must be a sequence number from 1`);
    }
    this.requireHeld(BigInt(fromSeq), await this.events.oldestSeq(tenantId), name);
  }

  /** Sequences start at 1, so an oldest held above 1 means retention deleted the ones before it. */
  private requireHeld(first: bigint, oldest: string | null, name: string): void {
    if (oldest === null || BigInt(oldest) <= 1n || first >= BigInt(oldest)) return;
    throw new ScimError(
      410,
      `${name} asks for events from sequence ${first}, but events before ${oldest} are no longer held ` +
        `(EVENT_RETENTION_DAYS); the oldest sequence held is ${oldest}`,
      undefined,
      { 'Rollcall-Oldest-Sequence': oldest },
    );
  }
}
