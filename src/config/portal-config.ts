import { Env, integer, text } from './app-config';
import { ConfigError } from './config-error';

/** The tenant admin portal's settings (PORTAL_* variables). */
export interface PortalConfig {
  /** Origins a portal link's `returnUrl` may point to; empty: every returnUrl is refused. */
  returnOrigins: string[];
  /** How long a portal session lasts from its link's redemption. */
  sessionMs: number;
  /**
   * CSP `frame-ancestors` sources allowed to embed the portal; empty: none. When set, the portal's
   * cookies are `SameSite=None; Secure; Partitioned`, which needs an https PUBLIC_URL.
   */
  frameAncestors: string[];
  /** The SaaS's name, shown in the portal's header and titles. */
  productName: string;
  /** `#rrggbb`: the header and buttons; their text colour is chosen for contrast. */
  accentColor: string;
}

const FRAME_SOURCE = /^(?:'self'|https:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?)$/i;

function origins(env: Env): string[] {
  const raw = text(env, 'PORTAL_RETURN_ORIGINS');
  if (raw === undefined) return [];
  return raw.split(',').map((entry) => {
    const value = entry.trim();
    let parsed: URL | null = null;
    try {
      parsed = new URL(value);
    } catch {
      // reported below
    }
    if (
      !parsed ||
      !['http:', 'https:'].includes(parsed.protocol) ||
      parsed.origin !== value.replace(/\/$/, '')
    ) {
      throw new ConfigError(
        `PORTAL_RETURN_ORIGINS must be origins (https://app.example.com) separated by commas, got "${value}"`,
      );
    }
    return parsed.origin;
  });
}

function frameAncestors(env: Env, publicUrl: string): string[] {
  const raw = text(env, 'PORTAL_FRAME_ANCESTORS');
  if (raw === undefined || raw.toLowerCase() === 'none' || raw === "'none'") return [];
  const sources = raw.split(/[\s,]+/).filter(Boolean);
  const bad = sources.find((s) => !FRAME_SOURCE.test(s));
  if (bad !== undefined) {
    throw new ConfigError(
      `PORTAL_FRAME_ANCESTORS must be none, 'self' or https origins (https://app.example.com, https://*.example.com), got "${bad}"`,
    );
  }
  if (!publicUrl.startsWith('https:')) {
    throw new ConfigError(
      'PORTAL_FRAME_ANCESTORS needs an https PUBLIC_URL: a framed portal keeps its session in a SameSite=None; Secure cookie',
    );
  }
  return sources;
}

export function loadPortalConfig(env: Env, publicUrl: string): PortalConfig {
  const productName = text(env, 'PORTAL_PRODUCT_NAME') ?? 'Rollcall';
  if (productName.length > 60) throw new ConfigError('PORTAL_PRODUCT_NAME must be at most 60 characters');
  const accentColor = (text(env, 'PORTAL_ACCENT_COLOR') ?? '#1d4ed8').toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(accentColor)) {
    throw new ConfigError(`PORTAL_ACCENT_COLOR must be a colour as #rrggbb, got "${accentColor}"`);
  }
  return {
    returnOrigins: origins(env),
    sessionMs: integer(env, 'PORTAL_SESSION_HOURS', 8, 1, 168) * 3_600_000,
    frameAncestors: frameAncestors(env, publicUrl),
    productName,
    accentColor,
  };
}
