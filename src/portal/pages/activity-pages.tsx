import type {
  ActivityEntryDetailDto,
  ActivityEntryDto,
  ActivityPageDto,
  ConnectionDto,
} from '../../activity/dto/activity.dto';
import type { TenantDto } from '../../tenants/dto/tenant.dto';
import { ago, Badge, hrefWith, Notice, Time, Tone } from './components';
import { Brand, CsrfField, Layout, PortalNav } from './layout';

const CLIENT_NAMES: Record<string, string> = {
  okta: 'Okta',
  entra: 'Microsoft Entra ID',
  onelogin: 'OneLogin',
  jumpcloud: 'JumpCloud',
  other: 'another client',
};

export function clientName(kind: string): string {
  return CLIENT_NAMES[kind] ?? CLIENT_NAMES.other;
}

function toneOf(status: number): Tone {
  if (status < 300) return 'ok';
  if (status < 500) return 'bad';
  return 'warn';
}

function Request({ entry }: { entry: ActivityEntryDto }) {
  return (
    <>
      <code>
        {entry.method} {entry.route ?? '(no such route)'}
      </code>
      {entry.userName && <div>{entry.userName}</div>}
      {entry.operations && entry.operations.length > 0 && (
        <div class="hint">
          {entry.operations.map((o) => `${o.op}${o.path ? ` ${o.path}` : ''}`).join(', ')}
        </div>
      )}
    </>
  );
}

/** The connection status and the SCIM switch, at the top of the setup page. */
export function ConnectionStatus(props: {
  tenant: TenantDto;
  connection: ConnectionDto;
  csrfToken: string;
  switched?: 'on' | 'off';
}) {
  const { connection, tenant } = props;
  const last = connection.lastRequest;
  const failure = connection.lastFailure;
  return (
    <section class="card" aria-labelledby="status">
      <h2 id="status">Status</h2>
      {props.switched && (
        <Notice tone={props.switched === 'on' ? 'ok' : 'warn'}>
          SCIM provisioning is turned {props.switched}
          {props.switched === 'off'
            ? ': your identity provider’s calls are refused until you turn it on.'
            : '.'}
        </Notice>
      )}
      {connection.connected && last ? (
        <p>
          <Badge tone="ok">Connected</Badge> — last request from {clientName(last.client)} {ago(last.at)} (
          <Time at={last.at} />
          ).
        </p>
      ) : (
        <p>
          <Badge tone="neutral">Not connected</Badge> — no request from an identity provider has succeeded
          yet.
        </p>
      )}
      {failure && (
        <Notice tone="bad">
          <p>
            Last error, {ago(failure.at)} from {clientName(failure.client)}: {failure.status}{' '}
            {failure.detail ?? ''}
          </p>
          {failure.hint && <p>{failure.hint}</p>}
          {failure.entryId && <a href={`/portal/activity/${failure.entryId}`}>See the request</a>}
        </Notice>
      )}
      {connection.lastHour.requests > 0 && (
        <p class="hint">
          Last hour: {connection.lastHour.requests} requests, {connection.lastHour.errors} errors. Last 24
          hours: {connection.last24Hours.requests} requests, {connection.last24Hours.errors} errors.
        </p>
      )}
      <h3>Enable SCIM provisioning</h3>
      <form method="post" action="/portal/setup/scim" class="switch">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="enabled" value={tenant.scimEnabled ? 'false' : 'true'} />
        <p>
          SCIM provisioning is <strong>{tenant.scimEnabled ? 'on' : 'off'}</strong>
          {tenant.scimEnabled ? '.' : ': your identity provider’s calls are refused.'}
        </p>
        <button type="submit" class={tenant.scimEnabled ? undefined : 'primary'}>
          {tenant.scimEnabled ? 'Turn SCIM provisioning off' : 'Turn SCIM provisioning on'}
        </button>
      </form>
      <p class="hint">
        While it is off, every call your identity provider makes is refused (403, “SCIM provisioning is turned
        off for this organisation”). Microsoft Entra ID quarantines a provisioning job whose calls keep
        failing: stop the job in Entra (Provisioning Status: Off) before turning this off.
      </p>
    </section>
  );
}

