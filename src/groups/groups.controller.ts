import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedTenant, TenantScoped } from '../auth/auth.decorators';
import { ScimApi, ScimErrors } from '../openapi/api-responses';
import { SCIM_LIST_QUERIES, SCIM_PROJECTION_QUERIES, scimSchemaRef } from '../openapi/scim-openapi';
import { sendScimStream } from '../scim/http/scim-json-stream';
import { readSearchRequest } from '../scim/http/scim-response';
import { parseListQuery, parseProjection, RawListQuery } from '../scim/query/list-query';
import { etagOf, notModified } from '../scim/resource/versioning';
import { GroupResult, GroupsService } from './groups.service';

/** Group responses are streamed: a group's members are written as they are read, never held whole. */
function send(res: Response, status: number, result: GroupResult, created = false): Promise<void> {
  const headers: Record<string, string> = { ETag: etagOf(result.version) };
  if (created) headers.Location = result.location;
  return sendScimStream(res, status, result.body, headers);
}

@ApiTags('SCIM: Groups')
@ApiBearerAuth('tenant')
@ScimApi()
@ApiParam({ name: 'tenantId', format: 'uuid', description: "The tenant's id, as in its scimBaseUrl" })
@TenantScoped()
@Controller('scim/v2/:tenantId/Groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a Group (RFC 7644 §3.3)',
    description:
      'displayName must be unique in the tenant, whatever its case (409 uniqueness). Members must be ' +
      'Users or Groups of the same tenant (400 invalidValue otherwise).',
  })
  @ApiBody({ schema: scimSchemaRef('Group') })
  @ApiResponse({ status: 201, schema: scimSchemaRef('Group') })
  @ScimErrors(409)
  @ApiQuery(SCIM_PROJECTION_QUERIES[0])
  @ApiQuery(SCIM_PROJECTION_QUERIES[1])
  async create(
    @AuthenticatedTenant() tenantId: string,
    @Body() body: unknown,
    @Query() query: RawListQuery,
    @Res() res: Response,
  ): Promise<void> {
    await send(res, 201, await this.groups.create(tenantId, body, parseProjection(query)), true);
  }

  @Get()
  @ApiOperation({
    summary: 'List or filter Groups (RFC 7644 §3.4.2)',
    description:
      'Filters include members[value eq "…"] and members.value eq "…". With excludedAttributes=members ' +
      'the membership is not read at all.',
  })
  @ApiResponse({ status: 200, schema: scimSchemaRef('GroupListResponse') })
  @SCIM_LIST_QUERIES
  async list(
    @AuthenticatedTenant() tenantId: string,
    @Query() query: RawListQuery,
    @Res() res: Response,
  ): Promise<void> {
    await sendScimStream(res, 200, await this.groups.list(tenantId, parseListQuery(query)));
  }

  @Post('.search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search Groups with a SearchRequest body (RFC 7644 §3.4.3)' })
  @ApiBody({ schema: scimSchemaRef('SearchRequest') })
  @ApiResponse({ status: 200, schema: scimSchemaRef('GroupListResponse') })
  async search(
    @AuthenticatedTenant() tenantId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await sendScimStream(res, 200, await this.groups.list(tenantId, parseListQuery(readSearchRequest(body))));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read a Group',
    description: 'Members are streamed; If-None-Match with the current ETag answers 304.',
  })
  @ApiResponse({ status: 200, schema: scimSchemaRef('Group') })
  @ApiResponse({ status: 304, description: 'Not modified: If-None-Match names the current version' })
  @ScimErrors(404)
  @ApiQuery(SCIM_PROJECTION_QUERIES[0])
  @ApiQuery(SCIM_PROJECTION_QUERIES[1])
  async get(
    @AuthenticatedTenant() tenantId: string,
    @Param('id') id: string,
    @Query() query: RawListQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.groups.get(tenantId, id, parseProjection(query));
    if (notModified(ifNoneMatch, result.version)) {
      res.status(304).setHeader('ETag', etagOf(result.version));
      res.end();
      return;
    }
    await send(res, 200, result);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a Group (RFC 7644 §3.5.1)',
    description: 'displayName, externalId and the whole member list are replaced.',
  })
  @ApiBody({ schema: scimSchemaRef('Group') })
  @ApiResponse({ status: 200, schema: scimSchemaRef('Group') })
  @ScimErrors(404, 409, 412)
  async replace(
    @AuthenticatedTenant() tenantId: string,
    @Param('id') id: string,
    @Body() body: unknown,
    @Query() query: RawListQuery,
    @Headers('if-match') ifMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await send(res, 200, await this.groups.replace(tenantId, id, body, ifMatch, parseProjection(query)));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Modify a Group with PATCH operations (RFC 7644 §3.5.2)',
    description:
      'All operations apply in one transaction, or none do. Adding a member already there or removing ' +
      'one that is not is no error. Answers 204 with the new ETag, so that a change to a large group ' +
      'never sends its whole membership back; with attributes or excludedAttributes it answers 200 ' +
      'with the Group so projected.',
  })
  @ApiBody({ schema: scimSchemaRef('PatchOp') })
  @ApiResponse({ status: 204, description: 'Applied' })
  @ApiResponse({ status: 200, schema: scimSchemaRef('Group') })
  @ScimErrors(404, 409, 412)
  @ApiQuery(SCIM_PROJECTION_QUERIES[0])
  @ApiQuery(SCIM_PROJECTION_QUERIES[1])
  async patch(
    @AuthenticatedTenant() tenantId: string,
    @Param('id') id: string,
    @Body() body: unknown,
    @Query() query: RawListQuery,
    @Headers('if-match') ifMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const projection = parseProjection(query);
    const wantsBody = projection.attributes.length + projection.excludedAttributes.length > 0;
    const result = await this.groups.patch(tenantId, id, body, ifMatch, wantsBody ? projection : null);
    if (result.body) await send(res, 200, { ...result, body: result.body });
    else res.status(204).setHeader('ETag', etagOf(result.version)).end();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a Group, its memberships and its place in parent groups' })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ScimErrors(404, 412)
  remove(
    @AuthenticatedTenant() tenantId: string,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    return this.groups.remove(tenantId, id, ifMatch);
  }
}
