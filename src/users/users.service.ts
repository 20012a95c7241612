import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUuid } from '../common/uuid';
import { ScimError } from '../scim/errors/scim-error';
import { PatchEngine } from '../scim/patch/patch-engine';
import { readPatchRequest } from '../scim/patch/patch-request';
import { ListQuery, Projection } from '../scim/query/list-query';
import { listSql } from '../scim/query/list-sql';
import { listBody, ScimStreamBody } from '../scim/http/scim-json-stream';
import { ReferrerVersions } from '../resources/referrer-versions';
import { ScimResourceHandler, ScimResult, singleBody } from '../resources/scim-resource-handler';
import { USER_RESOURCE } from './user.resource';
import { ScimObject } from '../scim/resource/attribute-values';
import { normalizeIndexedStrings } from '../scim/resource/indexed-strings';
import { readResource } from '../scim/resource/resource-reader';
import { checkIfMatch } from '../scim/resource/versioning';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { ResourceSchema } from '../scim/schema/resource-schema';
import { SEAT_SCHEMA } from '../seats/seat-schema';
import { EventDraft } from '../events/event-types';
import { EventsService } from '../events/events.service';
import { changedAttributes } from '../scim/resource/attribute-diff';
import { keepPendingQuota, quotaIn, takeQuota } from '../seats/seat-extension';
import { Quota, SeatState } from '../seats/seat-state';
import { SeatsService } from '../seats/seats.service';
import { UserRenderer } from './user-renderer';
import { hashPassword } from './password-hasher';
import { USER_INDEXED_STRINGS, USER_STORAGE, UserRow, UsersRepository, UserWrite } from './users.repository';

/** The User resource type's rules: seats follow `active`, a password is kept only as a hash. */
const EVERYTHING: Projection = { attributes: [], excludedAttributes: [] };

@Injectable()
export class UsersService implements ScimResourceHandler {
  private readonly schema: ResourceSchema;
  private readonly patchEngine: PatchEngine;

  constructor(
    private readonly users: UsersRepository,
    private readonly renderer: UserRenderer,
    private readonly seats: SeatsService,
    private readonly events: EventsService,
    private readonly referrers: ReferrerVersions,
    registry: SchemaRegistry,
  ) {
    this.schema = registry.resource(USER_RESOURCE.name);
    this.patchEngine = new PatchEngine(this.schema);
  }

  async create(tenantId: string, body: unknown, projection: Projection): Promise<ScimResult> {
    const input = readResource(this.schema, body);
    const quota = takeQuota(input.data);
    const write = await this.toWrite(input.data, input.writeOnly, true);
    if (!write.active) keepPendingQuota(write.data, quota);
    const row = await this.users.transaction(async (m) => {
      const now = this.now();
      const created = await this.users.insert(m, tenantId, randomUUID(), write, now);
      created.groups = []; // a user is in no group before it exists
      // An active user takes a seat; with none free the whole create rolls back (403).
      created.seat = created.active
        ? await this.seats.assign(m, tenantId, this.holder(created), now, quota)
        : null;
      const drafts: EventDraft[] = [
        { type: 'user.created', data: { resource: await this.eventResource(tenantId, created) } },
      ];
      if (created.seat) drafts.push(this.seatEvent('seat.assigned', created, created.seat));
      await this.events.record(m, tenantId, drafts);
      return created;
    });
    return this.result(tenantId, row, projection);
  }

  async get(tenantId: string, id: string, projection: Projection): Promise<ScimResult> {
    // One statement reads the user, its seat and (when they are to be returned) its groups.
    const row = isUuid(id)
      ? await this.users.find(tenantId, id, undefined, false, this.renderer.wantsGroups(projection))
      : null;
    if (!row) throw ScimError.notFound(`User ${id} not found`);
    return this.result(tenantId, row, projection);
  }

