import { ResourceStorage } from '../scim/filter/filter-to-sql';
import { IndexedString } from '../scim/resource/indexed-strings';
import { ResourceTable } from '../scim/resource/resource-definition';
import { tableStorage } from '../resources/table-storage';
import { SEAT_SCHEMA } from '../seats/seat-schema';
import { RawSeat, SeatState, seatOf } from '../seats/seat-state';
import { UserGroupRow, userGroupsColumn, userGroupsFilter } from '../groups/group-relations';

/** A column of the user's seat row, as a correlated subquery so counts need no join. */
const seatColumn = (column: string) =>
  `(SELECT s2.${column} FROM seat s2 WHERE s2.tenant_id = u.tenant_id AND s2.user_id = u.id)`;

/**
 * `scim_user`: userName, externalId and active in columns of their own; a read joins the seat, so a
 * User is rendered from one statement, with its groups (Groups' relation) when they are returned.
 */
export const USER_TABLE: ResourceTable = {
  name: 'scim_user',
  alias: 'u',
  columns: {
    userName: 'user_name',
    externalId: 'external_id',
    active: { column: 'active', kind: 'boolean' },
  },
  display: "coalesce(u.data ->> 'displayName', u.user_name)",
  counted: true,
  read: {
    columns: 's.status, s.quota_amount, s.quota_unit, s.assigned_at, s.claimed_at, s.released_at',
    joins: 'LEFT JOIN seat s ON s.tenant_id = u.tenant_id AND s.user_id = u.id',
    optional: { groups: userGroupsColumn('u') },
    parse: (raw) => parseRead(raw) as Record<string, unknown>,
  },
};

/** Where each User attribute lives, for the filter and sort engines (alias `u`). */
export const USER_STORAGE: ResourceStorage = {
  ...tableStorage(USER_TABLE),
  columns: {
    ...tableStorage(USER_TABLE).columns,
    username: { sql: 'u.user_name', kind: 'text', trimmed: true },
    [`${SEAT_SCHEMA}:status`.toLowerCase()]: { sql: seatColumn('status'), kind: 'text' },
    [`${SEAT_SCHEMA}:assignedAt`.toLowerCase()]: { sql: seatColumn('assigned_at'), kind: 'timestamptz' },
    // The quota is on the seat row, or pending in the document of a user that never held a seat.
    [`${SEAT_SCHEMA}:quota.amount`.toLowerCase()]: {
      sql: `coalesce(${seatColumn('quota_amount')}, (u.data -> '${SEAT_SCHEMA}' -> 'quota' ->> 'amount')::numeric)`,
      kind: 'numeric',
    },
    [`${SEAT_SCHEMA}:quota.unit`.toLowerCase()]: {
      sql: `coalesce(${seatColumn('quota_unit')}, u.data -> '${SEAT_SCHEMA}' -> 'quota' ->> 'unit')`,
      kind: 'text',
    },
  },
  relations: { groups: userGroupsFilter('u') },
  indexedValues: { emails: "scim_lower_values(u.data -> 'emails')" },
};

/** The User strings that indexes hold: trimmed, bounded and not blank as the rules say. */
export const USER_INDEXED_STRINGS: IndexedString[] = [
  // Stored trimmed, so that "jane@acme.com " and "jane@acme.com" are one userName (and filters trim too).
  { path: 'userName', trim: true, notBlank: true },
  { path: 'externalId' },
  { path: 'emails.value' },
];

/** What a read of a User brings along: its seat, and its groups when the answer returns them. */
export interface UserExtra {
  seat?: SeatState | null;
  groups?: UserGroupRow[];
}

function parseRead(raw: Record<string, unknown>): UserExtra {
  const { status, quota_amount, quota_unit, assigned_at, claimed_at, released_at, groups } =
    raw as Partial<RawSeat> & { groups?: UserGroupRow[] };
  const seat =
    status && assigned_at
      ? seatOf({
          status,
          quota_amount: quota_amount ?? null,
          quota_unit: quota_unit ?? null,
          assigned_at,
          claimed_at: claimed_at ?? null,
          released_at: released_at ?? null,
        })
      : null;
  return { seat, ...(groups !== undefined ? { groups } : {}) };
}
