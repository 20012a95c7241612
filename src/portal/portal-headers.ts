import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';

/**
 * The portal's own Content-Security-Policy, in place of the global one (which lets Swagger UI run
 * inline script): scripts, styles and images from Rollcall only, no inline script or style, forms
 * posting only to Rollcall, and framing only by PORTAL_FRAME_ANCESTORS (none by default).
 */
export function portalContentSecurityPolicy(config: AppConfig): string {
  const ancestors = config.portal.frameAncestors;
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${ancestors.length > 0 ? ancestors.join(' ') : "'none'"}`,
  ];
  if (config.publicUrl.startsWith('https:')) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Headers of every portal response: its CSP, framing, and no caching (pages carry tokens and secrets). */
export function portalHeaders(config: AppConfig) {
  const csp = portalContentSecurityPolicy(config);
  const framed = config.portal.frameAncestors.length > 0;
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Content-Security-Policy', csp);
    // frame-ancestors decides; an X-Frame-Options left from helmet would refuse every frame.
    if (framed) res.removeHeader('X-Frame-Options');
    else res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cache-Control', 'no-store');
    // Never sent off-site (a link's page has its code in the URL); same-origin keeps the forms' Origin header.
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  };
}
