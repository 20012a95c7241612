import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUuid } from '../common/uuid';
import { EventDraft, membersOf } from '../events/event-types';
import { ScimError } from '../scim/errors/scim-error';
import { FilterToSql } from '../scim/filter/filter-to-sql';
import { SqlParams } from '../scim/filter/sql-params';
import { RelationChange } from '../scim/patch/patch-engine';
import { ScimObject } from '../scim/resource/attribute-values';
import { ResourceSchema } from '../scim/schema/resource-schema';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { GroupMembershipRepository, MemberIds, MemberRow, MemberSource } from './group-membership.repository';
import { GROUP_RESOURCE } from './group.resource';
import { MEMBER_ROWS, MemberType } from './group-storage';

/** Most members one `group.members_added` or `group.members_removed` event names. */
export const MEMBERS_PER_EVENT = 1000;

/** What a write did to the membership: the member ids added and removed, by type. */
export interface MembershipChange {
  added: MemberIds;
  removed: MemberIds;
}

function noMembers(): MemberIds {
  return { users: [], groups: [] };
}

/**
 * Group membership as rows: the member changes a POST, PUT or PATCH asks for, checked (Users and
 * Groups of the same tenant, no nesting loops) and applied in SQL inside the caller's transaction,
 * and the events they make.
 */
@Injectable()
export class GroupMembership {
  private readonly schema: ResourceSchema;
  /** Where members of each type are, from the references the Group definition declares. */
  readonly sources: MemberSource[];

  constructor(
    private readonly groups: GroupMembershipRepository,
    registry: SchemaRegistry,
  ) {
    this.schema = registry.resource(GROUP_RESOURCE.name);
    this.sources = GROUP_RESOURCE.references.map((reference) => {
      const { table } = registry.definition(reference.resourceType);
      if (!table.display) throw new Error(`${reference.resourceType} declares no display for members`);
      return {
        type: reference.resourceType as MemberType,
        rows: reference.table,
        referrer: reference.referrer,
        referenced: reference.referenced,
        table: table.name,
        alias: table.alias,
        display: table.display,
      };
    });
  }

  /** The members of the given groups, in page order, in batches (a server-side cursor). */
  stream(tenantId: string, groupIds: string[]): AsyncGenerator<MemberRow[]> {
    return this.groups.members(tenantId, groupIds, this.sources);
  }

  /** Direct member counts of the tenant's groups (the portal's groups list). */
  memberCounts(tenantId: string, groupIds: string[]): Promise<Map<string, number>> {
    return this.groups.memberCounts(tenantId, groupIds.filter(isUuid));
  }

  /** Applies member changes in order; adding what is there or removing what is not is no error. */
  async change(
    m: EntityManager,
    tenantId: string,
    groupId: string,
    changes: RelationChange[],
  ): Promise<MembershipChange> {
    const result: MembershipChange = { added: noMembers(), removed: noMembers() };
    const merge = (into: MemberIds, ids: MemberIds) => {
      into.users.push(...ids.users);
      into.groups.push(...ids.groups);
    };
    for (const change of changes) {
      if (change.action === 'remove') {
        merge(result.removed, await this.remove(m, tenantId, groupId, change));
        continue;
      }
      let ids = await this.resolve(m, tenantId, groupId, change.values);
      if (change.action === 'replace') {
        const replaced = await this.replace(m, tenantId, groupId, ids);
        merge(result.removed, replaced.removed);
        ids = replaced.toAdd;
      }
      merge(result.added, await this.groups.addMembers(m, tenantId, groupId, ids));
    }
    return result;
  }

