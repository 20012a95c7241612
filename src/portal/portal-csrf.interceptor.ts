import { timingSafeEqual } from 'node:crypto';
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ScimError } from '../scim/errors/scim-error';
import { LINK_COOKIE, PortalCookies } from './portal-cookies';
import { csrfTokenOf } from './portal-session';

/** The form field every state-changing portal request carries. */
export const CSRF_FIELD = 'csrf';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks every state-changing portal request once its form is read (interceptors run after the body
 * reader): the form's CSRF token must be the session's (or, on a link's Continue form, the one of the
 * cookie that page set), and a browser's Origin and Sec-Fetch-Site must say the form is Rollcall's own.
 * The field is then taken out of the body, so the handlers' DTOs see only their own fields.
 */
@Injectable()
export class PortalCsrfInterceptor implements NestInterceptor {
  private readonly origin: string;

  constructor(
    private readonly cookies: PortalCookies,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.origin = new URL(config.publicUrl).origin;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method !== 'GET' && request.method !== 'HEAD') this.check(request);
    return next.handle();
  }

  private check(request: Request): void {
    const refused = new ScimError(
      403,
      'This form has expired or did not come from this page: reload it and try again',
    );
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') throw refused;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== this.origin) throw refused;
    const body = request.body as Record<string, unknown>;
    const given = body[CSRF_FIELD];
    delete body[CSRF_FIELD];
    const linkSecret = this.cookies.read(request, LINK_COOKIE);
    const expected = request.portal?.csrfToken ?? (linkSecret ? csrfTokenOf(linkSecret) : null);
    if (typeof given !== 'string' || expected === null || !same(given, expected)) throw refused;
  }
}
