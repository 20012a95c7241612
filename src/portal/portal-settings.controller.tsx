import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ActivityService } from '../activity/activity.service';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FormBody } from '../pipeline/form-body';
import { AccountSizeForm, EmptyForm, GenerateTokenForm, ScimSwitchForm } from './dto/portal-forms.dto';
import { ConnectionStatus } from './pages/activity-pages';
import { idpGuide } from './idp-guides';
import { Brand, sendPage } from './pages/layout';
import { SeatsPage } from './pages/seats-page';
import { SetupPage } from './pages/setup-page';
import { RevokeTokenPage, TokenCreatedPage, TokensPage } from './pages/tokens-pages';
import { PortalCsrfInterceptor } from './portal-csrf.interceptor';
import { PortalExceptionFilter } from './portal-exception.filter';
import { PortalSessionGuard } from './portal-session.guard';
import { PortalSettingsService } from './portal-settings.service';
import { RetryReads } from '../database/read-retry.interceptor';

/** Setup, tokens and seats: the pages where the tenant's admin connects the IdP. */
@ApiExcludeController()
@Public()
@UseGuards(PortalSessionGuard)
@UseFilters(PortalExceptionFilter)
@UseInterceptors(PortalCsrfInterceptor)
@RetryReads()
@Controller('portal')
export class PortalSettingsController {
  private readonly brand: Brand;

  constructor(
    private readonly settings: PortalSettingsService,
    private readonly activity: ActivityService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.brand = { productName: config.portal.productName };
  }

  @Get('setup')
  async setup(
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const session = req.portal!;
    const [tenant, tokens, connection] = await Promise.all([
      this.settings.tenant(session),
      this.settings.listTokens(session),
      this.activity.connection(session.tenantId),
    ]);
    const switched = query.scim === 'on' || query.scim === 'off' ? query.scim : undefined;
    sendPage(
      res,
      <SetupPage
        brand={this.brand}
        nav={await this.settings.nav(session, 'setup', tenant)}
        tenantUrl={tenant.scimBaseUrl}
        guide={idpGuide(typeof query.idp === 'string' ? query.idp : undefined)}
        liveTokens={tokens.length}
        status={
          <ConnectionStatus
            tenant={tenant}
            connection={connection}
            csrfToken={session.csrfToken}
            switched={switched}
          />
        }
      />,
    );
  }

  @Post('setup/scim')
  @FormBody()
  async switchScim(@Req() req: Request, @Res() res: Response, @Body() form: ScimSwitchForm): Promise<void> {
    const tenant = await this.settings.setScimEnabled(req.portal!, form.enabled === 'true');
    res.redirect(303, `/portal/setup?scim=${tenant.scimEnabled ? 'on' : 'off'}`);
  }

  @Get('tokens')
  async tokens(@Req() req: Request, @Res() res: Response, @Query('revoked') revoked?: string): Promise<void> {
    const session = req.portal!;
    const [tenant, tokens] = await Promise.all([
      this.settings.tenant(session),
      this.settings.listTokens(session),
    ]);
    const shown =
      typeof revoked === 'string' && /^rcs_[A-Za-z0-9_-]{1,16}$/.test(revoked) ? revoked : undefined;
    sendPage(
      res,
      <TokensPage
        brand={this.brand}
        nav={await this.settings.nav(session, 'tokens', tenant)}
        tokens={tokens}
        revoked={shown}
      />,
    );
  }

  /** The secret is in this answer only (no redirect to a page that could show it again). */
  @Post('tokens')
  @FormBody()
  async generate(@Req() req: Request, @Res() res: Response, @Body() form: GenerateTokenForm): Promise<void> {
    const session = req.portal!;
    const token = await this.settings.generateToken(session, form.description, form.expiresInDays);
    const tenant = await this.settings.tenant(session);
    sendPage(
      res,
      <TokenCreatedPage
        brand={this.brand}
        nav={await this.settings.nav(session, 'tokens', tenant)}
        token={token}
        tenantUrl={tenant.scimBaseUrl}
      />,
    );
  }

  @Get('tokens/:tokenId/revoke')
  async confirmRevoke(
    @Req() req: Request,
    @Res() res: Response,
    @Param('tokenId') tokenId: string,
  ): Promise<void> {
    const session = req.portal!;
    const [tenant, token] = await Promise.all([
      this.settings.tenant(session),
      this.settings.token(session, tokenId),
    ]);
    sendPage(
      res,
      <RevokeTokenPage
        brand={this.brand}
        nav={await this.settings.nav(session, 'tokens', tenant)}
        token={token}
      />,
    );
  }

  @Post('tokens/:tokenId/revoke')
  @FormBody()
  async revoke(
    @Req() req: Request,
    @Res() res: Response,
    @Param('tokenId') tokenId: string,
    @Body() _form: EmptyForm,
  ): Promise<void> {
    const token = await this.settings.revokeToken(req.portal!, tokenId);
    res.redirect(303, `/portal/tokens?revoked=${encodeURIComponent(token.prefix)}`);
  }

  @Get('seats')
  async seats(
    @Req() req: Request,
    @Res() res: Response,
    @Query('cursor') cursor?: string,
    @Query('saved') saved?: string,
  ): Promise<void> {
    const session = req.portal!;
    const [tenant, seats] = await Promise.all([
      this.settings.tenant(session),
      this.settings.seatsOverview(session, typeof cursor === 'string' ? cursor : undefined),
    ]);
    sendPage(
      res,
      <SeatsPage
        brand={this.brand}
        nav={await this.settings.nav(session, 'seats', tenant)}
        tenant={tenant}
        seats={seats}
        saved={saved === '1'}
      />,
    );
  }

  @Post('seats/account-size')
  @FormBody()
  async accountSize(@Req() req: Request, @Res() res: Response, @Body() form: AccountSizeForm): Promise<void> {
    await this.settings.setAccountSize(req.portal!, form.amount, form.unit);
    res.redirect(303, '/portal/seats?saved=1');
  }
}
