import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { isUuid } from '../common/uuid';
import { EventDraft } from '../events/event-types';
import { EventsService } from '../events/events.service';
import { ScimError } from '../scim/errors/scim-error';
import { changedAttributes } from '../scim/resource/attribute-diff';
import { listBody, ScimStreamBody, StreamedElement } from '../scim/http/scim-json-stream';
import { PatchEngine } from '../scim/patch/patch-engine';
import { readPatchRequest } from '../scim/patch/patch-request';
import { ListQuery, Projection } from '../scim/query/list-query';
import { listSql } from '../scim/query/list-sql';
import { ResponseProjection } from '../scim/query/projection';
import { isObject, ScimObject } from '../scim/resource/attribute-values';
import { normalizeIndexedStrings } from '../scim/resource/indexed-strings';
import { readResource } from '../scim/resource/resource-reader';
import { checkIfMatch } from '../scim/resource/versioning';
import { representation } from '../resources/resource-representation';
import { AttributeDefinition } from '../scim/schema/attribute';
import { ResourceSchema } from '../scim/schema/resource-schema';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import {
  GROUP_INDEXED_STRINGS,
  GROUP_STORAGE,
  GroupRow,
  GroupsRepository,
  MemberIds,
  MemberRow,
  MemberType,
} from './groups.repository';
import { GroupMembership } from './group-membership';
import { GROUP_RESOURCE } from './group.resource';
import { ReferrerVersions } from '../resources/referrer-versions';
import { ScimResourceHandler, ScimResult } from '../resources/scim-resource-handler';
import { resourceLocation } from '../scim/http/scim-urls';

/** The Group resource type's rules: membership as rows, members streamed, nesting without loops. */
@Injectable()
export class GroupsService implements ScimResourceHandler {
  private readonly schema: ResourceSchema;
  private readonly patchEngine: PatchEngine;
  private readonly members: AttributeDefinition;

  constructor(
    private readonly groups: GroupsRepository,
    private readonly membership: GroupMembership,
    private readonly events: EventsService,
    private readonly referrers: ReferrerVersions,
    private readonly registry: SchemaRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.schema = registry.resource(GROUP_RESOURCE.name);
    const members = this.schema.coreAttribute('members');
    if (!members) throw new Error('the Group schema has no members attribute');
    this.members = members;
    this.patchEngine = new PatchEngine(this.schema, new Set(['members']));
  }

  async create(tenantId: string, body: unknown, projection: Projection): Promise<ScimResult> {
    const { data } = readResource(this.schema, body);
    const members = this.takeMembers(data);
    const row = await this.groups.transaction(async (m) => {
      const created = await this.groups.insert(m, tenantId, randomUUID(), this.toWrite(data), this.now());
      const change = await this.membership.change(m, tenantId, created.id, [
        { attribute: 'members', action: 'add', values: members },
      ]);
      await this.events.record(m, tenantId, [
        { type: 'group.created', data: { resource: this.eventResource(tenantId, created) } },
        ...this.membership.events(created.id, change),
      ]);
      return created;
    });
    return this.single(tenantId, row, projection);
  }

  async get(tenantId: string, id: string, projection: Projection): Promise<ScimResult> {
    return this.single(tenantId, await this.require(tenantId, id), projection);
  }

  async list(tenantId: string, query: ListQuery): Promise<ScimStreamBody> {
    const { rows, total } = await this.groups.search(listSql(this.schema, GROUP_STORAGE, tenantId, query));
    const body = this.render(tenantId, rows, query);
    return listBody(body.resources, total, query.startIndex, body.streamed);
  }

  /** Direct member counts of the tenant's groups (the portal's groups list). */
  memberCounts(tenantId: string, groupIds: string[]): Promise<Map<string, number>> {
    return this.groups.memberCounts(tenantId, groupIds.filter(isUuid));
  }

  /** PUT: displayName, externalId and the whole member list are replaced. */
  async replace(
    tenantId: string,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    projection: Projection,
  ): Promise<ScimResult> {
    const { data } = readResource(this.schema, body);
    const members = this.takeMembers(data);
    const row = await this.groups.transaction(async (m) => {
      const current = await this.lockForWrite(m, tenantId, id, ifMatch);
      const change = await this.membership.change(m, tenantId, id, [
        { attribute: 'members', action: 'replace', values: members },
      ]);
      const updated = await this.groups.update(m, tenantId, id, this.toWrite(data), this.now());
      await this.events.record(m, tenantId, [
        ...this.updateEvent(tenantId, updated, changedAttributes(this.schema, current.data, data)),
        ...this.membership.events(id, change),
      ]);
      return updated;
    });
    return this.single(tenantId, row, projection);
  }