export function ActivityPage(props: {
  brand: Brand;
  nav: PortalNav;
  page: ActivityPageDto;
  errorsOnly: boolean;
}) {
  const { page, errorsOnly } = props;
  return (
    <Layout title="Activity" brand={props.brand} nav={props.nav}>
      <p>
        Every request your identity provider made, newest first. Bodies are kept for errors, without passwords
        or tokens.
      </p>
      <nav aria-label="Which requests" class="idp-picker">
        <ul>
          <li>
            <a href="/portal/activity" aria-current={errorsOnly ? undefined : 'true'}>
              All requests
            </a>
          </li>
          <li>
            <a href="/portal/activity?errors=1" aria-current={errorsOnly ? 'true' : undefined}>
              Errors only
            </a>
          </li>
        </ul>
      </nav>
      {page.items.length === 0 ? (
        <p>{errorsOnly ? 'No errors.' : 'No request yet.'}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">From</th>
                <th scope="col">Request</th>
                <th scope="col">Answer</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <a href={`/portal/activity/${e.id}`}>
                      <Time at={e.at} />
                    </a>
                    {e.count > 1 && (
                      <div class="hint">
                        {e.count} requests until <Time at={e.lastAt} />
                      </div>
                    )}
                  </td>
                  <td>{clientName(e.client)}</td>
                  <td>
                    <Request entry={e} />
                  </td>
                  <td>
                    <Badge tone={toneOf(e.status)}>{e.status}</Badge> {e.detail ?? ''}
                    {e.hint && <p class="hint-text">{e.hint}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor && (
        <p>
          <a
            href={hrefWith('/portal/activity', {
              errors: errorsOnly ? 1 : undefined,
              cursor: page.nextCursor,
            })}
          >
            Older requests
          </a>
        </p>
      )}
    </Layout>
  );
}

/** A kept body, indented when it is whole JSON (a truncated one is shown as kept). */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function Body({ label, body, truncated }: { label: string; body: string | null; truncated: boolean }) {
  return (
    <section aria-label={label}>
      <h2>{label}</h2>
      {body === null ? <p class="hint">Not kept.</p> : <pre>{readable(body)}</pre>}
      {truncated && <p class="hint">Cut short: only the beginning is kept.</p>}
    </section>
  );
}

export function ActivityEntryPage(props: { brand: Brand; nav: PortalNav; entry: ActivityEntryDetailDto }) {
  const { entry } = props;
  return (
    <Layout
      title={`${entry.method} ${entry.route ?? ''} — ${entry.status}`}
      brand={props.brand}
      nav={props.nav}
    >
      <p>
        <a href="/portal/activity">All activity</a>
      </p>
      {entry.hint && <Notice tone="warn">{entry.hint}</Notice>}
      <dl class="facts">
        <dt>When</dt>
        <dd>
          <Time at={entry.at} />
          {entry.count > 1 ? ` (${entry.count} requests until ` : ''}
          {entry.count > 1 && <Time at={entry.lastAt} />}
          {entry.count > 1 ? ')' : ''}
        </dd>
        <dt>From</dt>
        <dd>
          {clientName(entry.client)}
          {entry.userAgent ? ` (${entry.userAgent})` : ''}
        </dd>
        <dt>Request</dt>
        <dd>
          <Request entry={entry} />
          {entry.query && <div class="hint">?{entry.query}</div>}
        </dd>
        <dt>Answer</dt>
        <dd>
          <Badge tone={toneOf(entry.status)}>{entry.status}</Badge> {entry.scimType ?? ''}{' '}
          {entry.detail ?? ''}
        </dd>
        {entry.authFailure && (
          <>
            <dt>Why refused</dt>
            <dd>{entry.authFailure.replaceAll('_', ' ')}</dd>
          </>
        )}
        <dt>Token</dt>
        <dd>{entry.tokenPrefix ? <code>{entry.tokenPrefix}…</code> : 'none'}</dd>
        <dt>Request id</dt>
        <dd>
          <code>{entry.requestId ?? '—'}</code>
        </dd>
        <dt>Duration</dt>
        <dd>{entry.durationMs} ms</dd>
      </dl>
      <Body label="Request body" body={entry.requestBody} truncated={entry.requestBodyTruncated} />
      <Body label="Response body" body={entry.responseBody} truncated={entry.responseBodyTruncated} />
    </Layout>
  );
}

/** A person's recent requests, on their page. */
export function RecentActivity({ page }: { page: ActivityPageDto }) {
  return (
    <section class="card" aria-labelledby="recent">
      <h2 id="recent">Recent activity</h2>
      {page.items.length === 0 ? (
        <p>No request about this person.</p>
      ) : (
        <ul>
          {page.items.map((e) => (
            <li key={e.id}>
              <a href={`/portal/activity/${e.id}`}>
                <Time at={e.at} />
              </a>{' '}
              {e.method} {e.route ?? ''} <Badge tone={toneOf(e.status)}>{e.status}</Badge> {e.detail ?? ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
