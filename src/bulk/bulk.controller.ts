import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { TenantScoped } from '../auth/auth.decorators';
import { ScimApi } from '../openapi/api-responses';
import { scimSchemaRef, ScimTenantRoutes } from '../openapi/scim-openapi';
import { JsonBodyLimitOf } from '../pipeline/json-body';
import { BulkResponse } from './bulk-job';
import { BulkService } from './bulk.service';

@ScimTenantRoutes('SCIM: Bulk')
@ScimApi()
@TenantScoped()
@Controller('scim/v2/:tenantId/Bulk')
export class BulkController {
  constructor(private readonly bulk: BulkService) {}

  @Post()
  @HttpCode(200)
  @JsonBodyLimitOf((config) => ({
    bytes: config.bulk.maxPayloadSize,
    tooLarge: `The Bulk request exceeds maxPayloadSize (${config.bulk.maxPayloadSize} bytes)`,
  }))
  @ApiOperation({
    summary: 'Run many operations in one request (RFC 7644 §3.7)',
    description:
      'POST, PUT, PATCH and DELETE on every resource type (/Users, /Groups), each in its own transaction with its events ' +
      'and seat effects, as if sent alone; `version` is its If-Match. Operations run in request order, ' +
      'except that one naming "bulkId:…" waits for the POST that creates it; references that go round ' +
      'in a circle fail with 409. After failOnErrors errors the rest are not run and not reported. ' +
      'More operations than maxOperations or a body over maxPayloadSize (ServiceProviderConfig): 413. ' +
      'The request counts against the rate limit as its number of operations.',
  })
  @ApiBody({ schema: scimSchemaRef('BulkRequest') })
  @ApiResponse({ status: 200, schema: scimSchemaRef('BulkResponse') })
  async run(
    @Req() req: Request,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BulkResponse> {
    const { response, operations } = await this.bulk.process(this.tenantOf(req), body, req.id);
    res.locals.carriedOperations = operations;
    return response;
  }

  private tenantOf(req: Request) {
    const auth = req.auth;
    if (!auth?.ok) throw new Error('Bulk reached without an authenticated tenant');
    return auth;
  }
}