  /**
   * PATCH: attribute changes go through the shared engine; member changes become SQL on the
   * membership rows, costing in proportion to the members named. One transaction for all of it.
   */
  async patch(
    tenantId: string,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    projection: Projection | null,
  ): Promise<ScimResult> {
    const operations = readPatchRequest(body);
    const row = await this.groups.transaction(async (m) => {
      const current = await this.lockForWrite(m, tenantId, id, ifMatch);
      const patched = this.patchEngine.apply(current.data, operations);
      const change = await this.membership.change(m, tenantId, id, patched.relations);
      const membersChanged = Object.values(change).some(
        (ids: MemberIds) => ids.users.length + ids.groups.length,
      );
      const changed = patched.changed.filter((name) => name !== this.members.name);
      if (changed.length === 0 && !membersChanged) return current;
      const updated = await this.groups.update(m, tenantId, id, this.toWrite(patched.data), this.now());
      await this.events.record(m, tenantId, [
        ...this.updateEvent(tenantId, updated, changed),
        ...this.membership.events(id, change),
      ]);
      return updated;
    });
    if (projection) return this.single(tenantId, row, projection);
    return { body: null, version: row.version, location: this.location(tenantId, 'Group', row.id) };
  }

  async remove(tenantId: string, id: string, ifMatch: string | undefined): Promise<void> {
    await this.groups.transaction(async (m) => {
      await this.lockForWrite(m, tenantId, id, ifMatch);
      // The groups that contained it get a new version and say what they lost.
      const parents = await this.referrers.bump(m, tenantId, GROUP_RESOURCE.name, id, this.now());
      await this.groups.delete(m, tenantId, id);
      await this.events.record(m, tenantId, [{ type: 'group.deleted', data: { id } }, ...parents]);
    });
  }

  private async require(tenantId: string, id: string, m?: EntityManager): Promise<GroupRow> {
    const row = isUuid(id) ? await this.groups.find(tenantId, id, m, m !== undefined) : null;
    if (!row) throw ScimError.notFound(`Group ${id} not found`);
    return row;
  }

  private async lockForWrite(m: EntityManager, tenantId: string, id: string, ifMatch: string | undefined) {
    const current = await this.require(tenantId, id, m);
    checkIfMatch(ifMatch, current.version);
    return current;
  }

  /** `members` of a POST/PUT body, taken out of the document: membership is kept as rows. */
  private takeMembers(data: ScimObject): ScimObject[] {
    const members = Array.isArray(data.members) ? (data.members as ScimObject[]) : [];
    delete data.members;
    return members;
  }

  private toWrite(data: ScimObject) {
    normalizeIndexedStrings(data, GROUP_INDEXED_STRINGS);
    return {
      displayName: data.displayName as string,
      externalId: typeof data.externalId === 'string' ? data.externalId : null,
      data,
    };
  }

  /** The Group as events carry it: without members, which have their own events. */
  private eventResource(tenantId: string, row: GroupRow): ScimObject {
    return this.render(tenantId, [row], { attributes: [], excludedAttributes: [this.members.name] })
      .resources[0];
  }

  private updateEvent(tenantId: string, row: GroupRow, changed: string[]): EventDraft[] {
    if (changed.length === 0) return [];
    return [{ type: 'group.updated', data: { resource: this.eventResource(tenantId, row), changed } }];
  }

  private now(): Date {
    return new Date();
  }

  private location(tenantId: string, resourceType: MemberType, id: string): string {
    const { endpoint } = this.registry.definition(resourceType);
    return resourceLocation(this.config.publicUrl, tenantId, endpoint, id);
  }

  private single(tenantId: string, row: GroupRow, projection: Projection): ScimResult {
    return {
      body: this.render(tenantId, [row], projection),
      version: row.version,
      location: this.location(tenantId, 'Group', row.id),
    };
  }

  /**
   * Builds SCIM Groups from rows. Members are not loaded here: when `members` is to be returned, they
   * are streamed for the whole page from one cursor; when it is not, the membership is never read.
   */
  private render(tenantId: string, rows: GroupRow[], projection: Projection): ScimStreamBody {
    const view = new ResponseProjection(this.schema, projection);
    const resources = rows.map((row) =>
      representation(
        this.schema,
        row,
        this.location(tenantId, 'Group', row.id),
        { ...row.data, displayName: row.display_name },
        view,
      ),
    );
    if (rows.length === 0 || !view.includes(null, this.members)) return { resources, streamed: null };
    const batches = this.memberElements(
      tenantId,
      rows.map((r) => r.id),
      view,
    );
    return { resources, streamed: { name: this.members.name, batches } };
  }

  private async *memberElements(
    tenantId: string,
    groupIds: string[],
    view: ResponseProjection,
  ): AsyncGenerator<StreamedElement[]> {
    for await (const batch of this.groups.members(tenantId, groupIds)) {
      yield batch.map((row: MemberRow) => {
        const element: ScimObject = {
          value: row.value,
          $ref: this.location(tenantId, row.type, row.value),
          type: row.type,
          ...(row.display !== null ? { display: row.display } : {}),
        };
        const projected = view.applyTo(null, this.members, [element]);
        return {
          index: row.index,
          element: Array.isArray(projected) && isObject(projected[0]) ? projected[0] : {},
        };
      });
    }
  }
}