  async list(tenantId: string, query: ListQuery): Promise<ScimStreamBody> {
    const { rows, total } = await this.users.search(
      listSql(this.schema, USER_STORAGE, tenantId, query),
      this.renderer.wantsGroups(query),
    );
    const resources = await this.renderer.render(tenantId, rows, query);
    return listBody(resources, total, query.startIndex);
  }

  /** PUT: the body replaces every client-managed attribute; those left out are cleared. */
  async replace(
    tenantId: string,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    projection: Projection,
  ): Promise<ScimResult> {
    const input = readResource(this.schema, body);
    // A PUT that leaves the seat extension out leaves the quota as it is.
    const quota = takeQuota(input.data);
    const row = await this.users.transaction(async (m) => {
      const current = await this.lockForWrite(m, tenantId, id, ifMatch, projection);
      // PUT without `active` keeps the current state rather than reading the omission as a deactivation.
      if (input.data.active === undefined) input.data.active = current.active;
      const write = await this.toWrite(input.data, input.writeOnly, false);
      return this.save(m, tenantId, current, write, quota);
    });
    return this.result(tenantId, row, projection);
  }

  async patch(
    tenantId: string,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    projection: Projection | null,
  ): Promise<ScimResult> {
    const operations = readPatchRequest(body);
    const row = await this.users.transaction(async (m) => {
      const current = await this.lockForWrite(m, tenantId, id, ifMatch, projection ?? undefined);
      // The engine sees the quota where the User shows it, whether it lives on the seat or the document.
      const before = this.effectiveQuota(current);
      const document = { ...current.data, ...(before ? { [SEAT_SCHEMA]: { quota: before } } : {}) };
      const patched = this.patchEngine.apply(document, operations);
      if (patched.changed.length === 0) return current;
      const after = takeQuota(patched.data) ?? null;
      const quota = JSON.stringify(after) === JSON.stringify(before ?? null) ? undefined : after;
      const write = await this.toWrite(patched.data, patched.writeOnly, false);
      return this.save(m, tenantId, current, write, quota);
    });
    return this.result(tenantId, row, projection ?? EVERYTHING);
  }

  async remove(tenantId: string, id: string, ifMatch: string | undefined): Promise<void> {
    await this.users.transaction(async (m) => {
      const current = await this.lockForWrite(m, tenantId, id, ifMatch);
      const now = this.now();
      const seat = current.active ? await this.seats.release(m, tenantId, this.holder(current), now) : null;
      // The resources that name this user (its groups) get a new version and say what they lost.
      const referrers = await this.referrers.bump(m, tenantId, USER_RESOURCE.name, id, now);
      await this.users.delete(m, tenantId, id);
      const drafts: EventDraft[] = [];
      if (seat) drafts.push(this.seatEvent('seat.released', current, seat));
      drafts.push({ type: 'user.deleted', data: { id } });
      await this.events.record(m, tenantId, [...drafts, ...referrers]);
    });
  }

