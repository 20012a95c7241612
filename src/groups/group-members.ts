import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { HookContext, HookInput, PreparedWrite, ResourceHooks, WriteMode } from '../resources/resource-hooks';
import { ResourceRow } from '../resources/scim-resource.repository';
import { StreamedAttribute, StreamedElement } from '../scim/http/scim-json-stream';
import { resourceLocation } from '../scim/http/scim-urls';
import { RelationChange } from '../scim/patch/patch-engine';
import { ResponseProjection } from '../scim/query/projection';
import { isObject, ScimObject } from '../scim/resource/attribute-values';
import { AttributeDefinition } from '../scim/schema/attribute';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { GroupMembership, MembershipChange } from './group-membership';
import { GROUP_RESOURCE } from './group.resource';

const MEMBERS = 'members';

const changedAny = (change: MembershipChange) =>
  change.added.users.length +
    change.added.groups.length +
    change.removed.users.length +
    change.removed.groups.length >
  0;

/**
 * The Group resource type's own rules, as hooks of the generic service: `members` are rows, one per
 * member (GroupMembership), changed in SQL in proportion to the members named, never as a document
 * rewrite; nesting without loops; members streamed into answers, and read only when returned.
 */
@Injectable()
export class GroupMembers implements ResourceHooks<RelationChange[]> {
  readonly relations = [MEMBERS];
  private readonly members: AttributeDefinition;
  private readonly endpoints: Map<string, string>;

  constructor(
    private readonly membership: GroupMembership,
    registry: SchemaRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const members = registry.resource(GROUP_RESOURCE.name).coreAttribute(MEMBERS);
    if (!members) throw new Error('the Group schema has no members attribute');
    this.members = members;
    this.endpoints = new Map(membership.sources.map((s) => [s.type, registry.definition(s.type).endpoint]));
  }

  /** `members` of a POST or PUT body, taken out of the document; a PATCH's arrive as relations. */
  prepare(input: HookInput, mode: WriteMode): Promise<PreparedWrite<RelationChange[]>> {
    const { data } = input;
    if (mode === 'patch') return Promise.resolve({ data, pending: input.relations });
    const values = Array.isArray(data.members) ? (data.members as ScimObject[]) : [];
    delete data.members;
    const action = mode === 'create' ? 'add' : 'replace';
    return Promise.resolve({ data, pending: [{ attribute: MEMBERS, action, values }] });
  }

  async created(c: HookContext, row: ResourceRow, changes: RelationChange[]) {
    const change = await this.membership.change(c.m, c.tenantId, row.id, changes);
    return this.membership.events(row.id, change);
  }

  async changing(c: HookContext, current: ResourceRow, changes: RelationChange[]) {
    const change = await this.membership.change(c.m, c.tenantId, current.id, changes);
    return { changed: changedAny(change), events: this.membership.events(current.id, change) };
  }

  /** Members are streamed for the whole page from one cursor; when not returned, never read. */
  streamed(tenantId: string, rows: ResourceRow[], view: ResponseProjection): StreamedAttribute | null {
    if (!view.includes(null, this.members)) return null;
    const ids = rows.map((r) => r.id);
    return { name: this.members.name, batches: this.memberElements(tenantId, ids, view) };
  }

  private async *memberElements(
    tenantId: string,
    groupIds: string[],
    view: ResponseProjection,
  ): AsyncGenerator<StreamedElement[]> {
    for await (const batch of this.membership.stream(tenantId, groupIds)) {
      yield batch.map((row) => {
        const endpoint = this.endpoints.get(row.type) ?? '';
        const element: ScimObject = {
          value: row.value,
          $ref: resourceLocation(this.config.publicUrl, tenantId, endpoint, row.value),
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
