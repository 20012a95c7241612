import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { PortalAccessService } from './portal-access.service';
import { PortalCookies, SESSION_COOKIE } from './portal-cookies';

/** No live session: the page says so and how to come back (PortalExceptionFilter renders it). */
export class PortalSignedOut extends Error {
  constructor() {
    super('portal session ended');
  }
}

/**
 * Guards the portal's pages: the session cookie must name a live session (not ended or expired, its
 * tenant enabled). Runs before the body is read, so a request without one costs no parsing.
 */
@Injectable()
export class PortalSessionGuard implements CanActivate {
  constructor(
    private readonly access: PortalAccessService,
    private readonly cookies: PortalCookies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const secret = this.cookies.read(request, SESSION_COOKIE);
    const session = secret ? await this.access.session(secret) : null;
    if (!session) throw new PortalSignedOut();
    request.portal = session;
    request.tenantId = session.tenantId;
    return true;
  }
}
