import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { idsOf } from '../database/returned-rows';
import { ResourceEvent } from '../scim/resource/resource-definition';
import { SchemaRegistry } from '../scim/schema/schema-registry';

/**
 * What deleting a resource does to the resources that refer to it, from the references the registered
 * types declare: each referrer (a Group with the deleted User among its members) gets a new version,
 * so its ETag changes with its content, and the referrer's own events say what it lost. The rows go
 * with the deleted resource (foreign keys, ON DELETE CASCADE), so this runs before the delete.
 */
@Injectable()
export class ReferrerVersions {
  constructor(private readonly registry: SchemaRegistry) {}

  /** Bumps every referrer of `resourceType` `id` in the caller's transaction; returns their events. */
  async bump(
    m: EntityManager,
    tenantId: string,
    resourceType: string,
    id: string,
    now: Date,
  ): Promise<ResourceEvent[]> {
    const events: ResourceEvent[] = [];
    for (const referrer of this.registry.allDefinitions()) {
      for (const reference of referrer.references) {
        if (reference.resourceType !== resourceType) continue;
        const table = referrer.table.name;
        const result: unknown = await m.query(
          `UPDATE ${table} x SET version = x.version + 1, last_modified = $3
             FROM ${reference.table} r
            WHERE r.tenant_id = $1 AND r.${reference.referenced} = $2
              AND x.tenant_id = $1 AND x.id = r.${reference.referrer}
            RETURNING x.id`,
          [tenantId, id, now],
        );
        for (const referrerId of idsOf(result))
          events.push(...(reference.removedEvents?.(referrerId, id) ?? []));
      }
    }
    return events;
  }
}
