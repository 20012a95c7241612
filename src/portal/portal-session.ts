import { createHmac } from 'node:crypto';

/** The signed-in tenant admin, set on the request by the PortalSessionGuard. */
export interface PortalSession {
  tenantId: string;
  sessionId: string;
  returnUrl: string | null;
  expiresAt: Date;
  /** The CSRF token every form of this session carries (derived from the session's secret). */
  csrfToken: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    portal?: PortalSession;
  }
}

/**
 * The CSRF token of a cookie's secret: an HMAC of it, so it proves the page was served to the holder
 * of the cookie without storing anything, and cannot be computed by a page that only makes the
 * browser send the cookie.
 */
export function csrfTokenOf(secret: string): string {
  return createHmac('sha256', secret).update('rollcall portal csrf').digest('base64url');
}
