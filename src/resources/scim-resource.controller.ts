import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  Type,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedTenant, TenantScoped } from '../auth/auth.decorators';
import { ScimApi, ScimErrors } from '../openapi/api-responses';
import {
  ScimListQueries,
  ScimProjectionQueries,
  scimSchemaRef,
  ScimTenantRoutes,
} from '../openapi/scim-openapi';
import { sendScimStream } from '../scim/http/scim-json-stream';
import { readSearchRequest } from '../scim/http/scim-response';
import { parseListQuery, parseProjection, RawListQuery } from '../scim/query/list-query';
import { ResourceDefinition, ResourceOperationDocs } from '../scim/resource/resource-definition';
import { etagOf, notModified } from '../scim/resource/versioning';
import { resourceHandlerToken, ScimResourceHandler, ScimResult } from './scim-resource-handler';

/** A single resource's answer: streamed like every SCIM answer, with its ETag (and Location on create). */
function send(res: Response, status: number, result: ScimResult, created = false): Promise<void> {
  const headers: Record<string, string> = { ETag: etagOf(result.version) };
  if (created) headers.Location = result.location;
  if (!result.body) {
    res.status(204).setHeader('ETag', headers.ETag);
    res.end();
    return Promise.resolve();
  }
  return sendScimStream(res, status, result.body, headers);
}

