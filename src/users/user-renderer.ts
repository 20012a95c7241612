import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Projection } from '../scim/query/list-query';
import { ResponseProjection } from '../scim/query/projection';
import { ScimObject } from '../scim/resource/attribute-values';
import { etagOf } from '../scim/resource/versioning';
import { ResourceSchema } from '../scim/schema/resource-schema';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { SEAT_SCHEMA, USER_SCHEMA } from '../scim/schema/urns';
import { quotaIn, seatExtension } from '../seats/seat-extension';
import { UserRow, UsersRepository } from './users.repository';

/** Builds SCIM User representations from rows, with their groups and seat, under a projection. */
@Injectable()
export class UserRenderer {
  private readonly schema: ResourceSchema;

  constructor(
    private readonly users: UsersRepository,
    registry: SchemaRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.schema = registry.resource('User');
  }

  location(tenantId: string, id: string): string {
    return `${this.config.publicUrl}/scim/v2/${tenantId}/Users/${id}`;
  }

  wantsGroups(projection: Projection): boolean {
    const groups = this.schema.coreAttribute('groups');
    return groups !== undefined && new ResponseProjection(this.schema, projection).includes(null, groups);
  }

  /** Builds SCIM Users from rows; reads group memberships only when `groups` is to be returned. */
  async render(tenantId: string, rows: UserRow[], projection: Projection): Promise<ScimObject[]> {
    const view = new ResponseProjection(this.schema, projection);
    const prefetched = rows.every((r) => r.groups !== undefined);
    const memberships = !this.wantsGroups(projection)
      ? []
      : prefetched
        ? rows.flatMap((r) => (r.groups ?? []).map((g) => ({ ...g, user_id: r.id })))
        : await this.users.groupsOf(
            tenantId,
            rows.map((r) => r.id),
          );
    return rows.map((row) => {
      const { data } = row;
      const groups = memberships
        .filter((g) => g.user_id === row.id)
        .map((g) => ({
          value: g.group_id,
          $ref: `${this.config.publicUrl}/scim/v2/${tenantId}/Groups/${g.group_id}`,
          display: g.display_name,
          type: g.direct ? 'direct' : 'indirect',
        }));
      const seat = seatExtension(row.seat, quotaIn(data));
      const resource: ScimObject = {
        schemas: [USER_SCHEMA],
        id: row.id,
        ...data,
        userName: row.user_name,
        active: row.active,
        ...(groups.length > 0 ? { groups } : {}),
        ...(seat ? { [SEAT_SCHEMA]: seat } : {}),
        meta: {
          resourceType: 'User',
          created: row.created_at.toISOString(),
          lastModified: row.last_modified.toISOString(),
          location: this.location(tenantId, row.id),
          version: etagOf(row.version),
        },
      };
      const projected = view.apply(resource);
      const extensions = this.schema.extensions
        .map((e) => e.id)
        .filter((urn) => projected[urn] !== undefined);
      return { ...projected, schemas: [USER_SCHEMA, ...extensions] };
    });
  }
}
