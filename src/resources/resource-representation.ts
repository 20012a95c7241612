import { ResponseProjection } from '../scim/query/projection';
import { ScimObject } from '../scim/resource/attribute-values';
import { etagOf } from '../scim/resource/versioning';
import { ResourceSchema } from '../scim/schema/resource-schema';

/** What every stored resource has, whatever its table: the columns `meta` is made of. */
export interface StoredResource {
  id: string;
  version: number;
  created_at: Date;
  last_modified: Date;
}

/**
 * A resource as SCIM shows it (RFC 7643 §3): its core schema, id, attributes and `meta`, then the
 * projection applied and `schemas` naming the extensions that are left in it.
 */
export function representation(
  schema: ResourceSchema,
  row: StoredResource,
  location: string,
  attributes: ScimObject,
  view: ResponseProjection,
): ScimObject {
  const resource: ScimObject = {
    schemas: [schema.coreSchema.id],
    id: row.id,
    ...attributes,
    meta: {
      resourceType: schema.type.name,
      created: row.created_at.toISOString(),
      lastModified: row.last_modified.toISOString(),
      location,
      version: etagOf(row.version),
    },
  };
  const projected = view.apply(resource);
  const extensions = schema.extensions.map((e) => e.id).filter((urn) => projected[urn] !== undefined);
  return { ...projected, schemas: [schema.coreSchema.id, ...extensions] };
}
