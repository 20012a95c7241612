import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ScimError } from '../scim/errors/scim-error';
import { TenantTokensService } from '../tenants/tenant-tokens.service';
import { ScimThrottle } from '../throttling/scim-throttle';
import { ADMIN_KEY, AdminKey } from './admin-key';
import type { AuthOutcome } from './auth-outcome';
import { AUTH_KIND, AuthKind } from './auth.decorators';

/** The failed-authentication scope of the admin API (tenant ids are UUIDs, so this never clashes). */
const ADMIN_SCOPE = 'admin';

/** The bearer token, null without an Authorization header, '' when the header is not `Bearer <token>`. */
function bearerToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? '';
}

/**
 * The one guard of the app, registered globally: every route says who may call it (@Public,
 * @AdminOnly, @TenantScoped), and a route that says nothing is refused. It runs after the route is
 * known and before the body is read (BodyReaderGuard, after it), so unauthenticated requests cost no
 * parsing. Tenant requests then count against the tenant's rate limit.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TenantTokensService,
    private readonly throttle: ScimThrottle,
    @Inject(ADMIN_KEY) private readonly adminKey: AdminKey,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const kind = this.reflector.getAllAndOverride<AuthKind | undefined>(AUTH_KIND, [
      context.getHandler(),
      context.getClass(),
    ]);
    // A public route costs no promise: Nest awaits only a guard's promise.
    if (kind === 'public') return true;
    return this.authenticate(kind, context.switchToHttp().getRequest<Request>());
  }

  private async authenticate(kind: AuthKind | undefined, request: Request): Promise<boolean> {
    const tenantParam = request.params.tenantId;
    const scope = kind === 'tenant' && typeof tenantParam === 'string' ? tenantParam : ADMIN_SCOPE;
    const client = request.ip ?? 'unknown';
    this.throttle.refuseAfterFailures(scope, client);
    const token = bearerToken(request);
    if (kind === 'tenant') {
      const outcome = await this.authenticateTenant(token, tenantParam);
      request.auth = outcome;
      if (outcome.ok) {
        request.tenantId = outcome.tenantId;
        // Only a valid token learns that the tenant turned provisioning off: every 401 stays alike.
        if (!outcome.scimEnabled) {
          throw ScimError.forbidden('SCIM provisioning is turned off for this organisation', 'scim_disabled');
        }
        this.throttle.consume(outcome);
        return true;
      }
    } else if (kind === 'admin' && token && this.adminKey.matches(token)) {
      return true;
    }
    this.throttle.recordFailure(scope, client);
    throw ScimError.unauthorized();
  }

  private async authenticateTenant(token: string | null, tenantParam: unknown): Promise<AuthOutcome> {
    if (token === null) return { ok: false, reason: 'no_token' };
    if (token === '') return { ok: false, reason: 'malformed' };
    if (typeof tenantParam !== 'string') return { ok: false, reason: 'wrong_tenant' };
    return this.tokens.authenticate(tenantParam, token);
  }
}
