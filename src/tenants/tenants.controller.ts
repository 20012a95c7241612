import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/auth.decorators';
import { AdminPageQuery } from '../common/admin-page.query';
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

@ApiTags('Admin: tenants')
@ApiBearerAuth('admin')
@AdminOnly()
@Controller('admin/tenants')
export class TenantsController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly tokens: TenantTokensService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a tenant', description: 'Its scimBaseUrl is what the IdP is given.' })
  create(@Body() body: CreateTenantDto): Promise<TenantDto> {
    return this.tenants.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List tenants, oldest first, a page at a time' })
  @ApiOkResponse({ type: TenantPageDto })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  list(@Query() query: TenantListQuery): Promise<TenantPageDto> {
    return this.tenants.list(query.limit, query.cursor, query.externalId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a tenant' })
  get(@Param('id') id: string): Promise<TenantDto> {
    return this.tenants.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename a tenant, change its seat limit, enable/disable it, or switch its SCIM provisioning',
  })
  update(@Param('id') id: string, @Body() body: UpdateTenantDto): Promise<TenantDto> {
    return this.tenants.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a tenant and everything it owns, in one transaction' })
  remove(@Param('id') id: string): Promise<void> {
    return this.tenants.remove(id);
  }

  @Post(':id/tokens')
  @ApiOperation({
    summary: 'Issue a SCIM bearer token',
    description: 'The token is in this response only; Rollcall keeps just its SHA-256 hash.',
  })
  issueToken(@Param('id') id: string, @Body() body: CreateTokenDto): Promise<CreatedTokenDto> {
    return this.tokens.issue(id, body);
  }

  @Get(':id/tokens')
  @ApiOperation({ summary: "List a tenant's tokens (prefix and last use, never the secret)" })
  @ApiOkResponse({ type: TokenPageDto })
  listTokens(@Param('id') id: string, @Query() query: AdminPageQuery): Promise<TokenPageDto> {
    return this.tokens.list(id, query.limit, query.cursor);
  }

  @Delete(':id/tokens/:tokenId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token; it stops working at once' })
  async revokeToken(@Param('id') id: string, @Param('tokenId') tokenId: string): Promise<void> {
    await this.tokens.revoke(id, tokenId);
  }
}
