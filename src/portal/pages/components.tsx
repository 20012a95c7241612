import type { ComponentChildren } from 'preact';

/** A timestamp shown as the admin reads it, with the exact time for machines and tooltips. */
export function Time({ at, empty = 'never' }: { at: string | Date | null | undefined; empty?: string }) {
  if (!at) return <span>{empty}</span>;
  const date = typeof at === 'string' ? new Date(at) : at;
  const iso = date.toISOString();
  return <time datetime={iso}>{iso.replace('T', ' ').slice(0, 16)} UTC</time>;
}

/** "2 minutes ago", for the connection status. */
export function ago(at: string | Date, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(at).getTime()) / 1000));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (seconds < 60) return plural(seconds, 'second');
  if (seconds < 3600) return plural(Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return plural(Math.floor(seconds / 3600), 'hour');
  return plural(Math.floor(seconds / 86_400), 'day');
}

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

export function Badge({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}

/** A message of the page (after an action, or a warning), announced to screen readers. */
export function Notice({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${tone}`} role={tone === 'bad' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/**
 * A value to paste into the IdP: a read-only field (select it and copy without script) and a Copy
 * button that portal.js reveals.
 */
export function CopyField({
  id,
  label,
  value,
  secret,
}: {
  id: string;
  label: string;
  value: string;
  secret?: boolean;
}) {
  return (
    <div class="copy-field">
      <label for={id}>{label}</label>
      <div class="copy-row">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          class={secret ? 'secret' : undefined}
          spellcheck={false}
        />
        <button type="button" class="copy" data-copy={id} hidden>
          Copy
        </button>
      </div>
      <p class="copy-status" data-copy-status={id} aria-live="polite" />
    </div>
  );
}

/** Previous / next links of a paged list, keeping its query. */
export function Pager(props: {
  label: string;
  previous: string | null;
  next: string | null;
  summary: string;
}) {
  return (
    <nav class="pager" aria-label={props.label}>
      <p>{props.summary}</p>
      <ul>
        <li>
          {props.previous ? (
            <a href={props.previous}>Previous page</a>
          ) : (
            <span aria-disabled="true">Previous page</span>
          )}
        </li>
        <li>
          {props.next ? <a href={props.next}>Next page</a> : <span aria-disabled="true">Next page</span>}
        </li>
      </ul>
    </nav>
  );
}

/** A URL of the portal with query parameters, leaving out empty ones. */
export function hrefWith(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
