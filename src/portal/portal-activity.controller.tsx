import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ActivityService } from '../activity/activity.service';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ActivityEntryPage, ActivityPage } from './pages/activity-pages';
import { Brand, sendPage } from './pages/layout';
import { PortalExceptionFilter } from './portal-exception.filter';
import { PortalSessionGuard } from './portal-session.guard';
import { PortalSettingsService } from './portal-settings.service';
import { RetryReads } from '../database/read-retry.interceptor';

/** Entries listed on the activity page at a time. */
const ACTIVITY_PAGE = 50;

/** The tenant's SCIM requests from the activity log (read through its ActivityService), newest first. */
@ApiExcludeController()
@Public()
@UseGuards(PortalSessionGuard)
@UseFilters(PortalExceptionFilter)
@RetryReads()
@Controller('portal/activity')
export class PortalActivityController {
  private readonly brand: Brand;

  constructor(
    private readonly activity: ActivityService,
    private readonly settings: PortalSettingsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.brand = { productName: config.portal.productName };
  }

  @Get()
  async list(
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const session = req.portal!;
    const errorsOnly = query.errors === '1';
    const cursor = typeof query.cursor === 'string' ? query.cursor : undefined;
    const [nav, page] = await Promise.all([
      this.settings.nav(session, 'activity'),
      this.activity.list(session.tenantId, {
        limit: ACTIVITY_PAGE,
        cursor,
        outcome: errorsOnly ? 'error' : undefined,
      }),
    ]);
    sendPage(res, <ActivityPage brand={this.brand} nav={nav} page={page} errorsOnly={errorsOnly} />);
  }

  @Get(':entryId')
  async entry(@Req() req: Request, @Res() res: Response, @Param('entryId') entryId: string): Promise<void> {
    const session = req.portal!;
    const [nav, entry] = await Promise.all([
      this.settings.nav(session, 'activity'),
      this.activity.get(session.tenantId, entryId),
    ]);
    sendPage(res, <ActivityEntryPage brand={this.brand} nav={nav} entry={entry} />);
  }
}
