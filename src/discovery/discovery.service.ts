import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MAX_PAGE_SIZE } from '../scim/query/list-query';
import { listResponse, ListResponse } from '../scim/query/list-response';
import { ScimObject } from '../scim/resource/attribute-values';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { RESOURCE_TYPE_SCHEMA, SCHEMA_SCHEMA, SERVICE_PROVIDER_CONFIG_SCHEMA } from '../scim/schema/urns';
import { scimBaseUrl } from '../scim/http/scim-urls';

/** The discovery documents of RFC 7644 §4, built from the schema registry and what the server does. */
@Injectable()
export class DiscoveryService {
  constructor(
    private readonly registry: SchemaRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private base(tenantId: string): string {
    return scimBaseUrl(this.config.publicUrl, tenantId);
  }

  /** RFC 7643 §5: truthful about each feature, so IdPs use only what works. */
  serviceProviderConfig(tenantId: string): ScimObject {
    return {
      schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
      documentationUri: `${this.config.publicUrl}/docs`,
      patch: { supported: true },
      bulk: {
        supported: true,
        maxOperations: this.config.bulk.maxOperations,
        maxPayloadSize: this.config.bulk.maxPayloadSize,
      },
      filter: { supported: true, maxResults: MAX_PAGE_SIZE },
      changePassword: { supported: true },
      sort: { supported: true },
      etag: { supported: true },
      authenticationSchemes: [
        {
          type: 'oauthbearertoken',
          name: 'OAuth Bearer Token',
          description:
            "Authentication with a tenant's bearer token (Authorization: Bearer rcs_…), issued by the admin API.",
          specUri: 'https://www.rfc-editor.org/info/rfc6750',
          primary: true,
        },
      ],
      meta: {
        resourceType: 'ServiceProviderConfig',
        location: `${this.base(tenantId)}/ServiceProviderConfig`,
      },
    };
  }

  schemas(tenantId: string): ListResponse<ScimObject> {
    const all = this.registry.schemas().map((s) => this.schemaResource(tenantId, s.id));
    return listResponse(all, all.length, 1);
  }

  schemaResource(tenantId: string, id: string): ScimObject {
    const schema = this.registry.findSchema(id);
    return {
      schemas: [SCHEMA_SCHEMA],
      ...schema,
      meta: { resourceType: 'Schema', location: `${this.base(tenantId)}/Schemas/${schema.id}` },
    };
  }

  resourceTypes(tenantId: string): ListResponse<ScimObject> {
    const all = this.registry.resourceTypes().map((t) => this.resourceType(tenantId, t.name));
    return listResponse(all, all.length, 1);
  }

  resourceType(tenantId: string, name: string): ScimObject {
    const type = this.registry.findResourceType(name);
    return {
      schemas: [RESOURCE_TYPE_SCHEMA],
      ...type,
      meta: { resourceType: 'ResourceType', location: `${this.base(tenantId)}/ResourceTypes/${type.name}` },
    };
  }
}
