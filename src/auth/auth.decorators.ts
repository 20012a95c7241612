import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

export type AuthKind = 'public' | 'admin' | 'tenant';
export const AUTH_KIND = 'rollcall:auth-kind';

/** No credentials needed (health, API docs). Routes without an auth decorator are refused. */
export const Public = () => SetMetadata(AUTH_KIND, 'public' satisfies AuthKind);
/** Requires `Authorization: Bearer <ADMIN_API_KEY>`. */
export const AdminOnly = () => SetMetadata(AUTH_KIND, 'admin' satisfies AuthKind);
/** Requires a bearer token of the tenant named by the `:tenantId` route parameter. */
export const TenantScoped = () => SetMetadata(AUTH_KIND, 'tenant' satisfies AuthKind);

/** The tenant the guard authenticated; handlers pass it on as an argument, never store it. */
export const AuthenticatedTenant = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const tenantId = ctx.switchToHttp().getRequest<Request>().tenantId;
  if (!tenantId) throw new Error('AuthenticatedTenant used on a route without @TenantScoped()');
  return tenantId;
});

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the AuthGuard on tenant-scoped routes; read by @AuthenticatedTenant() and the request log. */
    tenantId?: string;
  }
}
