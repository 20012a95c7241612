import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Response } from 'express';
import { CSRF_FIELD } from '../portal-csrf.interceptor';

/** What every page knows of the product it is shown for (PORTAL_PRODUCT_NAME). */
export interface Brand {
  productName: string;
}

/** The signed-in part of the header: which tenant, where to go, how to leave. */
export interface PortalNav {
  active: NavSection;
  tenantName: string;
  csrfToken: string;
  returnUrl: string | null;
}

export type NavSection = 'setup' | 'tokens' | 'seats' | 'users' | 'groups' | 'activity';

const SECTIONS: Array<{ id: NavSection; label: string; href: string }> = [
  { id: 'setup', label: 'Setup', href: '/portal/setup' },
  { id: 'tokens', label: 'Tokens', href: '/portal/tokens' },
  { id: 'seats', label: 'Seats', href: '/portal/seats' },
  { id: 'users', label: 'People', href: '/portal/users' },
  { id: 'groups', label: 'Groups', href: '/portal/groups' },
  { id: 'activity', label: 'Activity', href: '/portal/activity' },
];

/**
 * Every page is rendered by Preact to a string on the server: text and attribute values are escaped
 * by the renderer, so whatever an IdP sent shows as text. Nothing here uses dangerouslySetInnerHTML.
 */
export function renderPage(page: VNode): string {
  return '<!doctype html>' + renderToString(page);
}

/** Answers with the page as HTML. */
export function sendPage(res: Response, page: VNode, status = 200): void {
  res.status(status).type('html').send(renderPage(page));
}

/** The hidden field of the CSRF token; every form that changes something carries it. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

export function Layout(props: { title: string; brand: Brand; nav?: PortalNav; children: ComponentChildren }) {
  const { title, brand, nav } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${title} · ${brand.productName}`}</title>
        <link rel="stylesheet" href="/portal/assets/portal.css" />
        <link rel="stylesheet" href="/portal/assets/theme.css" />
        <script src="/portal/assets/portal.js" defer />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <div class="brand">
            <span class="product">{brand.productName}</span>
            {nav && <span class="tenant">{nav.tenantName}</span>}
          </div>
          {nav && (
            <div class="session">
              {nav.returnUrl && <a href={nav.returnUrl}>Back to {brand.productName}</a>}
              <form method="post" action="/portal/sign-out">
                <CsrfField token={nav.csrfToken} />
                <button type="submit" class="link-button">
                  Sign out
                </button>
              </form>
            </div>
          )}
        </header>
        {nav && (
          <nav class="sections" aria-label="Portal">
            <ul>
              {SECTIONS.map((s) => (
                <li key={s.id}>
                  <a href={s.href} aria-current={s.id === nav.active ? 'page' : undefined}>
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main">
          <h1>{title}</h1>
          {props.children}
        </main>
        <footer class="bottom">
          <p>SCIM provisioning for {brand.productName}, served by Rollcall.</p>
        </footer>
      </body>
    </html>
  );
}
