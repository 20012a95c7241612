import type { CreatedTokenDto, TokenDto } from '../../tenants/dto/token.dto';
import { CopyField, Notice, Time } from './components';
import { Brand, CsrfField, Layout, PortalNav } from './layout';

function Rotation() {
  return (
    <section class="card" aria-labelledby="rotation">
      <h2 id="rotation">Rotating a token</h2>
      <ol>
        <li>Generate a new token here.</li>
        <li>Paste it into your identity provider, in place of the old one, and test the connection there.</li>
        <li>Revoke the old token here. Until then both work, so provisioning never stops.</li>
      </ol>
    </section>
  );
}

export function TokensPage(props: { brand: Brand; nav: PortalNav; tokens: TokenDto[]; revoked?: string }) {
  const { tokens } = props;
  return (
    <Layout title="Tokens" brand={props.brand} nav={props.nav}>
      {props.revoked && (
        <Notice tone="ok">
          Token <code>{props.revoked}…</code> is revoked: calls that use it are refused from now on.
        </Notice>
      )}
      <section class="card" aria-labelledby="generate">
        <h2 id="generate">Generate a token</h2>
        <p>Your identity provider authenticates with a token. It is shown once, when you generate it.</p>
        <form method="post" action="/portal/tokens">
          <CsrfField token={props.nav.csrfToken} />
          <div class="field-row">
            <div>
              <label for="description">Description</label>
              <input
                id="description"
                name="description"
                type="text"
                maxLength={200}
                value="Identity provider"
                required
              />
            </div>
            <div>
              <label for="expiresInDays">Expires</label>
              <select id="expiresInDays" name="expiresInDays">
                <option value="0">Never</option>
                <option value="90">In 90 days</option>
                <option value="365">In a year</option>
              </select>
            </div>
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              Generate token
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="active-tokens">
        <h2 id="active-tokens">Active tokens</h2>
        {tokens.length === 0 ? (
          <p>No token is active: your identity provider cannot connect until you generate one.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="hint">Only the first characters of each token are kept visible.</caption>
              <thead>
                <tr>
                  <th scope="col">Token</th>
                  <th scope="col">Description</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span class="hint">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{t.description ?? ''}</td>
                    <td>
                      <Time at={t.createdAt} />
                    </td>
                    <td>
                      <Time at={t.lastUsedAt} />
                    </td>
                    <td>
                      <Time at={t.expiresAt} />
                    </td>
                    <td>
                      <a href={`/portal/tokens/${t.id}/revoke`} aria-label={`Revoke token ${t.prefix}`}>
                        Revoke
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Rotation />
    </Layout>
  );
}

/** The one time a token's secret is shown. */
export function TokenCreatedPage(props: {
  brand: Brand;
  nav: PortalNav;
  token: CreatedTokenDto;
  tenantUrl: string;
}) {
  return (
    <Layout title="Your new token" brand={props.brand} nav={props.nav}>
      <Notice tone="warn">
        Copy the token now and paste it into your identity provider. It is shown only this once: Rollcall
        keeps only a hash of it, and nobody can show it to you again.
      </Notice>
      <CopyField id="token-value" label="Token" value={props.token.token} secret />
      <CopyField id="tenant-url-value" label="Tenant URL (SCIM base URL)" value={props.tenantUrl} />
      <p>
        Then <a href="/portal/setup">follow the steps for your identity provider</a>, or go back to{' '}
        <a href="/portal/tokens">the tokens</a>.
      </p>
    </Layout>
  );
}

export function RevokeTokenPage(props: { brand: Brand; nav: PortalNav; token: TokenDto }) {
  const { token } = props;
  return (
    <Layout title="Revoke this token?" brand={props.brand} nav={props.nav}>
      <p>
        Token <code>{token.prefix}…</code>
        {token.description ? ` (${token.description})` : ''}, last used <Time at={token.lastUsedAt} />.
      </p>
      <Notice tone="bad">
        Once revoked, every call your identity provider makes with this token is refused. If it is still in
        use, paste a new token into your identity provider first.
      </Notice>
      <form method="post" action={`/portal/tokens/${token.id}/revoke`} class="actions">
        <CsrfField token={props.nav.csrfToken} />
        <button type="submit" class="danger">
          Revoke token
        </button>
        <a href="/portal/tokens">Cancel</a>
      </form>
    </Layout>
  );
}
