import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { AttributeDefinition } from '../scim/schema/attribute';
import { ResourceSchema } from '../scim/schema/resource-schema';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../scim/query/list-query';
import { BULK_REQUEST, BULK_RESPONSE, LIST_RESPONSE, PATCH_OP, SEARCH_REQUEST } from '../scim/schema/urns';
import { COMMON_ATTRIBUTES } from '../scim/schema/core-schemas';
import { scimErrorSchema } from './api-responses';

/** A ListResponse (RFC 7644 §3.4.2) whose Resources are `items`. */
function listResponseSchema(items: SchemaObject | ReferenceObject): SchemaObject {
  return {
    type: 'object',
    required: ['schemas', 'totalResults'],
    properties: {
      schemas: { type: 'array', items: { type: 'string' }, example: [LIST_RESPONSE] },
      totalResults: { type: 'integer' },
      startIndex: { type: 'integer' },
      itemsPerPage: { type: 'integer' },
      Resources: { type: 'array', items },
    },
  };
}

/** A discovery resource's `meta` (RFC 7644 §4). */
const discoveryMeta: SchemaObject = {
  type: 'object',
  properties: { resourceType: { type: 'string' }, location: { type: 'string', format: 'uri' } },
};

/** RFC 7643 §5: the features a service provider supports. */
const serviceProviderConfigSchema: SchemaObject = {
  type: 'object',
  required: ['schemas', 'patch', 'bulk', 'filter', 'changePassword', 'sort', 'etag', 'authenticationSchemes'],
  properties: {
    schemas: { type: 'array', items: { type: 'string' } },
    documentationUri: { type: 'string', format: 'uri' },
    patch: supported(),
    bulk: supported({ maxOperations: { type: 'integer' }, maxPayloadSize: { type: 'integer' } }),
    filter: supported({ maxResults: { type: 'integer' } }),
    changePassword: supported(),
    sort: supported(),
    etag: supported(),
    authenticationSchemes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'name', 'description'],
        properties: {
          type: { type: 'string', example: 'oauthbearertoken' },
          name: { type: 'string' },
          description: { type: 'string' },
          specUri: { type: 'string', format: 'uri' },
          documentationUri: { type: 'string', format: 'uri' },
          primary: { type: 'boolean' },
        },
      },
    },
    meta: discoveryMeta,
  },
};

function supported(more: Record<string, SchemaObject> = {}): SchemaObject {
  return {
    type: 'object',
    required: ['supported', ...Object.keys(more)],
    properties: { supported: { type: 'boolean' }, ...more },
  };
}

/** RFC 7643 §7: a schema with its attribute definitions. */
const schemaSchema: SchemaObject = {
  type: 'object',
  required: ['id', 'attributes'],
  properties: {
    schemas: { type: 'array', items: { type: 'string' } },
    id: { type: 'string', example: 'urn:ietf:params:scim:schemas:core:2.0:User' },
    name: { type: 'string' },
    description: { type: 'string' },
    attributes: { type: 'array', items: { type: 'object', required: ['name', 'type'] } },
    meta: discoveryMeta,
  },
};

/** RFC 7643 §6: a resource type, its endpoint and schema extensions. */
const resourceTypeSchema: SchemaObject = {
  type: 'object',
  required: ['name', 'endpoint', 'schema'],
  properties: {
    schemas: { type: 'array', items: { type: 'string' } },
    id: { type: 'string' },
    name: { type: 'string', example: 'User' },
    endpoint: { type: 'string', example: '/Users' },
    description: { type: 'string' },
    schema: { type: 'string' },
    schemaExtensions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['schema', 'required'],
        properties: { schema: { type: 'string' }, required: { type: 'boolean' } },
      },
    },
    meta: discoveryMeta,
  },
};

/** A component of the SCIM part of the document: a registered resource type's name, or a message. */
export type ScimComponent = string;

export function scimSchemaRef(name: ScimComponent): { $ref: string } {
  return { $ref: `#/components/schemas/Scim${name}` };
}

/** `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5), on every route that answers a resource. */
export const ScimProjectionQueries = () =>
  applyDecorators(
    ApiQuery({
      name: 'attributes',
      required: false,
      description: 'Comma-separated attributes to return (RFC 7644 §3.4.2.5).',
    }),
    ApiQuery({
      name: 'excludedAttributes',
      required: false,
      description: 'Comma-separated attributes to leave out.',
    }),
  );

/** The query parameters of a SCIM list (RFC 7644 §3.4.2). */
export const ScimListQueries = () =>
  applyDecorators(
    ApiQuery({
      name: 'filter',
      required: false,
      description: 'A SCIM filter, e.g. userName eq "jane@acme.com".',
    }),
    ApiQuery({ name: 'sortBy', required: false }),
    ApiQuery({ name: 'sortOrder', required: false, enum: ['ascending', 'descending'] }),
    ApiQuery({
      name: 'startIndex',
      required: false,
      type: Number,
      description: '1-based index of the first result.',
    }),
    ApiQuery({
      name: 'count',
      required: false,
      type: Number,
      description: `Page size: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}; 0 returns only totalResults.`,
    }),
    ScimProjectionQueries(),
  );

/** What every route under a tenant's SCIM base URL declares: its tag, the tenant token and `tenantId`. */
export const ScimTenantRoutes = (tag: string) =>
  applyDecorators(
    ApiTags(tag),
    ApiBearerAuth('tenant'),
    ApiParam({ name: 'tenantId', format: 'uuid', description: "The tenant's id, as in its scimBaseUrl" }),
  );