/** The OpenAPI words of each operation: the type's own where it gives them, else the generic ones. */
function operations(definition: ResourceDefinition) {
  const { name } = definition;
  const plural = definition.endpoint.replace(/^\//, '');
  const docs: ResourceOperationDocs = definition.docs ?? {};
  const op = (key: keyof ResourceOperationDocs, summary: string, description?: string) =>
    ApiOperation({
      summary: docs[key]?.summary ?? summary,
      ...((docs[key]?.description ?? description)
        ? { description: docs[key]?.description ?? description }
        : {}),
    });
  return {
    create: op('create', `Create a ${name} (RFC 7644 §3.3)`),
    list: op('list', `List or filter ${plural} (RFC 7644 §3.4.2)`),
    search: op('search', `Search ${plural} with a SearchRequest body (RFC 7644 §3.4.3)`),
    get: op('get', `Read a ${name}`, 'If-None-Match with the current ETag answers 304.'),
    replace: op('replace', `Replace a ${name} (RFC 7644 §3.5.1)`),
    patch: op(
      'patch',
      `Modify a ${name} with PATCH operations (RFC 7644 §3.5.2)`,
      definition.patchAnswer === 'resource'
        ? `All operations apply in one transaction, or none do. Answers 200 with the ${name}.`
        : 'All operations apply in one transaction, or none do. Answers 204 with the new ETag; with ' +
            `attributes or excludedAttributes it answers 200 with the ${name} so projected.`,
    ),
    remove: op('remove', `Delete a ${name}`),
  };
}

/**
 * The routes of a resource type at `scim/v2/:tenantId{endpoint}` (RFC 7644 §3): create, list, search,
 * read (If-None-Match → 304), replace, PATCH and delete (If-Match → 412), every answer streamed
 * through one writer. HTTP only: each route calls its type's handler once.
 */
export function scimResourceController(definition: ResourceDefinition): Type<unknown> {
  const ref = scimSchemaRef(definition.name);
  const docs = operations(definition);
  const noContentPatch = definition.patchAnswer === 'noContent';
  const listRef = scimSchemaRef(`${definition.name}ListResponse`);
  const body = definition.example
    ? { schema: ref, examples: { example: definition.example } }
    : { schema: ref };

  @ScimTenantRoutes(`SCIM: ${definition.endpoint.replace(/^\//, '')}`)
  @ScimApi()
  @TenantScoped()
  @Controller(`scim/v2/:tenantId${definition.endpoint}`)
  class ScimResourceController {
    constructor(@Inject(resourceHandlerToken(definition.name)) readonly handler: ScimResourceHandler) {}

    @Post()
    @docs.create
    @ApiBody(body)
    @ApiResponse({ status: 201, schema: ref })
    @ScimErrors(409)
    @ScimProjectionQueries()
    async create(
      @AuthenticatedTenant() tenantId: string,
      @Body() body: unknown,
      @Query() query: RawListQuery,
      @Res() res: Response,
    ): Promise<void> {
      await send(res, 201, await this.handler.create(tenantId, body, parseProjection(query)), true);
    }

    @Get()
    @docs.list
    @ApiResponse({ status: 200, schema: listRef })
    @ScimListQueries()
    async list(
      @AuthenticatedTenant() tenantId: string,
      @Query() query: RawListQuery,
      @Res() res: Response,
    ): Promise<void> {
      await sendScimStream(res, 200, await this.handler.list(tenantId, parseListQuery(query)));
    }

    @Post('.search')
    @HttpCode(200)
    @docs.search
    @ApiBody({ schema: scimSchemaRef('SearchRequest') })
    @ApiResponse({ status: 200, schema: listRef })
    async search(
      @AuthenticatedTenant() tenantId: string,
      @Body() body: unknown,
      @Res() res: Response,
    ): Promise<void> {
      const query = parseListQuery(readSearchRequest(body));
      await sendScimStream(res, 200, await this.handler.list(tenantId, query));
    }

    @Get(':id')
    @docs.get
    @ApiResponse({ status: 200, schema: ref })
    @ApiResponse({ status: 304, description: 'Not modified: If-None-Match names the current version' })
    @ScimErrors(404)
    @ScimProjectionQueries()
    async get(
      @AuthenticatedTenant() tenantId: string,
      @Param('id') id: string,
      @Query() query: RawListQuery,
      @Headers('if-none-match') ifNoneMatch: string | undefined,
      @Res() res: Response,
    ): Promise<void> {
      const result = await this.handler.get(tenantId, id, parseProjection(query));
      if (notModified(ifNoneMatch, result.version)) {
        res.status(304).setHeader('ETag', etagOf(result.version));
        res.end();
        return;
      }
      await send(res, 200, result);
    }

    @Put(':id')
    @docs.replace
    @ApiBody(body)
    @ApiResponse({ status: 200, schema: ref })
    @ScimErrors(404, 409, 412)
    @ScimProjectionQueries()
    async replace(
      @AuthenticatedTenant() tenantId: string,
      @Param('id') id: string,
      @Body() body: unknown,
      @Query() query: RawListQuery,
      @Headers('if-match') ifMatch: string | undefined,
      @Res() res: Response,
    ): Promise<void> {
      const projection = parseProjection(query);
      await send(res, 200, await this.handler.replace(tenantId, id, body, ifMatch, projection));
    }

    @Patch(':id')
    @docs.patch
    @ApiBody({ schema: scimSchemaRef('PatchOp') })
    @(noContentPatch ? ApiResponse({ status: 204, description: 'Applied' }) : () => undefined)
    @ApiResponse({ status: 200, schema: ref })
    @ScimErrors(404, 409, 412)
    @ScimProjectionQueries()
    async patch(
      @AuthenticatedTenant() tenantId: string,
      @Param('id') id: string,
      @Body() body: unknown,
      @Query() query: RawListQuery,
      @Headers('if-match') ifMatch: string | undefined,
      @Res() res: Response,
    ): Promise<void> {
      const projection = parseProjection(query);
      const projected = projection.attributes.length + projection.excludedAttributes.length > 0;
      const wanted = noContentPatch && !projected ? null : projection;
      await send(res, 200, await this.handler.patch(tenantId, id, body, ifMatch, wanted));
    }

    @Delete(':id')
    @HttpCode(204)
    @docs.remove
    @ApiResponse({ status: 204, description: 'Deleted' })
    @ScimErrors(404, 412)
    remove(
      @AuthenticatedTenant() tenantId: string,
      @Param('id') id: string,
      @Headers('if-match') ifMatch: string | undefined,
    ): Promise<void> {
      return this.handler.remove(tenantId, id, ifMatch);
    }
  }
  // Named per type (`UsersController`), which the OpenAPI operation ids are made of.
  Object.defineProperty(ScimResourceController, 'name', {
    value: `${definition.endpoint.replace(/^\//, '')}Controller`,
  });
  return ScimResourceController;
}
