import type { SeatsOverviewDto } from '../../seats/dto/seat.dto';
import type { TenantDto } from '../../tenants/dto/tenant.dto';
import { Badge, hrefWith, Notice, Time } from './components';
import { Brand, CsrfField, Layout, PortalNav } from './layout';

const SEAT_STATUS = { invited: 'Invited', claimed: 'Claimed', released: 'Released' } as const;

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <li>
      <span class="value">{value}</span>
      {label}
    </li>
  );
}

export function SeatsPage(props: {
  brand: Brand;
  nav: PortalNav;
  tenant: TenantDto;
  seats: SeatsOverviewDto;
  saved?: boolean;
}) {
  const { seats, tenant } = props;
  const quota = tenant.seatQuota;
  return (
    <Layout title="Seats" brand={props.brand} nav={props.nav}>
      {props.saved && (
        <Notice tone="ok">The account size is saved. Seats assigned from now on get it.</Notice>
      )}
      {seats.overAllocated && (
        <Notice tone="bad">
          More seats are in use ({seats.used}) than your plan has ({seats.limit}). Nobody more can be
          activated until people are deactivated in your identity provider, or your vendor adds seats.
        </Notice>
      )}
      {!seats.overAllocated && seats.available === 0 && (
        <Notice tone="warn">
          Every seat is in use: new people are refused until a seat is freed or added.
        </Notice>
      )}
      <ul class="stats" aria-label="Seat usage">
        <Stat label="Limit" value={seats.limit ?? 'Unlimited'} />
        <Stat label="Used" value={seats.used} />
        <Stat label="Available" value={seats.available ?? 'Unlimited'} />
        <Stat label="Invited" value={seats.invited} />
        <Stat label="Claimed" value={seats.claimed} />
      </ul>
      <p class="hint">
        The seat limit is set by {props.brand.productName} (your plan). Every active person holds one seat;
        deactivating them frees it. A seat is invited until its person first signs in, then claimed.
      </p>
      <section class="card" aria-labelledby="account-size">
        <h2 id="account-size">Account size</h2>
        <p>The amount of space given to each person’s account when they get a seat.</p>
        {tenant.portalQuotaEditable ? (
          <form method="post" action="/portal/seats/account-size">
            <CsrfField token={props.nav.csrfToken} />
            <div class="field-row">
              <div>
                <label for="amount">Size</label>
                <input
                  id="amount"
                  name="amount"
                  type="number"
                  min="0"
                  step="any"
                  required
                  value={quota ? String(quota.amount) : ''}
                />
              </div>
              <div>
                <label for="unit">Unit</label>
                <select id="unit" name="unit">
                  {['MB', 'GB', 'TB'].map((u) => (
                    <option key={u} value={u} selected={(quota?.unit ?? 'GB') === u}>
                      {u}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div class="actions">
              <button type="submit" class="primary">
                Save account size
              </button>
            </div>
          </form>
        ) : (
          <p>
            {quota ? `${quota.amount} ${quota.unit}` : 'Not set'}.{' '}
            <span class="hint">It is set by {props.brand.productName} and cannot be changed here.</span>
          </p>
        )}
      </section>
      <h2>Seats in use</h2>
      {seats.items.length === 0 ? (
        <p>No seat is assigned yet.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Seat</th>
                <th scope="col">Account size</th>
                <th scope="col">Assigned</th>
              </tr>
            </thead>
            <tbody>
              {seats.items.map((s) => (
                <tr key={s.userId}>
                  <td>
                    <a href={`/portal/users/${s.userId}`}>{s.userName}</a>
                  </td>
                  <td>
                    <Badge tone={s.status === 'claimed' ? 'ok' : 'neutral'}>{SEAT_STATUS[s.status]}</Badge>
                  </td>
                  <td>{s.quota ? `${s.quota.amount} ${s.quota.unit}` : '—'}</td>
                  <td>
                    <Time at={s.assignedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {seats.nextCursor && (
        <p>
          <a href={hrefWith('/portal/seats', { cursor: seats.nextCursor })}>More seats</a>
        </p>
      )}
    </Layout>
  );
}
