import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ScimError } from '../scim/errors/scim-error';
import { ErrorPage, SignedOutPage } from './pages/access-pages';
import { sendPage } from './pages/layout';
import { PortalCookies, SESSION_COOKIE } from './portal-cookies';
import { PortalSignedOut } from './portal-session.guard';

/** Nest's validation messages, joined, for a form that was not filled in right. */
function messageOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message)
    ? message.join('; ')
    : typeof message === 'string'
      ? message
      : exception.message;
}

/**
 * The portal's failures as pages rather than JSON: a session that ended says how to come back, a
 * refused form says what was wrong, an unexpected error is logged and shown with its request id.
 */
@Catch()
export class PortalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('PortalExceptionFilter');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cookies: PortalCookies,
  ) {}

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
    const error = this.toScimError(exception, request);
    response.locals.scimError = error;
    for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
    sendPage(response, <ErrorPage brand={brand} status={error.status} detail={error.detail} />, error.status);
  }

  private toScimError(exception: unknown, request: Request): ScimError {
    if (exception instanceof ScimError) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return new ScimError(status, status === 404 ? 'There is no such page.' : messageOf(exception));
    }
    this.logger.error({ err: exception, requestId: request.id }, 'unexpected error in the portal');
    return new ScimError(
      500,
      `An unexpected error occurred (request id ${typeof request.id === 'string' ? request.id : 'unknown'}). Try again.`,
    );
  }
}
