import { resourceLocation } from '../scim/http/scim-urls';
import { Projection } from '../scim/query/list-query';
import { ResourceDefinition } from '../scim/resource/resource-definition';
import { ScimResources } from '../resources/scim-resources';
import { ScimResult } from '../resources/scim-resource-handler';
import { BulkOutcome, BulkTarget } from './bulk-target';

/**
 * A registered resource type's endpoint as Bulk sends operations to it, through ScimResources: each
 * operation is the type's own route sent alone (its transaction, events and seat effects).
 */
export class ResourceBulkTarget implements BulkTarget {
  readonly endpoint: string;
  /**
   * A Bulk result carries no resource body (RFC 7644 §3.7.3 lets it be left out), so every attribute is
   * excluded: what only a full answer needs (a user's groups, a group's members) is never read.
   */
  private readonly lean: Projection;

  constructor(
    private readonly definition: ResourceDefinition,
    private readonly resources: ScimResources,
    private readonly publicUrl: string,
  ) {
    this.endpoint = definition.endpoint;
    this.lean = { attributes: [], excludedAttributes: definition.schema.attributes.map((a) => a.name) };
  }

  async create(tenantId: string, data: unknown): Promise<BulkOutcome> {
    return this.outcome(201, await this.resources.create(tenantId, this.endpoint, data, this.lean));
  }

  async replace(tenantId: string, id: string, data: unknown, ifMatch: string | undefined) {
    return this.outcome(
      200,
      await this.resources.replace(tenantId, this.endpoint, id, data, ifMatch, this.lean),
    );
  }

  /** Answered as a PATCH sent alone answers: 200, or 204 for a type whose PATCH has no content. */
  async patch(tenantId: string, id: string, data: unknown, ifMatch: string | undefined) {
    const noContent = this.definition.patchAnswer === 'noContent';
    const result = await this.resources.patch(
      tenantId,
      this.endpoint,
      id,
      data,
      ifMatch,
      noContent ? null : this.lean,
    );
    return this.outcome(noContent ? 204 : 200, result);
  }

  async delete(tenantId: string, id: string, ifMatch: string | undefined): Promise<BulkOutcome> {
    await this.resources.remove(tenantId, this.endpoint, id, ifMatch);
    return {
      status: 204,
      id,
      location: resourceLocation(this.publicUrl, tenantId, this.endpoint, id),
      version: null,
    };
  }

  /** The id is the last segment of the resource's location (`{base}{endpoint}/{id}`). */
  private outcome(status: number, result: ScimResult): BulkOutcome {
    const id = decodeURIComponent(result.location.slice(result.location.lastIndexOf('/') + 1));
    return { status, id, location: result.location, version: result.version };
  }
}
