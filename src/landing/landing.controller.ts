import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LandingDto } from './landing.dto';

/** `/`: what a person opening the server's address needs, rather than a SCIM 404. */
@ApiTags('Health')
@Public()
@Controller()
export class LandingController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({ summary: 'Where the API docs, the OpenAPI document and the health checks are' })
  @ApiOkResponse({ type: LandingDto })
  landing(): LandingDto {
    const base = this.config.publicUrl;
    return {
      name: 'Rollcall',
      description: 'Multi-tenant SCIM 2.0 provisioning server',
      docs: `${base}/docs`,
      openapi: `${base}/openapi.json`,
      health: `${base}/health/ready`,
      scim: `${base}/scim/v2/{tenantId}`,
    };
  }
}
