import type { ComponentChildren } from 'preact';
import { IDP_GUIDES, IDP_IDS, IdpGuide, stepParts } from '../idp-guides';
import { CopyField, hrefWith, Notice } from './components';
import { Brand, Layout, PortalNav } from './layout';

export interface SetupView {
  brand: Brand;
  nav: PortalNav;
  tenantUrl: string;
  guide: IdpGuide;
  liveTokens: number;
  /** The connection status and the SCIM switch (from the activity log's owner), when known. */
  status?: ComponentChildren;
}

export function SetupPage(view: SetupView) {
  const { brand, guide } = view;
  return (
    <Layout title="Set up SCIM provisioning" brand={brand} nav={view.nav}>
      {view.status}
      <section class="card" aria-labelledby="tenant-url">
        <h2 id="tenant-url">Tenant URL</h2>
        <p>Your identity provider sends people and groups to this address.</p>
        <CopyField id="tenant-url-value" label="Tenant URL (SCIM base URL)" value={view.tenantUrl} />
        <p>
          {view.liveTokens === 0 ? (
            <>
              Next, <a href="/portal/tokens">generate a token</a> for your identity provider.
            </>
          ) : (
            <>
              {view.liveTokens === 1 ? 'One token is' : `${view.liveTokens} tokens are`} active.{' '}
              <a href="/portal/tokens">Manage tokens</a>.
            </>
          )}
        </p>
      </section>
      <section class="card idp-picker" aria-labelledby="idp-steps">
        <h2 id="idp-steps">Connect your identity provider</h2>
        <nav aria-label="Identity provider">
          <ul>
            {IDP_IDS.map((id) => (
              <li key={id}>
                <a
                  href={hrefWith('/portal/setup', { idp: id })}
                  aria-current={id === guide.id ? 'true' : undefined}
                >
                  {IDP_GUIDES[id].name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <h3>{guide.name}</h3>
        {guide.warning && <Notice tone="warn">{guide.warning}</Notice>}
        <ol class="steps">
          {guide.steps.map((step, i) => (
            <li key={i}>
              {stepParts(step, { tenantUrl: view.tenantUrl, product: brand.productName }).map((part, j) =>
                part.field ? (
                  <span key={j} class="field-name">
                    {part.text}
                  </span>
                ) : (
                  part.text
                ),
              )}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
