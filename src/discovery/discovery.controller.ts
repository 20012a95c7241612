import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ScimApi, ScimErrors } from '../openapi/api-responses';
import { scimSchemaRef } from '../openapi/scim-openapi';
import { AuthenticatedTenant, TenantScoped } from '../auth/auth.decorators';
import { DiscoveryService } from './discovery.service';

/** Read-only: any other method answers 405 (the exception filter's route table). */
@ApiTags('SCIM: discovery')
@ApiBearerAuth('tenant')
@ScimApi()
@ScimErrors(405)
@ApiParam({ name: 'tenantId', format: 'uuid' })
@TenantScoped()
@Controller('scim/v2/:tenantId')
export class DiscoveryController {
  constructor(private readonly discovery: DiscoveryService) {}

  @Get('ServiceProviderConfig')
  @ApiOperation({ summary: 'What this SCIM service supports (RFC 7644 §4)' })
  @ApiResponse({ status: 200, schema: scimSchemaRef('ServiceProviderConfig') })
  serviceProviderConfig(@AuthenticatedTenant() tenantId: string) {
    return this.discovery.serviceProviderConfig(tenantId);
  }

  @Get('Schemas')
  @ApiOperation({ summary: 'Every schema, with every attribute and its characteristics' })
  @ApiResponse({ status: 200, schema: scimSchemaRef('SchemaListResponse') })
  schemas(@AuthenticatedTenant() tenantId: string) {
    return this.discovery.schemas(tenantId);
  }

  @Get('Schemas/:schemaId')
  @ApiOperation({ summary: 'One schema by its URN' })
  @ApiResponse({ status: 200, schema: scimSchemaRef('Schema') })
  @ScimErrors(404)
  schema(@AuthenticatedTenant() tenantId: string, @Param('schemaId') schemaId: string) {
    return this.discovery.schemaResource(tenantId, schemaId);
  }

  @Get('ResourceTypes')
  @ApiOperation({ summary: 'The resource types (User, Group) and their schema extensions' })
  @ApiResponse({ status: 200, schema: scimSchemaRef('ResourceTypeListResponse') })
  resourceTypes(@AuthenticatedTenant() tenantId: string) {
    return this.discovery.resourceTypes(tenantId);
  }

  @Get('ResourceTypes/:name')
  @ApiOperation({ summary: 'One resource type by name' })
  @ApiResponse({ status: 200, schema: scimSchemaRef('ResourceType') })
  @ScimErrors(404)
  resourceType(@AuthenticatedTenant() tenantId: string, @Param('name') name: string) {
    return this.discovery.resourceType(tenantId, name);
  }
}
