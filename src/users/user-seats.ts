import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventDraft } from '../events/event-types';
import { HookContext, HookInput, PreparedWrite, ResourceHooks, WriteMode } from '../resources/resource-hooks';
import { ResourceRow } from '../resources/scim-resource.repository';
import { resourceLocation } from '../scim/http/scim-urls';
import { ResponseProjection } from '../scim/query/projection';
import { ScimObject } from '../scim/resource/attribute-values';
import { AttributeDefinition } from '../scim/schema/attribute';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { keepPendingQuota, quotaIn, seatExtension, takeQuota } from '../seats/seat-extension';
import { SEAT_SCHEMA } from '../seats/seat-schema';
import { Quota, SeatState } from '../seats/seat-state';
import { SeatsService } from '../seats/seats.service';
import { hashPassword } from './password-hasher';
import { UserExtra } from './user-storage';

/**
 * What a write does to the seat: the quota it sets (undefined: left as it is; null: cleared), and
 * whether it sets the password (whose hash goes to its column, never to the document).
 */
interface SeatWrite {
  quota: Quota | null | undefined;
  password: boolean;
}

const extraOf = (row: ResourceRow): UserExtra => row.extra;
const quotaText = (quota: Quota | null | undefined) => JSON.stringify(quota ?? null);

/**
 * The User resource type's own rules, as hooks of the generic service: seats follow `active` (an
 * active user holds one; with none free the write rolls back with 403), the quota lives in the seat
 * extension, a password is kept only as a hash, and a User shows its `groups` and its seat.
 */
@Injectable()
export class UserSeats implements ResourceHooks<SeatWrite> {
  private readonly groupsEndpoint: string;
  private readonly groups: AttributeDefinition | undefined;

  constructor(
    private readonly seats: SeatsService,
    registry: SchemaRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.groupsEndpoint = registry.definition('Group').endpoint;
    this.groups = registry.resource('User').coreAttribute('groups');
  }

  /** The engine sees the quota where the User shows it, whether it lives on the seat or the document. */
  patchDocument(row: ResourceRow): ScimObject {
    const quota = this.effectiveQuota(row);
    return { ...row.data, ...(quota ? { [SEAT_SCHEMA]: { quota } } : {}) };
  }

  /**
   * Takes the quota and the password out of the document. An absent `active` is true only on create
   * (RFC 7643 §4.1.1); a PUT without it keeps the current state; after a PATCH `remove` it is
   * unassigned, which grants no seat (RFC 7644 §3.5.2.2). A user without a seat row keeps its quota
   * in its document until a seat is assigned.
   */
  async prepare(
    input: HookInput,
    mode: WriteMode,
    current: ResourceRow | null,
  ): Promise<PreparedWrite<SeatWrite>> {
    const { data, writeOnly } = input;
    let quota: Quota | null | undefined = takeQuota(data);
    if (mode === 'patch' && current) {
      // The patched document carries the quota it had: only a different one is a change.
      const after = quota ?? null;
      quota = quotaText(after) === quotaText(this.effectiveQuota(current)) ? undefined : after;
    }
    if (data.active === undefined) {
      data.active = mode === 'replace' && current ? current.columns.active === true : mode === 'create';
    }
    const password = writeOnly.password;
    const hash =
      typeof password === 'string'
        ? await hashPassword(password)
        : password === null || mode === 'create'
          ? null
          : undefined;
    const active = data.active === true;
    if (!current) {
      if (!active) keepPendingQuota(data, quota);
    } else if (!extraOf(current).seat && !(active && current.columns.active !== true)) {
      keepPendingQuota(data, quota === undefined ? quotaIn(current.data) : quota);
    }
    return { data, columns: { password_hash: hash }, pending: { quota, password: hash !== undefined } };
  }

