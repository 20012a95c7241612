/**
 * Why a request was not authenticated. Every one of them answers the same 401 (nobody learns whether a
 * tenant or a token exists); the reason is kept on the request for the request log and the tenant's
 * activity log.
 */
export const AUTH_FAILURE_REASONS = [
  'no_token',
  'malformed',
  'unknown',
  'revoked',
  'expired',
  'wrong_tenant',
  'tenant_disabled',
] as const;
export type AuthFailureReason = (typeof AUTH_FAILURE_REASONS)[number];

/** A tenant's own SCIM rate limit; null fields fall back to the server's defaults. */
export interface TenantRateLimit {
  perSecond: number | null;
  burst: number | null;
}

/** What authenticating a SCIM request found: the tenant, or why not. */
export type AuthOutcome =
  | { ok: true; tenantId: string; tokenId: string; rateLimit: TenantRateLimit; scimEnabled: boolean }
  | { ok: false; reason: AuthFailureReason };

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the AuthGuard on tenant-scoped routes, success or failure. */
    auth?: AuthOutcome;
  }
}
