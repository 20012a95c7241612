import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ActivityService } from '../activity/activity.service';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RecentActivity } from './pages/activity-pages';
import { Brand, sendPage } from './pages/layout';
import { GroupsPage, PeoplePage, PersonPage } from './pages/people-pages';
import { PortalDirectoryService } from './portal-directory.service';
import { PortalExceptionFilter } from './portal-exception.filter';
import { PortalSessionGuard } from './portal-session.guard';
import { PortalSettingsService } from './portal-settings.service';
import { RetryReads } from '../database/read-retry.interceptor';

/** Requests shown on a person's page. */
const RECENT_ACTIVITY = 10;

/** `?page=` as a page number from 1; anything else is the first page. */
function pageNumber(raw: unknown): number {
  const page = typeof raw === 'string' && /^\d{1,5}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, page);
}

function searchText(raw: unknown): string {
  return typeof raw === 'string' ? raw : '';
}

/** People and groups, as the IdP provisioned them. Read-only: the IdP is where they change. */
@ApiExcludeController()
@Public()
@UseGuards(PortalSessionGuard)
@UseFilters(PortalExceptionFilter)
@RetryReads()
@Controller('portal')
export class PortalDirectoryController {
  private readonly brand: Brand;

  constructor(
    private readonly directory: PortalDirectoryService,
    private readonly activity: ActivityService,
    private readonly settings: PortalSettingsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.brand = { productName: config.portal.productName };
  }

  @Get('users')
  async people(
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const session = req.portal!;
    const search = searchText(query.q);
    const [nav, list] = await Promise.all([
      this.settings.nav(session, 'users'),
      this.directory.people(session, search, pageNumber(query.page)),
    ]);
    sendPage(res, <PeoplePage brand={this.brand} nav={nav} list={list} search={search} />);
  }

  @Get('users/:userId')
  async person(@Req() req: Request, @Res() res: Response, @Param('userId') userId: string): Promise<void> {
    const session = req.portal!;
    const [nav, user] = await Promise.all([
      this.settings.nav(session, 'users'),
      this.directory.person(session, userId),
    ]);
    const recent = await this.activity.list(session.tenantId, {
      limit: RECENT_ACTIVITY,
      resourceId: String(user.id),
    });
    sendPage(
      res,
      <PersonPage brand={this.brand} nav={nav} user={user} activity={<RecentActivity page={recent} />} />,
    );
  }

  @Get('groups')
  async groups(
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const session = req.portal!;
    const search = searchText(query.q);
    const [nav, list] = await Promise.all([
      this.settings.nav(session, 'groups'),
      this.directory.groupList(session, search, pageNumber(query.page)),
    ]);
    sendPage(res, <GroupsPage brand={this.brand} nav={nav} list={list} search={search} />);
  }
}
