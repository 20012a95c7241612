import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedTenant, TenantScoped } from '../auth/auth.decorators';
import { ScimApi } from '../openapi/api-responses';
import { scimSchemaRef, ScimTenantRoutes } from '../openapi/scim-openapi';
import { sendScimStream } from '../scim/http/scim-json-stream';
import { readSearchRequest } from '../scim/http/scim-response';
import { parseListQuery } from '../scim/query/list-query';
import { RootSearchService } from './root-search.service';

@ScimTenantRoutes('SCIM: search')
@ScimApi()
@TenantScoped()
@Controller('scim/v2/:tenantId')
export class RootSearchController {
  constructor(private readonly search: RootSearchService) {}

  @Post('.search')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Search every resource type with a SearchRequest body (RFC 7644 §3.4.3)',
    description:
      'Users first, then Groups, paged as one list. A filter on attributes that only one type has ' +
      'matches nothing of the other; sortBy orders within each type.',
  })
  @ApiBody({ schema: scimSchemaRef('SearchRequest') })
  @ApiResponse({ status: 200, schema: scimSchemaRef('ListResponse') })
  async searchAll(
    @AuthenticatedTenant() tenantId: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await sendScimStream(
      res,
      200,
      await this.search.search(tenantId, parseListQuery(readSearchRequest(body))),
    );
  }
}
