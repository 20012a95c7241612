import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ScimError } from '../scim/errors/scim-error';
import { TenantTokensService } from '../tenants/tenant-tokens.service';
import { ADMIN_KEY, AdminKey } from './admin-key';
import { AUTH_KIND, AuthKind } from './auth.decorators';

function bearerToken(request: Request): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first makes both sides the same length, so timingSafeEqual never short-circuits.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * The one guard of the app, registered globally: every route says who may call it (@Public,
 * @AdminOnly, @TenantScoped), and a route that says nothing is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TenantTokensService,
    @Inject(ADMIN_KEY) private readonly adminKey: AdminKey,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const kind = this.reflector.getAllAndOverride<AuthKind | undefined>(AUTH_KIND, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (kind === 'public') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(request);
    if (token === null) throw ScimError.unauthorized();
    if (kind === 'admin' && sameSecret(token, this.adminKey.value)) return true;
    if (kind === 'tenant') {
      const tenantId = request.params.tenantId;
      if (typeof tenantId === 'string' && (await this.tokens.authenticate(tenantId, token))) {
        request.tenantId = tenantId.toLowerCase();
        return true;
      }
    }
    throw ScimError.unauthorized();
  }
}