  /**
   * The whole list becomes `ids`: the members not in it are removed, and those of it not yet members
   * are left to add. The difference is taken here, in one pass over each side, so the cost follows
   * the group's size plus the list's, never their product.
   */
  private async replace(
    m: EntityManager,
    tenantId: string,
    groupId: string,
    ids: MemberIds,
  ): Promise<{ removed: MemberIds; toAdd: MemberIds }> {
    if (ids.users.length + ids.groups.length === 0) {
      return { removed: await this.groups.removeAllMembers(m, tenantId, groupId), toAdd: ids };
    }
    const current = await this.groups.memberIds(m, tenantId, groupId);
    const present = new Set([...current.users, ...current.groups]);
    const wanted = new Set([...ids.users, ...ids.groups]);
    const doomed = [...present].filter((id) => !wanted.has(id));
    const removed =
      doomed.length > 0 ? await this.groups.removeMembersById(m, tenantId, groupId, doomed) : noMembers();
    const absent = (id: string) => !present.has(id);
    return { removed, toAdd: { users: ids.users.filter(absent), groups: ids.groups.filter(absent) } };
  }

  private async remove(
    m: EntityManager,
    tenantId: string,
    groupId: string,
    change: Extract<RelationChange, { action: 'remove' }>,
  ): Promise<MemberIds> {
    const filter = change.filter;
    if (filter) {
      const params = new SqlParams([tenantId, groupId]);
      const condition = (type: MemberType) =>
        new FilterToSql(this.schema, MEMBER_ROWS[type], params).translateRelationFilter('members', filter);
      return this.groups.removeMembers(m, params, { users: condition('User'), groups: condition('Group') });
    }
    if (change.values === null) return this.groups.removeAllMembers(m, tenantId, groupId);
    // Entra's `Remove` with a value list removes exactly those members; ids that are not members are skipped.
    const ids = change.values
      .map((v) => v.value)
      .filter((v): v is string => typeof v === 'string' && isUuid(v))
      .map((v) => v.toLowerCase());
    if (ids.length === 0) return noMembers();
    return this.groups.removeMembersById(m, tenantId, groupId, ids);
  }

  /** Checks that every member is a User or Group of this tenant (400 invalidValue otherwise). */
  private async resolve(
    m: EntityManager,
    tenantId: string,
    groupId: string,
    values: ScimObject[],
  ): Promise<MemberIds> {
    const ids = new Set<string>();
    for (const [i, member] of values.entries()) {
      const value = member.value;
      if (typeof value !== 'string' || value === '') {
        throw ScimError.badRequest('invalidValue', `members[${i}].value is required`);
      }
      if (!isUuid(value)) throw this.unknownMember(value);
      ids.add(value.toLowerCase());
    }
    if (ids.size === 0) return noMembers();
    // The id decides what a member is: a `type` label that says otherwise is corrected, not refused
    // (python-scim's tester labels members at random); the rows, and so every answer, carry the truth.
    const types = await this.groups.memberTypes(m, tenantId, [...ids], this.sources);
    for (const id of ids) if (!types.has(id)) throw this.unknownMember(id);
    const byType = (t: MemberType) => [...ids].filter((id) => types.get(id) === t);
    const groups = byType('Group');
    if (groups.includes(groupId))
      throw ScimError.badRequest('invalidValue', 'a Group cannot be its own member');
    if (groups.length > 0) {
      const cycle = await this.groups.containersAmong(m, tenantId, groupId, groups);
      if (cycle.length > 0) {
        throw ScimError.badRequest(
          'invalidValue',
          `Group ${cycle[0]} already contains this Group: nesting would loop`,
        );
      }
    }
    return { users: byType('User'), groups };
  }

  /**
   * The membership events of a change, each naming at most MEMBERS_PER_EVENT members: a change of
   * thousands of members makes several events, so no event or webhook body grows with the group.
   */
  events(groupId: string, change: MembershipChange): EventDraft[] {
    const drafts: EventDraft[] = [];
    for (const [type, ids] of [
      ['group.members_removed', change.removed],
      ['group.members_added', change.added],
    ] as const) {
      const members = membersOf(ids);
      for (let i = 0; i < members.length; i += MEMBERS_PER_EVENT) {
        drafts.push({ type, data: { group: groupId, members: members.slice(i, i + MEMBERS_PER_EVENT) } });
      }
    }
    return drafts;
  }

  private unknownMember(value: string): ScimError {
    return ScimError.badRequest('invalidValue', `member ${value} is not a User or Group of this tenant`);
  }
}