function attributeSchema(attribute: AttributeDefinition): SchemaObject {
  const single: SchemaObject =
    attribute.type === 'complex'
      ? {
          type: 'object',
          properties: Object.fromEntries(
            (attribute.subAttributes ?? []).map((s) => [s.name, attributeSchema(s)]),
          ),
        }
      : {
          string: { type: 'string' },
          reference: { type: 'string', format: 'uri' },
          binary: { type: 'string', format: 'byte' },
          boolean: { type: 'boolean' },
          integer: { type: 'integer' },
          decimal: { type: 'number' },
          dateTime: { type: 'string', format: 'date-time' },
        }[attribute.type];
  if (attribute.canonicalValues && attribute.type !== 'complex')
    single.example = attribute.canonicalValues[0];
  const schema: SchemaObject = attribute.multiValued ? { type: 'array', items: single } : single;
  schema.description = attribute.description;
  if (attribute.mutability === 'readOnly') schema.readOnly = true;
  if (attribute.mutability === 'writeOnly') schema.writeOnly = true;
  return schema;
}

function resourceSchema(resource: ResourceSchema): SchemaObject {
  const attributes = [...COMMON_ATTRIBUTES, ...resource.coreSchema.attributes];
  const properties: Record<string, SchemaObject> = {
    schemas: { type: 'array', items: { type: 'string' }, example: [resource.coreSchema.id] },
  };
  for (const a of attributes) properties[a.name] = attributeSchema(a);
  for (const extension of resource.extensions) {
    properties[extension.id] = {
      type: 'object',
      description: extension.description,
      properties: Object.fromEntries(extension.attributes.map((a) => [a.name, attributeSchema(a)])),
    };
  }
  return {
    type: 'object',
    description: `${resource.type.description} (${resource.coreSchema.id}); attribute names are case-insensitive.`,
    required: ['schemas', ...resource.coreSchema.attributes.filter((a) => a.required).map((a) => a.name)],
    properties,
  };
}

/** The SCIM message and resource schemas of the OpenAPI document, generated from the schema registry. */
export function scimComponents(registry: SchemaRegistry): Record<string, SchemaObject> {
  return {
    ...Object.fromEntries(
      registry.allDefinitions().flatMap((d) => [
        [`Scim${d.name}`, resourceSchema(registry.resource(d.name))],
        [`Scim${d.name}ListResponse`, listResponseSchema(scimSchemaRef(d.name))],
      ]),
    ),
    ScimListResponse: listResponseSchema({
      anyOf: registry.allDefinitions().map((d) => scimSchemaRef(d.name)),
    }),
    ScimServiceProviderConfig: serviceProviderConfigSchema,
    ScimSchema: schemaSchema,
    ScimSchemaListResponse: listResponseSchema(scimSchemaRef('Schema')),
    ScimResourceType: resourceTypeSchema,
    ScimResourceTypeListResponse: listResponseSchema(scimSchemaRef('ResourceType')),
    ScimPatchOp: {
      type: 'object',
      required: ['schemas', 'Operations'],
      properties: {
        schemas: { type: 'array', items: { type: 'string' }, example: [PATCH_OP] },
        Operations: {
          type: 'array',
          items: {
            type: 'object',
            required: ['op'],
            properties: {
              op: {
                type: 'string',
                enum: ['add', 'remove', 'replace'],
                description: 'Any case is accepted.',
              },
              path: { type: 'string', example: 'emails[type eq "work"].value' },
              value: { description: 'Any JSON value' },
            },
          },
        },
      },
    },
    ScimSearchRequest: {
      type: 'object',
      properties: {
        schemas: { type: 'array', items: { type: 'string' }, example: [SEARCH_REQUEST] },
        filter: { type: 'string' },
        sortBy: { type: 'string' },
        sortOrder: { type: 'string', enum: ['ascending', 'descending'] },
        startIndex: { type: 'integer' },
        count: { type: 'integer' },
        attributes: { type: 'array', items: { type: 'string' } },
        excludedAttributes: { type: 'array', items: { type: 'string' } },
      },
    },
    ScimBulkRequest: {
      type: 'object',
      required: ['schemas', 'Operations'],
      properties: {
        schemas: { type: 'array', items: { type: 'string' }, example: [BULK_REQUEST] },
        failOnErrors: {
          type: 'integer',
          minimum: 1,
          description: 'Errors after which the remaining operations are not run.',
        },
        Operations: {
          type: 'array',
          items: {
            type: 'object',
            required: ['method', 'path'],
            properties: {
              method: { type: 'string', enum: ['POST', 'PUT', 'PATCH', 'DELETE'] },
              bulkId: {
                type: 'string',
                description: 'Required with POST; "bulkId:<bulkId>" elsewhere stands for the id it creates.',
              },
              version: {
                type: 'string',
                description: 'If-Match for PUT, PATCH and DELETE.',
                example: 'W/"3"',
              },
              path: { type: 'string', example: '/Users' },
              data: {
                type: 'object',
                description: 'The body the request would have alone: a User, a Group or a PatchOp.',
              },
            },
          },
        },
      },
    },
    ScimBulkResponse: {
      type: 'object',
      properties: {
        schemas: { type: 'array', items: { type: 'string' }, example: [BULK_RESPONSE] },
        Operations: {
          type: 'array',
          description: 'One entry per operation run, in request order.',
          items: {
            type: 'object',
            required: ['method', 'status'],
            properties: {
              method: { type: 'string' },
              bulkId: { type: 'string' },
              version: { type: 'string', example: 'W/"1"' },
              location: { type: 'string', format: 'uri' },
              status: { type: 'string', example: '201' },
              response: { ...scimSchemaRef('Error'), description: 'The SCIM error, when it failed.' },
            },
          },
        },
      },
    },
    ScimError: scimErrorSchema,
  };
}
