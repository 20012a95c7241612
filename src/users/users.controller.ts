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
import { readSearchRequest, withResourceHeaders } from '../scim/http/scim-response';
import { parseListQuery, parseProjection, RawListQuery } from '../scim/query/list-query';
import { ScimObject } from '../scim/resource/attribute-values';
import { notModified } from '../scim/resource/versioning';
import { ScimApi, ScimErrors } from '../openapi/api-responses';
import {
  OKTA_USER_EXAMPLE,
  SCIM_LIST_QUERIES,
  SCIM_PROJECTION_QUERIES,
  scimSchemaRef,
} from '../openapi/scim-openapi';
import { UsersService } from './users.service';

@ApiTags('SCIM: Users')
@ApiBearerAuth('tenant')
@ScimApi()
@ApiParam({ name: 'tenantId', format: 'uuid', description: "The tenant's id, as in its scimBaseUrl" })
@TenantScoped()
@Controller('scim/v2/:tenantId/Users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a User (RFC 7644 §3.3)',
    description: 'userName must be unique in the tenant, whatever its case (409 uniqueness).',
  })
  @ApiBody({ schema: scimSchemaRef('User'), examples: { okta: OKTA_USER_EXAMPLE } })
  @ApiResponse({ status: 201, schema: scimSchemaRef('User') })
  @ScimErrors(409)
  @ApiQuery(SCIM_PROJECTION_QUERIES[0])
  @ApiQuery(SCIM_PROJECTION_QUERIES[1])
  async create(
    @AuthenticatedTenant() tenantId: string,
    @Body() body: unknown,
    @Query() query: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ScimObject> {
    return withResourceHeaders(res, await this.users.create(tenantId, body, parseProjection(query)), true);
  }

  @Get()
  @ApiOperation({ summary: 'List or filter Users (RFC 7644 §3.4.2)' })
  @ApiResponse({ status: 200, schema: scimSchemaRef('UserListResponse') })
  @SCIM_LIST_QUERIES
  list(@AuthenticatedTenant() tenantId: string, @Query() query: RawListQuery) {
    return this.users.list(tenantId, parseListQuery(query));
  }

  @Post('.search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search Users with a SearchRequest body (RFC 7644 §3.4.3)' })
  @ApiBody({ schema: scimSchemaRef('SearchRequest') })
  @ApiResponse({ status: 200, schema: scimSchemaRef('UserListResponse') })
  search(@AuthenticatedTenant() tenantId: string, @Body() body: unknown) {
    return this.users.list(tenantId, parseListQuery(readSearchRequest(body)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a User', description: 'If-None-Match with the current ETag answers 304.' })
  @ApiResponse({ status: 200, schema: scimSchemaRef('User') })
  @ApiResponse({ status: 304, description: 'Not modified: If-None-Match names the current version' })
  @ScimErrors(404)
  @ApiQuery(SCIM_PROJECTION_QUERIES[0])
  @ApiQuery(SCIM_PROJECTION_QUERIES[1])
  async get(
    @AuthenticatedTenant() tenantId: string,
    @Param('id') id: string,
    @Query() query: RawListQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ScimObject | undefined> {
    const result = await this.users.get(tenantId, id, parseProjection(query));
    if (notModified(ifNoneMatch, result.version)) {
      res.status(304);
      return undefined;
    }
    return withResourceHeaders(res, result);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a User (RFC 7644 §3.5.1)',
    description: 'Attributes left out are cleared; id, meta and groups are ignored.',
  })
  @ApiBody({ schema: scimSchemaRef('User'), examples: { okta: OKTA_USER_EXAMPLE } })
  @ApiResponse({ status: 200, schema: scimSchemaRef('User') })
  @ScimErrors(404, 409, 412)
  async replace(
    @AuthenticatedTenant() tenantId: string,
    @Param('id') id: string,
    @Body() body: unknown,
    @Query() query: RawListQuery,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ScimObject> {
    return withResourceHeaders(
      res,
      await this.users.replace(tenantId, id, body, ifMatch, parseProjection(query)),
    );
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Modify a User with PATCH operations (RFC 7644 §3.5.2)',
    description: 'All operations apply in one transaction, or none do. Answers 200 with the User.',
  })
  @ApiBody({ schema: scimSchemaRef('PatchOp') })
  @ApiResponse({ status: 200, schema: scimSchemaRef('User') })
  @ScimErrors(404, 409, 412)
  async patch(
    @AuthenticatedTenant() tenantId: string,
    @Param('id') id: string,
    @Body() body: unknown,
    @Query() query: RawListQuery,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ScimObject> {
    return withResourceHeaders(
      res,
      await this.users.patch(tenantId, id, body, ifMatch, parseProjection(query)),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a User and its group memberships' })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ScimErrors(404, 412)
  remove(
    @AuthenticatedTenant() tenantId: string,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    return this.users.remove(tenantId, id, ifMatch);
  }
}
