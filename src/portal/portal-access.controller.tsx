import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Controller,
  Get,
  Header,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FormBody } from '../pipeline/form-body';
import { ContinuePage, SignedOutPage, UnusableLinkPage } from './pages/access-pages';
import { sendPage } from './pages/layout';
import { PortalAccessService } from './portal-access.service';
import { LINK_COOKIE, PortalCookies, SESSION_COOKIE } from './portal-cookies';
import { PortalCsrfInterceptor } from './portal-csrf.interceptor';
import { PortalExceptionFilter } from './portal-exception.filter';
import { csrfTokenOf } from './portal-session';
import { PortalSessionGuard } from './portal-session.guard';
import { themeCss } from './portal-theme';
import { LinkThrottleGuard } from './link-throttle.guard';
import { RetryReads } from '../database/read-retry.interceptor';

const asset = (name: string) => readFileSync(join(__dirname, 'assets', name), 'utf8');

/** Links in, sessions out, and the portal's static files. */
@ApiExcludeController()
@Public()
@UseFilters(PortalExceptionFilter)
@UseInterceptors(PortalCsrfInterceptor)
@RetryReads()
@Controller('portal')
export class PortalAccessController {
  private readonly css = asset('portal.css');
  private readonly js = asset('portal.js');
  private readonly theme: string;
  private readonly brand: { productName: string };

  constructor(
    private readonly access: PortalAccessService,
    private readonly cookies: PortalCookies,
    private readonly throttle: LinkThrottleGuard,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.theme = themeCss(config.portal.accentColor);
    this.brand = { productName: config.portal.productName };
  }

  @Get()
  root(@Res() res: Response): void {
    res.redirect(303, '/portal/setup');
  }

  /** A link's page: Continue, or why the link cannot be used. Opening it uses nothing up. */
  @Get('link/:code')
  @UseGuards(LinkThrottleGuard)
  async linkPage(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const status = await this.access.linkStatus(code);
    if (status !== 'ready') {
      if (status === 'unknown') this.throttle.recordFailure(req);
      sendPage(
        res,
        <UnusableLinkPage brand={this.brand} status={status} />,
        status === 'unknown' ? 404 : 410,
      );
      return;
    }
    const secret = this.cookies.read(req, LINK_COOKIE) ?? randomBytes(32).toString('base64url');
    this.cookies.setLinkCookie(res, secret);
    const action = `/portal/link/${encodeURIComponent(code)}`;
    sendPage(res, <ContinuePage brand={this.brand} action={action} csrfToken={csrfTokenOf(secret)} />);
  }

  /** Continue: uses the link up, opens the session (cookie) and goes to a page without the code. */
  @Post('link/:code')
  @UseGuards(LinkThrottleGuard)
  @FormBody()
  async redeem(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const redeemed = await this.access.redeem(code);
    if (!redeemed) {
      this.throttle.recordFailure(req);
      const status = await this.access.linkStatus(code);
      const shown = status === 'ready' ? 'unknown' : status;
      sendPage(res, <UnusableLinkPage brand={this.brand} status={shown} />, shown === 'unknown' ? 404 : 410);
      return;
    }
    this.cookies.clear(res, LINK_COOKIE);
    const seconds = (redeemed.session.expiresAt.getTime() - Date.now()) / 1000;
    this.cookies.set(res, SESSION_COOKIE, redeemed.secret, seconds);
    res.redirect(303, '/portal/setup');
  }

  @Post('sign-out')
  @FormBody()
  @UseGuards(PortalSessionGuard)
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    const session = req.portal!;
    await this.access.signOut(session);
    this.cookies.clear(res, SESSION_COOKIE);
    sendPage(res, <SignedOutPage brand={this.brand} returnUrl={session.returnUrl} ended={false} />);
  }

  @Get('assets/portal.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  styles(): string {
    return this.css;
  }

  @Get('assets/theme.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  themeStyles(): string {
    return this.theme;
  }

  @Get('assets/portal.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  script(): string {
    return this.js;
  }
}