  /** A user is in no group before it exists; an active one takes a seat. */
  async created(c: HookContext, row: ResourceRow, write: SeatWrite): Promise<EventDraft[]> {
    const extra = extraOf(row);
    extra.groups = [];
    extra.seat =
      row.columns.active === true
        ? await this.seats.assign(c.m, c.tenantId, this.holder(row), c.now, write.quota)
        : null;
    return extra.seat ? [this.seatEvent('seat.assigned', row, extra.seat)] : [];
  }

  /** Activating takes a seat, deactivating gives it back; `changed` names the quota and password. */
  async updated(
    c: HookContext,
    current: ResourceRow,
    updated: ResourceRow,
    write: SeatWrite,
    changed: Set<string>,
  ): Promise<EventDraft[]> {
    const pending = quotaIn(current.data);
    const wasActive = current.columns.active === true;
    const isActive = updated.columns.active === true;
    const assigning = !wasActive && isActive;
    let seat: SeatState | null = extraOf(current).seat ?? null;
    let seatDraft: EventDraft | null = null;
    if (assigning) {
      const quota = write.quota === undefined ? pending : write.quota;
      seat = await this.seats.assign(c.m, c.tenantId, this.holder(updated), c.now, quota);
      seatDraft = this.seatEvent('seat.assigned', updated, seat);
    }
    if (wasActive && !isActive) {
      seat = await this.seats.release(c.m, c.tenantId, this.holder(updated), c.now);
      seatDraft = seat && this.seatEvent('seat.released', updated, seat);
    }
    if (seat && !assigning && write.quota !== undefined)
      seat = await this.seats.setQuotaIn(c.m, c.tenantId, updated.id, write.quota);
    extraOf(updated).seat = seat;
    changed.delete('active');
    if (write.quota !== undefined && quotaText(write.quota) !== quotaText(this.effectiveQuota(current)))
      changed.add(`${SEAT_SCHEMA}:quota`);
    if (write.password) changed.add('password');
    const drafts: EventDraft[] = [];
    if (wasActive !== isActive) {
      const resource = c.eventResource(updated);
      drafts.push({ type: isActive ? 'user.reactivated' : 'user.deactivated', data: { resource } });
    }
    if (seatDraft) drafts.push(seatDraft);
    return drafts;
  }

  /** A deleted active user gives its seat back. */
  async deleting(c: HookContext, current: ResourceRow): Promise<EventDraft[]> {
    if (current.columns.active !== true) return [];
    const seat = await this.seats.release(c.m, c.tenantId, this.holder(current), c.now);
    return seat ? [this.seatEvent('seat.released', current, seat)] : [];
  }

  /** `groups` (read with the row, Groups' relation) and the seat extension. */
  attributes(tenantId: string, row: ResourceRow, view: ResponseProjection): ScimObject {
    const { seat, groups } = extraOf(row);
    const attributes: ScimObject = {};
    if (groups && groups.length > 0 && this.includesGroups(view)) {
      attributes.groups = groups.map((g) => ({
        value: g.group_id,
        $ref: resourceLocation(this.config.publicUrl, tenantId, this.groupsEndpoint, g.group_id),
        display: g.display_name,
        type: g.direct ? 'direct' : 'indirect',
      }));
    }
    const extension = seatExtension(seat, quotaIn(row.data));
    if (extension) attributes[SEAT_SCHEMA] = extension;
    return attributes;
  }

  private includesGroups(view: ResponseProjection): boolean {
    return this.groups !== undefined && view.includes(null, this.groups);
  }

  private seatEvent(type: 'seat.assigned' | 'seat.released', row: ResourceRow, seat: SeatState): EventDraft {
    return {
      type,
      data: { userId: row.id, userName: row.columns.userName, status: seat.status, quota: seat.quota },
    };
  }

  private holder(row: ResourceRow) {
    return { id: row.id, userName: row.columns.userName as string };
  }

  /** The quota the User shows: its seat's, or the one pending in its document. */
  private effectiveQuota(row: ResourceRow): Quota | undefined {
    const { seat } = extraOf(row);
    return seat ? (seat.quota ?? undefined) : quotaIn(row.data);
  }
}
