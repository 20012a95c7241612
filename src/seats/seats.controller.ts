import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminApi, AdminErrors } from '../openapi/api-responses';
import { AdminOnly } from '../auth/auth.decorators';
import { AdminPageQuery } from '../common/admin-page.query';
import { SeatDto, SeatHistoryPageDto, SeatsOverviewDto, UpdateSeatDto } from './dto/seat.dto';
import { SeatsService } from './seats.service';
import { RetryReads } from '../database/read-retry.interceptor';

@ApiTags('Admin: seats')
@ApiBearerAuth('admin')
@AdminApi()
@AdminErrors(404)
@AdminOnly()
@RetryReads()
@Controller('admin/tenants/:tenantId/seats')
export class SeatsController {
  constructor(private readonly seats: SeatsService) {}

  @Get()
  @ApiOperation({
    summary: "A tenant's seat usage and a page of its seats",
    description: 'used counts active users; overAllocated says the limit was lowered below it.',
  })
  @ApiOkResponse({ type: SeatsOverviewDto })
  overview(@Param('tenantId') tenantId: string, @Query() query: AdminPageQuery): Promise<SeatsOverviewDto> {
    return this.seats.overview(tenantId, query.limit, query.cursor);
  }

  @Get('history')
  @ApiOperation({ summary: 'Every seat assignment and release, in order, for billing' })
  @ApiOkResponse({ type: SeatHistoryPageDto })
  history(@Param('tenantId') tenantId: string, @Query() query: AdminPageQuery): Promise<SeatHistoryPageDto> {
    return this.seats.history(tenantId, query.limit, query.cursor);
  }

  @Patch(':userId')
  @ApiOperation({ summary: "Change one seat's quota" })
  @ApiOkResponse({ type: SeatDto })
  update(
    @Param('tenantId') tenantId: string,
    @Param('userId') userId: string,
    @Body() body: UpdateSeatDto,
  ): Promise<SeatDto> {
    return this.seats.setQuota(tenantId, userId, body.quota);
  }

  @Post(':userId/claim')
  @HttpCode(200)
  @ApiOperation({
    summary: "Report the user's first sign-in: the seat becomes claimed",
    description: 'Claiming a claimed seat changes nothing; a released seat cannot be claimed (409).',
  })
  @ApiOkResponse({ type: SeatDto })
  @AdminErrors(409)
  claim(@Param('tenantId') tenantId: string, @Param('userId') userId: string): Promise<SeatDto> {
    return this.seats.claim(tenantId, userId);
  }
}
