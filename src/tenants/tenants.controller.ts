import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '../auth/auth.decorators';
import { AdminPageQuery } from '../common/admin-page.query';
import { AdminApi, AdminErrors } from '../openapi/api-responses';
import {
  CreateTenantDto,
  TenantDto,
  TenantListQuery,
  TenantPageDto,
  UpdateTenantDto,
} from './dto/tenant.dto';
import { CreatedTokenDto, CreateTokenDto, TokenPageDto } from './dto/token.dto';
import { TenantTokensService } from './tenant-tokens.service';
import { TenantsService } from './tenants.service';
import { RetryReads } from '../database/read-retry.interceptor';

@ApiTags('Admin: tenants')
@ApiBearerAuth('admin')
@AdminApi()
@AdminOnly()
@RetryReads()
@Controller('admin/tenants')
export class TenantsController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly tokens: TenantTokensService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a tenant', description: 'Its scimBaseUrl is what the IdP is given.' })
  @ApiBody({
    type: CreateTenantDto,
    examples: {
      tenant: { summary: 'A customer on a 50-seat plan', value: { name: 'Acme', seatLimit: 50 } },
    },
  })
  @ApiCreatedResponse({ type: TenantDto })
  @AdminErrors(409)
  create(@Body() body: CreateTenantDto): Promise<TenantDto> {
    return this.tenants.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List tenants, oldest first, a page at a time; or find one by externalId' })
  @ApiOkResponse({ type: TenantPageDto })
  list(@Query() query: TenantListQuery): Promise<TenantPageDto> {
    return this.tenants.list(query.limit, query.cursor, query.externalId);
  }

  @Get(':tenantId')
  @ApiOperation({ summary: 'Read a tenant' })
  @ApiOkResponse({ type: TenantDto })
  @AdminErrors(404)
  get(@Param('tenantId') tenantId: string): Promise<TenantDto> {
    return this.tenants.get(tenantId);
  }

  @Patch(':tenantId')
  @ApiOperation({
    summary:
      'Rename a tenant, link it (externalId), change its seat limit, enable/disable it, or switch its SCIM provisioning',
  })
  @ApiOkResponse({ type: TenantDto })
  @AdminErrors(404, 409)
  update(@Param('tenantId') tenantId: string, @Body() body: UpdateTenantDto): Promise<TenantDto> {
    return this.tenants.update(tenantId, body);
  }

  @Delete(':tenantId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a tenant and everything it owns, in one transaction' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @AdminErrors(404)
  remove(@Param('tenantId') tenantId: string): Promise<void> {
    return this.tenants.remove(tenantId);
  }

  @Post(':tenantId/tokens')
  @ApiOperation({
    summary: 'Issue a SCIM bearer token',
    description:
      'The token is in this response only; Rollcall keeps just its SHA-256 hash. The answer also ' +
      'carries the scimBaseUrl: both are what the identity provider is given.',
  })
  @ApiBody({
    type: CreateTokenDto,
    examples: { okta: { summary: 'A token for Okta that never expires', value: { description: 'Okta' } } },
  })
  @ApiCreatedResponse({ type: CreatedTokenDto })
  @AdminErrors(404)
  issueToken(@Param('tenantId') tenantId: string, @Body() body: CreateTokenDto): Promise<CreatedTokenDto> {
    return this.tokens.issue(tenantId, body);
  }

  @Get(':tenantId/tokens')
  @ApiOperation({ summary: "List a tenant's tokens (prefix and last use, never the secret)" })
  @ApiOkResponse({ type: TokenPageDto })
  @AdminErrors(404)
  listTokens(@Param('tenantId') tenantId: string, @Query() query: AdminPageQuery): Promise<TokenPageDto> {
    return this.tokens.list(tenantId, query.limit, query.cursor);
  }

  @Delete(':tenantId/tokens/:tokenId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token; it stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @AdminErrors(404)
  async revokeToken(@Param('tenantId') tenantId: string, @Param('tokenId') tokenId: string): Promise<void> {
    await this.tokens.revoke(tenantId, tokenId);
  }
}
