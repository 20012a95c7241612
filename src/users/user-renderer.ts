import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Projection } from '../scim/query/list-query';
import { ResponseProjection } from '../scim/query/projection';
import { ScimObject } from '../scim/resource/attribute-values';
import { representation } from '../resources/resource-representation';
import { ResourceSchema } from '../scim/schema/resource-schema';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { SEAT_SCHEMA } from '../seats/seat-schema';
import { quotaIn, seatExtension } from '../seats/seat-extension';
import { UserGroupRow, UserRow, UsersRepository } from './users.repository';
import { resourceLocation } from '../scim/http/scim-urls';

type UserGroup = Omit<UserGroupRow, 'user_id'>;

/** Builds SCIM User representations from rows, with their groups and seat, under a projection. */
@Injectable()
export class UserRenderer {
  private readonly schema: ResourceSchema;
  /** Where the groups a user's `groups` names live. */
  private readonly groupsEndpoint: string;

  constructor(
    private readonly users: UsersRepository,
    registry: SchemaRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.schema = registry.resource('User');
    this.groupsEndpoint = registry.definition('Group').endpoint;
  }

  location(tenantId: string, id: string): string {
    return resourceLocation(this.config.publicUrl, tenantId, this.schema.type.endpoint, id);
  }

  wantsGroups(projection: Projection): boolean {
    return this.includesGroups(new ResponseProjection(this.schema, projection));
  }

  /** Builds SCIM Users from rows; reads group memberships only when `groups` is to be returned. */
  async render(tenantId: string, rows: UserRow[], projection: Projection): Promise<ScimObject[]> {
    const view = new ResponseProjection(this.schema, projection);
    const groupsByUser = await this.groupsByUser(tenantId, rows, view);
    return rows.map((row) => {
      const { data } = row;
      const groups = (groupsByUser.get(row.id) ?? []).map((g) => ({
        value: g.group_id,
        $ref: resourceLocation(this.config.publicUrl, tenantId, this.groupsEndpoint, g.group_id),
        display: g.display_name,
        type: g.direct ? 'direct' : 'indirect',
      }));
      const seat = seatExtension(row.seat, quotaIn(data));
      return representation(
        this.schema,
        row,
        this.location(tenantId, row.id),
        {
          ...data,
          userName: row.user_name,
          active: row.active,
          ...(groups.length > 0 ? { groups } : {}),
          ...(seat ? { [SEAT_SCHEMA]: seat } : {}),
        },
        view,
      );
    });
  }

  private includesGroups(view: ResponseProjection): boolean {
    const groups = this.schema.coreAttribute('groups');
    return groups !== undefined && view.includes(null, groups);
  }

  /** Each user's groups: read with the rows when they came that way, else in one query for all. */
  private async groupsByUser(
    tenantId: string,
    rows: UserRow[],
    view: ResponseProjection,
  ): Promise<Map<string, UserGroup[]>> {
    if (!this.includesGroups(view)) return new Map();
    if (rows.every((r) => r.groups !== undefined)) return new Map(rows.map((r) => [r.id, r.groups ?? []]));
    const byUser = new Map<string, UserGroup[]>();
    const memberships = await this.users.groupsOf(
      tenantId,
      rows.map((r) => r.id),
    );
    for (const { user_id, ...group } of memberships) {
      const list = byUser.get(user_id) ?? [];
      list.push(group);
      byUser.set(user_id, list);
    }
    return byUser;
  }
}
