import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminApi, AdminErrors } from '../openapi/api-responses';
import { AdminOnly } from '../auth/auth.decorators';
import { CreatePortalLinkDto, PortalLinkDto } from './dto/portal-link.dto';
import { PortalAccessService } from './portal-access.service';

@ApiTags('Admin: tenant portal')
@ApiBearerAuth('admin')
@AdminApi()
@AdminErrors(404)
@AdminOnly()
@Controller('admin/tenants/:tenantId/portal-links')
export class PortalLinksController {
  constructor(private readonly access: PortalAccessService) {}

  @Post()
  @ApiOperation({
    summary: "Make a single-use link to the tenant's admin portal",
    description:
      "For your product's “Configure SCIM” button: the link opens the tenant's portal (setup, tokens, " +
      'seats, people, activity) for that tenant alone. It works once, within ttlSeconds; the session it ' +
      'opens lasts PORTAL_SESSION_HOURS.',
  })
  @ApiBody({
    type: CreatePortalLinkDto,
    examples: { fiveMinutes: { summary: 'A link that works for five minutes', value: { ttlSeconds: 300 } } },
  })
  @ApiCreatedResponse({ type: PortalLinkDto })
  create(@Param('tenantId') tenantId: string, @Body() body: CreatePortalLinkDto): Promise<PortalLinkDto> {
    return this.access.createLink(tenantId, body);
  }
}
