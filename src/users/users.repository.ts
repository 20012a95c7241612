import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { runTransaction } from '../database/transactions';
import { ResourceStorage } from '../scim/filter/filter-to-sql';
import { queryPrepared } from '../database/prepared-query';
import { returnedRows } from '../database/returned-rows';
import { SqlParams } from '../scim/filter/sql-params';
import { IndexedString } from '../scim/resource/indexed-strings';
import { ListSql } from '../scim/query/list-sql';
import { pageWithTotal } from '../scim/query/page-total';
import { SEAT_SCHEMA } from '../seats/seat-schema';
import { RawSeat, SeatState, seatOf } from '../seats/seat-state';

/** A column of the user's seat row, as a correlated subquery so counts need no join. */
const seatColumn = (column: string) =>
  `(SELECT s2.${column} FROM seat s2 WHERE s2.tenant_id = u.tenant_id AND s2.user_id = u.id)`;

/** Where each User attribute lives, for the filter and sort engines (alias `u`). */
export const USER_STORAGE: ResourceStorage = {
  tenant: 'u.tenant_id',
  seq: 'u.seq',
  data: 'u.data',
  columns: {
    id: { sql: 'u.id', kind: 'uuid' },
    username: { sql: 'u.user_name', kind: 'text', trimmed: true },
    externalid: { sql: 'u.external_id', kind: 'text' },
    active: { sql: 'u.active', kind: 'boolean' },
    'meta.created': { sql: 'u.created_at', kind: 'timestamptz' },
    'meta.lastmodified': { sql: 'u.last_modified', kind: 'timestamptz' },
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
  relations: {
    groups: {
      from: 'group_user_member gm',
      correlate: 'gm.tenant_id = u.tenant_id AND gm.user_id = u.id',
      columns: { value: { sql: 'gm.group_id', kind: 'uuid' } },
    },
  },
  indexedValues: { emails: "scim_lower_values(u.data -> 'emails')" },
};

/** The User strings that indexes hold: trimmed, bounded and not blank as the rules say. */
export const USER_INDEXED_STRINGS: IndexedString[] = [
  // Stored trimmed, so that "jane@acme.com " and "jane@acme.com" are one userName (and filters trim too).
  { path: 'userName', trim: true, notBlank: true },
  { path: 'externalId' },
  { path: 'emails.value' },
];

export interface UserRow {
  id: string;
  user_name: string;
  external_id: string | null;
  active: boolean;
  data: Record<string, unknown>;
  version: number;
  created_at: Date;
  last_modified: Date;
  /** The user's seat; undefined on rows returned by a write, where the service supplies it. */
  seat?: SeatState | null;
  /** The user's groups, when the read asked for them with the row. */
  groups?: Array<Omit<UserGroupRow, 'user_id'>>;
}

export interface UserWrite {
  userName: string;
  externalId: string | null;
  active: boolean;
  data: Record<string, unknown>;
  /** undefined: keep the stored hash; null: clear it. */
  passwordHash?: string | null;
}

export interface UserGroupRow {
  user_id: string;
  group_id: string;
  display_name: string;
  direct: boolean;
}

const COLUMNS =
  'u.id, u.user_name, u.external_id, u.active, u.data, u.version, u.created_at, u.last_modified';

/** Reads join the seat, so a User is rendered from one statement. */
const READ_COLUMNS = `${COLUMNS}, s.status, s.quota_amount, s.quota_unit, s.assigned_at, s.claimed_at, s.released_at`;
const READ_FROM = 'scim_user u LEFT JOIN seat s ON s.tenant_id = u.tenant_id AND s.user_id = u.id';

/** The user's groups (direct, and indirect through nesting) as one JSON column of the same row. */
const GROUPS_COLUMN = `(
  WITH RECURSIVE ms(group_id, direct) AS (
    SELECT m.group_id, true FROM group_user_member m WHERE m.tenant_id = u.tenant_id AND m.user_id = u.id
    UNION
    SELECT gg.group_id, false FROM ms
      JOIN group_group_member gg ON gg.tenant_id = u.tenant_id AND gg.member_group_id = ms.group_id
  )
  SELECT coalesce(json_agg(json_build_object('group_id', g.id, 'display_name', g.display_name, 'direct', d.direct)
                           ORDER BY g.display_name), '[]')
    FROM (SELECT group_id, bool_or(direct) AS direct FROM ms GROUP BY group_id) d
    JOIN scim_group g ON g.tenant_id = u.tenant_id AND g.id = d.group_id
) AS groups`;

function withSeat(raw: UserRow & Partial<RawSeat>): UserRow {
  const { status, quota_amount, quota_unit, assigned_at, claimed_at, released_at, ...row } = raw;
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
  return { ...row, seat };
}

/** All SQL on `scim_user`. Every statement is scoped by the tenant id, its first parameter. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One transaction, retried once where safe (runTransaction). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  async insert(m: EntityManager, tenantId: string, id: string, user: UserWrite, now: Date): Promise<UserRow> {
    const rows: UserRow[] = await m.query(
      `INSERT INTO scim_user AS u (tenant_id, id, user_name, external_id, active, data, password_hash, created_at, last_modified)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING ${COLUMNS}`,
      [tenantId, id, user.userName, user.externalId, user.active, user.data, user.passwordHash ?? null, now],
    );
    return rows[0];
  }

  async find(
    tenantId: string,
    id: string,
    m: EntityManager = this.dataSource.manager,
    forUpdate = false,
    withGroups = false,
  ): Promise<UserRow | null> {
    const rows = await queryPrepared<UserRow & RawSeat>(
      m,
      `SELECT ${READ_COLUMNS}${withGroups ? `, ${GROUPS_COLUMN}` : ''} FROM ${READ_FROM}
        WHERE u.tenant_id = $1 AND u.id = $2${forUpdate ? ' FOR NO KEY UPDATE OF u' : ''}`,
      [tenantId, id],
    );
    return rows[0] ? withSeat(rows[0]) : null;
  }

  async update(m: EntityManager, tenantId: string, id: string, user: UserWrite, now: Date): Promise<UserRow> {
    const params: unknown[] = [tenantId, id, user.userName, user.externalId, user.active, user.data, now];
    const password =
      user.passwordHash === undefined ? '' : `, password_hash = $${params.push(user.passwordHash)}`;
    const result: unknown = await m.query(
      `UPDATE scim_user AS u SET user_name = $3, external_id = $4, active = $5, data = $6, last_modified = $7,
              version = u.version + 1${password}
        WHERE u.tenant_id = $1 AND u.id = $2 RETURNING ${COLUMNS}`,
      params,
    );
    return returnedRows<UserRow>(result)[0];
  }

  /** Deletes the user; its memberships and seat go with it (foreign keys). */
  async delete(m: EntityManager, tenantId: string, id: string): Promise<void> {
    await m.query(`DELETE FROM scim_user WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }

  /**
   * One page of a list query (built by the SCIM core, `$1` = tenant), with each user's groups when
   * `withGroups`, and its total.
   */
  async search(sql: ListSql, withGroups = false): Promise<{ rows: UserRow[]; total: number }> {
    const count = async () =>
      (
        await queryPrepared<{ total: number }>(
          this.dataSource.manager,
          `SELECT count(*)::int AS total FROM scim_user u WHERE ${sql.condition}`,
          sql.conditionValues,
        )
      )[0].total;
    const page = new SqlParams(sql.params.values);
    // The page is chosen on scim_user alone (an index-only scan for the default order), then joined.
    const read = () =>
      queryPrepared<UserRow & RawSeat>(
        this.dataSource.manager,
        `SELECT ${READ_COLUMNS}${withGroups ? `, ${GROUPS_COLUMN}` : ''}
         FROM (SELECT u.id FROM scim_user u WHERE ${sql.condition}
                ORDER BY ${sql.order} OFFSET ${page.add(sql.offset)} LIMIT ${page.add(sql.limit)}) p
         JOIN ${READ_FROM} ON u.tenant_id = $1 AND u.id = p.id
        ORDER BY ${sql.order}`,
        page.values,
      );
    const { rows, total } = await pageWithTotal(sql.offset, sql.limit, read, count);
    return { rows: rows.map(withSeat), total };
  }

  /** Groups of the given users: direct memberships, and indirect ones through nested groups. */
  async groupsOf(tenantId: string, userIds: string[]): Promise<UserGroupRow[]> {
    if (userIds.length === 0) return [];
    return this.dataSource.query(
      `WITH RECURSIVE membership(user_id, group_id, direct) AS (
         SELECT m.user_id, m.group_id, true FROM group_user_member m
          WHERE m.tenant_id = $1 AND m.user_id = ANY($2::uuid[])
         UNION
         SELECT ms.user_id, gg.group_id, false FROM membership ms
           JOIN group_group_member gg ON gg.tenant_id = $1 AND gg.member_group_id = ms.group_id
       )
       SELECT ms.user_id, ms.group_id, g.display_name, bool_or(ms.direct) AS direct
         FROM membership ms JOIN scim_group g ON g.tenant_id = $1 AND g.id = ms.group_id
        GROUP BY ms.user_id, ms.group_id, g.display_name
        ORDER BY g.display_name`,
      [tenantId, userIds],
    );
  }
}
