import { Brand, CsrfField, Layout } from './layout';
import type { LinkStatus } from '../portal-access.service';

/**
 * The page a portal link opens. Link scanners in mail and chat fetch links before people do, so
 * opening the link changes nothing: the Continue button's POST is what uses it up.
 */
export function ContinuePage({
  brand,
  action,
  csrfToken,
}: {
  brand: Brand;
  action: string;
  csrfToken: string;
}) {
  return (
    <Layout title="Set up SCIM provisioning" brand={brand}>
      <p>
        This link opens the page where you connect your identity provider (Okta, Microsoft Entra ID, OneLogin,
        JumpCloud) to {brand.productName}, so that people are added and removed automatically.
      </p>
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        <button type="submit" class="primary">
          Continue
        </button>
      </form>
      <p class="hint">
        The link works once. After you continue, you stay signed in on this browser for a few hours.
      </p>
    </Layout>
  );
}

const UNUSABLE: Record<Exclude<LinkStatus, 'ready'>, { title: string; body: string }> = {
  used: {
    title: 'This link has been used',
    body: 'Each link opens the setup page once. If that was not you, or you were signed out, open the setup page again from',
  },
  expired: {
    title: 'This link has expired',
    body: 'Links work for a few minutes only. Open the setup page again from',
  },
  unknown: {
    title: 'This link is not valid',
    body: 'Check that you copied the whole link, or open the setup page again from',
  },
};

export function UnusableLinkPage({ brand, status }: { brand: Brand; status: Exclude<LinkStatus, 'ready'> }) {
  const text = UNUSABLE[status];
  return (
    <Layout title={text.title} brand={brand}>
      <p>
        {text.body} {brand.productName} (its SCIM or directory settings), which makes a new link.
      </p>
    </Layout>
  );
}

export function SignedOutPage({
  brand,
  returnUrl,
  ended,
}: {
  brand: Brand;
  returnUrl: string | null;
  ended: boolean;
}) {
  return (
    <Layout title={ended ? 'Your session has ended' : 'You are signed out'} brand={brand}>
      <p>
        {ended
          ? 'Sessions end after a few hours, on sign-out, or when the organisation’s access changes. '
          : ''}
        To come back, open the setup page again from {brand.productName}.
      </p>
      {returnUrl && (
        <p>
          <a href={returnUrl}>Back to {brand.productName}</a>
        </p>
      )}
    </Layout>
  );
}

export function ErrorPage({ brand, status, detail }: { brand: Brand; status: number; detail: string }) {
  const title =
    status === 404
      ? 'Not found'
      : status === 429
        ? 'Too many attempts'
        : status >= 500
          ? 'Something went wrong'
          : 'That did not work';
  return (
    <Layout title={title} brand={brand}>
      <p>{detail}</p>
      <p>
        <a href="/portal/setup">Back to the setup page</a>
      </p>
    </Layout>
  );
}
