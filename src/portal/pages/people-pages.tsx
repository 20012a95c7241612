import type { ComponentChildren } from 'preact';
import { ScimObject } from '../../scim/resource/attribute-values';
import { SEAT_SCHEMA } from '../../seats/seat-schema';
import type { DirectoryPage, GroupSummary } from '../portal-directory.service';
import { Badge, hrefWith, Pager, Time, Tone } from './components';
import { Brand, Layout, PortalNav } from './layout';

type Status = { label: 'Invited' | 'Active' | 'Deactivated'; tone: Tone };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function seatOf(user: ScimObject): Record<string, unknown> | null {
  const seat = user[SEAT_SCHEMA];
  return isObject(seat) ? seat : null;
}

/** Invited: active, with a seat nobody has claimed yet; Active; Deactivated (holds no seat). */
export function statusOf(user: ScimObject): Status {
  if (user.active !== true) return { label: 'Deactivated', tone: 'bad' };
  if (seatOf(user)?.status === 'invited') return { label: 'Invited', tone: 'warn' };
  return { label: 'Active', tone: 'ok' };
}

function nameOf(user: ScimObject): string {
  if (typeof user.displayName === 'string' && user.displayName) return user.displayName;
  const name = isObject(user.name) ? user.name : {};
  if (typeof name.formatted === 'string' && name.formatted) return name.formatted;
  const parts = [name.givenName, name.familyName].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  return parts.length > 0 ? parts.join(' ') : String(user.userName);
}

function emailOf(user: ScimObject): string {
  const emails = Array.isArray(user.emails) ? user.emails.filter(isObject) : [];
  const email = emails.find((e) => e.primary === true) ?? emails[0];
  return typeof email?.value === 'string' ? email.value : '';
}

function lastModified(resource: ScimObject): string | null {
  const meta = isObject(resource.meta) ? resource.meta : {};
  return typeof meta.lastModified === 'string' ? meta.lastModified : null;
}

function SearchForm({ action, label, search }: { action: string; label: string; search: string }) {
  return (
    <form method="get" action={action} class="search" role="search">
      <div>
        <label for="q">{label}</label>
        <input id="q" name="q" type="search" value={search} maxLength={200} />
      </div>
      <button type="submit">Search</button>
    </form>
  );
}

function pager<T>(path: string, list: DirectoryPage<T>, search: string, noun: string) {
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  return (
    <Pager
      label={`Pages of ${noun}`}
      summary={list.total === 0 ? `No ${noun}` : `${first}–${last} of ${list.total} ${noun}`}
      previous={list.page > 1 ? hrefWith(path, { q: search, page: list.page - 1 }) : null}
      next={last < list.total ? hrefWith(path, { q: search, page: list.page + 1 }) : null}
    />
  );
}

export function PeoplePage(props: {
  brand: Brand;
  nav: PortalNav;
  list: DirectoryPage<ScimObject>;
  search: string;
}) {
  const { list, search } = props;
  return (
    <Layout title="People" brand={props.brand} nav={props.nav}>
      <p>Everyone your identity provider has sent. Deactivated people hold no seat.</p>
      <SearchForm action="/portal/users" label="Search by name or email" search={search} />
      {list.items.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Status</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((user) => {
                const status = statusOf(user);
                return (
                  <tr key={String(user.id)}>
                    <td>
                      <a href={`/portal/users/${String(user.id)}`}>{nameOf(user)}</a>
                      <div class="hint">{String(user.userName)}</div>
                    </td>
                    <td>{emailOf(user)}</td>
                    <td>
                      <Badge tone={status.tone}>{status.label}</Badge>
                    </td>
                    <td>
                      <Time at={lastModified(user)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pager('/portal/users', list, search, 'people')}
    </Layout>
  );
}

/** Any attribute value, as nested lists: whatever the IdP sent is shown, as text. */
function Value({ value }: { value: unknown }): ComponentChildren {
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    if (items.length === 0) return <span class="hint">none</span>;
    return (
      <ul>
        {items.map((v, i) => (
          <li key={i}>
            <Value value={v} />
          </li>
        ))}
      </ul>
    );
  }
  if (isObject(value)) return <Facts data={value} />;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return <span>{String(value)}</span>;
  }
  return <span class="hint">—</span>;
}

function Facts({ data }: { data: Record<string, unknown> }) {
  return (
    <dl class="facts">
      {Object.entries(data).map(([name, value]) => [
        <dt key={`${name}-t`}>{name}</dt>,
        <dd key={`${name}-d`}>
          <Value value={value} />
        </dd>,
      ])}
    </dl>
  );
}

export function PersonPage(props: {
  brand: Brand;
  nav: PortalNav;
  user: ScimObject;
  activity?: ComponentChildren;
}) {
  const { user } = props;
  const status = statusOf(user);
  const seat = seatOf(user);
  const groups = Array.isArray(user.groups) ? user.groups.filter(isObject) : [];
  const attributes = Object.fromEntries(
    Object.entries(user).filter(([name]) => !['schemas', 'meta', 'groups', SEAT_SCHEMA].includes(name)),
  );
  return (
    <Layout title={nameOf(user)} brand={props.brand} nav={props.nav}>
      <p>
        <Badge tone={status.tone}>{status.label}</Badge> Last change <Time at={lastModified(user)} />.{' '}
        <a href="/portal/users">All people</a>
      </p>
      <section class="card" aria-labelledby="seat">
        <h2 id="seat">Seat</h2>
        {seat ? (
          <dl class="facts">
            <dt>Status</dt>
            <dd>{String(seat.status)}</dd>
            <dt>Account size</dt>
            <dd>{isObject(seat.quota) ? `${String(seat.quota.amount)} ${String(seat.quota.unit)}` : '—'}</dd>
            <dt>Assigned</dt>
            <dd>
              <Time at={typeof seat.assignedAt === 'string' ? seat.assignedAt : null} />
            </dd>
            <dt>Claimed</dt>
            <dd>
              <Time at={typeof seat.claimedAt === 'string' ? seat.claimedAt : null} empty="not yet" />
            </dd>
          </dl>
        ) : (
          <p>No seat: this person is deactivated.</p>
        )}
      </section>
      <section class="card" aria-labelledby="groups">
        <h2 id="groups">Groups</h2>
        {groups.length === 0 ? (
          <p>In no group.</p>
        ) : (
          <ul>
            {groups.map((g) => (
              <li key={String(g.value)}>
                {String(g.display)}
                {g.type === 'indirect' ? <span class="hint"> (through a nested group)</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="attributes">
        <h2 id="attributes">Attributes</h2>
        <Facts data={attributes} />
      </section>
      {props.activity}
    </Layout>
  );
}

export function GroupsPage(props: {
  brand: Brand;
  nav: PortalNav;
  list: DirectoryPage<GroupSummary>;
  search: string;
}) {
  const { list, search } = props;
  return (
    <Layout title="Groups" brand={props.brand} nav={props.nav}>
      <SearchForm action="/portal/groups" label="Search by name" search={search} />
      {list.items.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col" class="num">
                  Members
                </th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map(({ group, memberCount }) => (
                <tr key={String(group.id)}>
                  <td>{String(group.displayName)}</td>
                  <td class="num">{memberCount}</td>
                  <td>
                    <Time at={lastModified(group)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pager('/portal/groups', list, search, 'groups')}
    </Layout>
  );
}