  /**
   * Writes the user; activating takes a seat, deactivating gives it back; the events of the change
   * are recorded last. All in the caller's transaction.
   */
  private async save(
    m: EntityManager,
    tenantId: string,
    current: UserRow,
    write: UserWrite,
    quota: Quota | null | undefined,
  ): Promise<UserRow> {
    const now = this.now();
    const pending = quotaIn(current.data);
    const assigning = !current.active && write.active;
    // A user without a seat row keeps its quota in its document until a seat is assigned.
    if (!current.seat && !assigning) keepPendingQuota(write.data, quota === undefined ? pending : quota);
    const updated = await this.users.update(m, tenantId, current.id, write, now);
    updated.groups = current.groups; // a write to a user leaves its memberships alone
    let seat: SeatState | null = current.seat ?? null;
    let seatDraft: EventDraft | null = null;
    if (assigning) {
      seat = await this.seats.assign(
        m,
        tenantId,
        this.holder(updated),
        now,
        quota === undefined ? pending : quota,
      );
      seatDraft = this.seatEvent('seat.assigned', updated, seat);
    }
    if (current.active && !updated.active) {
      seat = await this.seats.release(m, tenantId, this.holder(updated), now);
      seatDraft = seat && this.seatEvent('seat.released', updated, seat);
    }
    if (seat && !assigning && quota !== undefined)
      seat = await this.seats.setQuotaIn(m, tenantId, updated.id, quota);
    updated.seat = seat;
    const resource = await this.eventResource(tenantId, updated);
    const changed = new Set(changedAttributes(this.schema, current.data, write.data));
    changed.delete('active');
    if (
      quota !== undefined &&
      JSON.stringify(quota) !== JSON.stringify(this.effectiveQuota(current) ?? null)
    ) {
      changed.add(`${SEAT_SCHEMA}:quota`);
    }
    if (write.passwordHash !== undefined) changed.add('password');
    const drafts: EventDraft[] = [];
    if (changed.size > 0)
      drafts.push({ type: 'user.updated', data: { resource, changed: [...changed].sort() } });
    if (current.active !== updated.active) {
      drafts.push({ type: updated.active ? 'user.reactivated' : 'user.deactivated', data: { resource } });
    }
    if (seatDraft) drafts.push(seatDraft);
    await this.events.record(m, tenantId, drafts);
    return updated;
  }

  /** The User as events carry it: everything but `groups`, which would need another connection. */
  private async eventResource(tenantId: string, row: UserRow): Promise<ScimObject> {
    const [resource] = await this.renderer.render(tenantId, [row], {
      attributes: [],
      excludedAttributes: ['groups'],
    });
    return resource;
  }

  private seatEvent(type: 'seat.assigned' | 'seat.released', row: UserRow, seat: SeatState): EventDraft {
    return {
      type,
      data: { userId: row.id, userName: row.user_name, status: seat.status, quota: seat.quota },
    };
  }

  private holder(row: UserRow) {
    return { id: row.id, userName: row.user_name };
  }

  /**
   * Locks the user for a write (until the transaction ends) and checks If-Match against its version.
   * When the response is to show `groups`, they are read by the same statement.
   */
  private async lockForWrite(
    m: EntityManager,
    tenantId: string,
    id: string,
    ifMatch: string | undefined,
    projection?: Projection,
  ): Promise<UserRow> {
    const withGroups = projection !== undefined && this.renderer.wantsGroups(projection);
    const current = isUuid(id) ? await this.users.find(tenantId, id, m, true, withGroups) : null;
    if (!current) throw ScimError.notFound(`User ${id} not found`);
    checkIfMatch(ifMatch, current.version);
    return current;
  }

  /**
   * Copies the looked-up attributes into their columns. An absent `active` is true only on create
   * (RFC 7643 §4.1.1); after a PATCH `remove` it is unassigned, which grants no seat (RFC 7644 §3.5.2.2).
   */
  private async toWrite(data: ScimObject, writeOnly: ScimObject, creating: boolean): Promise<UserWrite> {
    normalizeIndexedStrings(data, USER_INDEXED_STRINGS);
    if (data.active === undefined) data.active = creating;
    const password = writeOnly.password;
    return {
      userName: data.userName as string,
      externalId: typeof data.externalId === 'string' ? data.externalId : null,
      active: data.active === true,
      data,
      passwordHash:
        typeof password === 'string'
          ? await hashPassword(password)
          : password === null || creating
            ? null
            : undefined,
    };
  }

  /** The quota the User shows: its seat's, or the one pending in its document. */
  private effectiveQuota(row: UserRow): Quota | undefined {
    return row.seat ? (row.seat.quota ?? undefined) : quotaIn(row.data);
  }

  private now(): Date {
    return new Date();
  }

  private async result(tenantId: string, row: UserRow, projection: Projection): Promise<ScimResult> {
    const [resource] = await this.renderer.render(tenantId, [row], projection);
    return {
      body: singleBody(resource),
      version: row.version,
      location: this.renderer.location(tenantId, row.id),
    };
  }
}
