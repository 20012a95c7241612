import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/auth.decorators';
import { CreatePortalLinkDto, PortalLinkDto } from './dto/portal-link.dto';
import { PortalAccessService } from './portal-access.service';

@ApiTags('Admin: tenant portal')
@ApiBearerAuth('admin')
@AdminOnly()
@Controller('admin/tenants/:id/portal-links')
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
  @ApiCreatedResponse({ type: PortalLinkDto })
  create(@Param('id') id: string, @Body() body: CreatePortalLinkDto): Promise<PortalLinkDto> {
    return this.access.createLink(id, body);
  }
}
