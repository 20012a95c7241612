import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminApi, AdminErrors } from '../openapi/api-responses';
import { AdminOnly } from '../auth/auth.decorators';
import { ActivityService } from './activity.service';
import { ActivityEntryDetailDto, ActivityPageDto, ActivityQuery, ConnectionDto } from './dto/activity.dto';
import { RetryReads } from '../database/read-retry.interceptor';

@ApiTags('Admin: activity')
@ApiBearerAuth('admin')
@AdminApi()
@AdminErrors(404)
@AdminOnly()
@RetryReads()
@Controller('admin/tenants/:tenantId')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Get('activity')
  @ApiOperation({
    summary: "The tenant's SCIM requests, newest first, a page at a time",
    description:
      "Every request to the tenant's SCIM base URL, with its outcome and a hint for the common " +
      'failures. Unauthenticated requests and successful reads are counted per minute (aggregated). ' +
      'Bodies are left out here: read one entry for them.',
  })
  @ApiOkResponse({ type: ActivityPageDto })
  list(@Param('tenantId') tenantId: string, @Query() query: ActivityQuery): Promise<ActivityPageDto> {
    return this.activity.list(tenantId, query);
  }

  @Get('activity/:entryId')
  @ApiOperation({
    summary: 'One activity entry, with its redacted request and response bodies',
    description: 'Never a password, a token or a header other than User-Agent and Content-Type.',
  })
  @ApiOkResponse({ type: ActivityEntryDetailDto })
  get(
    @Param('tenantId') tenantId: string,
    @Param('entryId') entryId: string,
  ): Promise<ActivityEntryDetailDto> {
    return this.activity.get(tenantId, entryId);
  }

  @Get('connection')
  @ApiOperation({
    summary: "The tenant's connection health",
    description:
      'First and last request, last success and failure (with its hint), requests and error rate in ' +
      'the last hour and 24 hours, and the token used last.',
  })
  @ApiOkResponse({ type: ConnectionDto })
  connection(@Param('tenantId') tenantId: string): Promise<ConnectionDto> {
    return this.activity.connection(tenantId);
  }
}
