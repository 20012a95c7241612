import { ConfigError, loadAppConfig } from './app-config';
import { contrast, themeCss } from '../portal/portal-theme';

describe('Portal configuration', () => {
  it('has defaults: no return origins, 8-hour sessions, no framing, Rollcall blue', () => {
    expect(loadAppConfig({}).portal).toEqual({
      returnOrigins: [],
      sessionMs: 8 * 3_600_000,
      frameAncestors: [],
      productName: 'Rollcall',
      accentColor: '#1d4ed8',
    });
  });

  it('reads origins, framing sources, a name and a colour', () => {
    const portal = loadAppConfig({
      PUBLIC_URL: 'https://scim.example.com',
      PORTAL_RETURN_ORIGINS: 'https://app.example.com, http://localhost:8080',
      PORTAL_FRAME_ANCESTORS: "'self' https://app.example.com https://*.example.org:8443",
      PORTAL_SESSION_HOURS: '2',
      PORTAL_PRODUCT_NAME: 'Acme Cloud',
      PORTAL_ACCENT_COLOR: '#FFCC00',
    }).portal;
    expect(portal).toEqual({
      returnOrigins: ['https://app.example.com', 'http://localhost:8080'],
      sessionMs: 2 * 3_600_000,
      frameAncestors: ["'self'", 'https://app.example.com', 'https://*.example.org:8443'],
      productName: 'Acme Cloud',
      accentColor: '#ffcc00',
    });
  });

  it.each([
    [{ PORTAL_RETURN_ORIGINS: 'https://app.example.com/settings' }, 'PORTAL_RETURN_ORIGINS must be origins'],
    [{ PORTAL_RETURN_ORIGINS: 'javascript:alert(1)' }, 'PORTAL_RETURN_ORIGINS must be origins'],
    [
      { PORTAL_FRAME_ANCESTORS: 'http://app.example.com', PUBLIC_URL: 'https://x.test' },
      'PORTAL_FRAME_ANCESTORS must be',
    ],
    [
      { PORTAL_FRAME_ANCESTORS: "https://a.test 'unsafe-inline'", PUBLIC_URL: 'https://x.test' },
      'PORTAL_FRAME_ANCESTORS must be',
    ],
    [
      { PORTAL_FRAME_ANCESTORS: 'https://app.example.com' },
      'PORTAL_FRAME_ANCESTORS needs an https PUBLIC_URL',
    ],
    [{ PORTAL_SESSION_HOURS: '0' }, 'PORTAL_SESSION_HOURS must be a whole number from 1 to 168'],
    [{ PORTAL_ACCENT_COLOR: 'red' }, 'PORTAL_ACCENT_COLOR must be a colour as #rrggbb'],
    [{ PORTAL_PRODUCT_NAME: 'x'.repeat(61) }, 'PORTAL_PRODUCT_NAME must be at most 60 characters'],
  ])('refuses %j', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(message);
  });

  it('puts the text colour that contrasts more on the accent', () => {
    expect(themeCss('#1d4ed8')).toBe(':root { --accent: #1d4ed8; --on-accent: #ffffff; }\n');
    expect(themeCss('#ffcc00')).toBe(':root { --accent: #ffcc00; --on-accent: #111827; }\n');
    for (const accent of ['#1d4ed8', '#ffcc00', '#00a86b', '#777777', '#e11d48']) {
      const on = /--on-accent: (#[0-9a-f]{6})/.exec(themeCss(accent))![1];
      expect([accent, contrast(accent, on) >= 4.4]).toEqual([accent, true]);
    }
  });
});
