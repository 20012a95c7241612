import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';

/** The session, after a link is redeemed. */
export const SESSION_COOKIE = 'rollcall_portal_session';
/** Set by a link's page for its Continue form's CSRF token (the admin has no session yet). */
export const LINK_COOKIE = 'rollcall_portal_link';

/** How long the Continue page's cookie lives: enough to read the page and press the button. */
const LINK_COOKIE_SECONDS = 3600;

/**
 * Portal cookies: HttpOnly, path /portal, `Secure` when PUBLIC_URL is https. `SameSite=Lax` keeps
 * them off cross-site requests; a portal framed by the SaaS's pages (PORTAL_FRAME_ANCESTORS) is a
 * third-party context, where only `SameSite=None; Secure` cookies are sent, and `Partitioned` keeps
 * them to that embedding site (browsers that block third-party cookies accept partitioned ones).
 */
export class PortalCookies {
  private readonly framed: boolean;
  private readonly secure: boolean;

  constructor(config: AppConfig) {
    this.framed = config.portal.frameAncestors.length > 0;
    this.secure = this.framed || config.publicUrl.startsWith('https:');
  }

  read(request: Request, name: string): string | null {
    const header = request.headers.cookie;
    if (!header) return null;
    return parseCookie(header)[name] ?? null;
  }

  set(response: Response, name: string, value: string, maxAgeSeconds: number): void {
    response.append(
      'Set-Cookie',
      stringifySetCookie(name, value, {
        path: '/portal',
        httpOnly: true,
        secure: this.secure,
        sameSite: this.framed ? 'none' : 'lax',
        partitioned: this.framed,
        maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
      }),
    );
  }

  setLinkCookie(response: Response, value: string): void {
    this.set(response, LINK_COOKIE, value, LINK_COOKIE_SECONDS);
  }

  clear(response: Response, name: string): void {
    this.set(response, name, '', 0);
  }
}
