import { ArgumentsHost, Catch, ExceptionFilter, Inject, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ScimExceptionFilter } from '../scim/errors/scim-exception.filter';
import { RouteTable } from '../scim/http/route-table';
import { ErrorPage, SignedOutPage } from './pages/access-pages';
import { sendPage } from './pages/layout';
import { PortalCookies, SESSION_COOKIE } from './portal-cookies';
import { PortalSignedOut } from './portal-session.guard';

/**
 * The portal's failures as pages rather than JSON: a session that ended says how to come back, a
 * refused form says what was wrong, an unexpected error is logged and shown with its request id.
 */
@Catch()
export class PortalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('PortalExceptionFilter');

  private readonly errors: ScimExceptionFilter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cookies: PortalCookies,
    routes: RouteTable,
  ) {
    // The same mapping as the API's (409 for a unique violation, 503 when busy, 500 otherwise).
    this.errors = new ScimExceptionFilter(routes);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    const brand = { productName: this.config.portal.productName };
    if (exception instanceof PortalSignedOut) {
      this.cookies.clear(response, SESSION_COOKIE);
      sendPage(response, <SignedOutPage brand={brand} returnUrl={null} ended />, 401);
      return;
    }
    const error = this.errors.toScimError(exception, request);
    if (error.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'unexpected error in the portal');
    }
    response.locals.scimError = error;
    for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
    sendPage(response, <ErrorPage brand={brand} status={error.status} detail={error.detail} />, error.status);
  }
}
