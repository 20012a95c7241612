import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { runTransaction } from '../database/transactions';
import { queryPrepared } from '../database/prepared-query';
import { ResourceStorage } from '../scim/filter/filter-to-sql';
import { SqlParams } from '../scim/filter/sql-params';
import { IndexedString } from '../scim/resource/indexed-strings';
import { ListSql } from '../scim/query/list-sql';
import { tablePage } from '../resources/table-page';
import { idsOf, returnedRows } from '../database/returned-rows';

/** Where each Group attribute lives, for the filter and sort engines (alias `g`). */
export const GROUP_STORAGE: ResourceStorage = {
  tenant: 'g.tenant_id',
  seq: 'g.seq',
  data: 'g.data',
  columns: {
    id: { sql: 'g.id', kind: 'uuid' },
    displayname: { sql: 'g.display_name', kind: 'text' },
    externalid: { sql: 'g.external_id', kind: 'text' },
    'meta.created': { sql: 'g.created_at', kind: 'timestamptz' },
    'meta.lastmodified': { sql: 'g.last_modified', kind: 'timestamptz' },
  },
  relations: {
    members: {
      from: 'group_member gm',
      correlate: 'gm.tenant_id = g.tenant_id AND gm.group_id = g.id',
      columns: { value: { sql: 'gm.value', kind: 'uuid' }, type: { sql: 'gm.type', kind: 'text' } },
    },
  },
};

/** The Group strings that indexes hold: bounded, and displayName not blank. */
export const GROUP_INDEXED_STRINGS: IndexedString[] = [
  { path: 'displayName', notBlank: true },
  { path: 'externalId' },
];

/**
 * `members` as the rows of each membership table (alias `x`), so that a PATCH filter such as
 * `members[value eq "…"]` becomes a condition each DELETE tests on its own rows (an index lookup for
 * an id) rather than a join against the `group_member` view.
 */
export const MEMBER_ROWS: Record<MemberType, ResourceStorage> = {
  User: memberRows("'User'::text", 'x.user_id'),
  Group: memberRows("'Group'::text", 'x.member_group_id'),
};

function memberRows(type: string, value: string): ResourceStorage {
  const members = GROUP_STORAGE.relations.members;
  return {
    ...GROUP_STORAGE,
    relations: {
      members: {
        ...members,
        columns: { value: { sql: value, kind: 'uuid' }, type: { sql: type, kind: 'text' } },
      },
    },
  };
}

export interface GroupRow {
  id: string;
  display_name: string;
  external_id: string | null;
  data: Record<string, unknown>;
  version: number;
  created_at: Date;
  last_modified: Date;
}

export interface GroupWrite {
  displayName: string;
  externalId: string | null;
  data: Record<string, unknown>;
}

export type MemberType = 'User' | 'Group';

/** One member of a group in a response; `index` is the group's position in the page. */
export interface MemberRow {
  index: number;
  type: MemberType;
  value: string;
  display: string | null;
}

/** Member ids that were added or removed, by type. */
export interface MemberIds {
  users: string[];
  groups: string[];
}

const COLUMNS = 'g.id, g.display_name, g.external_id, g.data, g.version, g.created_at, g.last_modified';

/** Rows fetched per round trip when streaming members: bounds memory whatever the group's size. */
const MEMBER_BATCH = 5000;

/** All SQL on `scim_group` and the membership tables. Every statement is scoped by the tenant id. */
@Injectable()
export class GroupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One transaction, retried once where safe (runTransaction). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  async insert(
    m: EntityManager,
    tenantId: string,
    id: string,
    group: GroupWrite,
    now: Date,
  ): Promise<GroupRow> {
    const rows: GroupRow[] = await m.query(
      `INSERT INTO scim_group AS g (tenant_id, id, display_name, external_id, data, created_at, last_modified)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
      [tenantId, id, group.displayName, group.externalId, group.data, now],
    );
    return rows[0];
  }

  async find(
    tenantId: string,
    id: string,
    m: EntityManager = this.dataSource.manager,
    forUpdate = false,
  ): Promise<GroupRow | null> {
    const rows = await queryPrepared<GroupRow>(
      m,
      `SELECT ${COLUMNS} FROM scim_group g WHERE g.tenant_id = $1 AND g.id = $2${forUpdate ? ' FOR NO KEY UPDATE' : ''}`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  async update(
    m: EntityManager,
    tenantId: string,
    id: string,
    group: GroupWrite,
    now: Date,
  ): Promise<GroupRow> {
    const result: unknown = await m.query(
      `UPDATE scim_group AS g SET display_name = $3, external_id = $4, data = $5, last_modified = $6,
              version = g.version + 1
        WHERE g.tenant_id = $1 AND g.id = $2 RETURNING ${COLUMNS}`,
      [tenantId, id, group.displayName, group.externalId, group.data, now],
    );
    return returnedRows<GroupRow>(result)[0];
  }

  /** Deletes the group with its memberships, both ways (foreign keys). */
  async delete(m: EntityManager, tenantId: string, id: string): Promise<void> {
    await m.query(`DELETE FROM scim_group WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }

  /** One page of a list query (built by the SCIM core, `$1` = tenant), and its total. */
  search(sql: ListSql): Promise<{ rows: GroupRow[]; total: number }> {
    return tablePage<GroupRow>(this.dataSource.manager, 'scim_group g', COLUMNS, sql);
  }

  /** Which of these ids are Users and which are Groups of the tenant; ids of neither are left out. */
  async memberTypes(m: EntityManager, tenantId: string, ids: string[]): Promise<Map<string, MemberType>> {
    const rows: Array<{ id: string; type: MemberType }> = await m.query(
      `SELECT id, 'User' AS type FROM scim_user WHERE tenant_id = $1 AND id = ANY($2::uuid[])
       UNION ALL
       SELECT id, 'Group' AS type FROM scim_group WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.type]));
  }

  /**
   * Of `candidates`, the groups that already contain `groupId`, directly or through nesting: adding
   * one of them as a member would make a cycle.
   */
  async containersAmong(
    m: EntityManager,
    tenantId: string,
    groupId: string,
    candidates: string[],
  ): Promise<string[]> {
    // Serialises changes to nesting within the tenant, so two requests cannot each add half a cycle.
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('group-nesting:' || $1, 0))`, [tenantId]);
    const rows: Array<{ id: string }> = await m.query(
      `WITH RECURSIVE up(id) AS (
         SELECT $2::uuid
         UNION
         SELECT gg.group_id FROM group_group_member gg JOIN up ON gg.member_group_id = up.id
          WHERE gg.tenant_id = $1
       )
       SELECT id FROM up WHERE id = ANY($3::uuid[])`,
      [tenantId, groupId, candidates],
    );
    return rows.map((r) => r.id);
  }

  /** Adds members; those already there are skipped. Returns the ids actually added. */
  async addMembers(m: EntityManager, tenantId: string, groupId: string, ids: MemberIds): Promise<MemberIds> {
    const users: unknown = ids.users.length
      ? await m.query(
          `INSERT INTO group_user_member (tenant_id, group_id, user_id)
           SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING RETURNING user_id AS id`,
          [tenantId, groupId, ids.users],
        )
      : [];
    const groups: unknown = ids.groups.length
      ? await m.query(
          `INSERT INTO group_group_member (tenant_id, group_id, member_group_id)
           SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING RETURNING member_group_id AS id`,
          [tenantId, groupId, ids.groups],
        )
      : [];
    return { users: idsOf(users), groups: idsOf(groups) };
  }

  /**
   * Removes the members each condition selects, one condition per membership table on its row `x`
   * (`x.user_id`, `x.member_group_id`), built on `params` ($1 = tenant, $2 = group). Each DELETE
   * starts from the group's primary-key range and tests its own rows only, so the cost follows the
   * rows it visits: the members named (an id condition is an index lookup), or the group for a filter.
   * Returns the ids removed.
   */
  async removeMembers(
    m: EntityManager,
    params: SqlParams,
    where: { users: string; groups: string },
  ): Promise<MemberIds> {
    const rows: Array<{ id: string; type: MemberType }> = await m.query(
      `WITH users AS (
         DELETE FROM group_user_member x WHERE x.tenant_id = $1 AND x.group_id = $2 AND (${where.users})
         RETURNING x.user_id AS id
       ), groups AS (
         DELETE FROM group_group_member x WHERE x.tenant_id = $1 AND x.group_id = $2 AND (${where.groups})
         RETURNING x.member_group_id AS id
       )
       SELECT id, 'User' AS type FROM users UNION ALL SELECT id, 'Group' AS type FROM groups`,
      params.values,
    );
    return {
      users: rows.filter((r) => r.type === 'User').map((r) => r.id),
      groups: rows.filter((r) => r.type === 'Group').map((r) => r.id),
    };
  }

  /** Removes every member of the group: one pass over its rows. */
  removeAllMembers(m: EntityManager, tenantId: string, groupId: string): Promise<MemberIds> {
    return this.removeMembers(m, new SqlParams([tenantId, groupId]), { users: 'true', groups: 'true' });
  }

  /** Removes the members with these ids (of either type); ids that are not members are skipped. */
  removeMembersById(m: EntityManager, tenantId: string, groupId: string, ids: string[]): Promise<MemberIds> {
    const params = new SqlParams([tenantId, groupId]);
    const list = `${params.add(ids)}::uuid[]`;
    return this.removeMembers(m, params, {
      users: `x.user_id = ANY(${list})`,
      groups: `x.member_group_id = ANY(${list})`,
    });
  }

  /** The ids of the group's members, by type: one index range per membership table. */
  async memberIds(m: EntityManager, tenantId: string, groupId: string): Promise<MemberIds> {
    const rows: Array<{ id: string; type: MemberType }> = await m.query(
      `SELECT user_id AS id, 'User' AS type FROM group_user_member WHERE tenant_id = $1 AND group_id = $2
       UNION ALL
       SELECT member_group_id, 'Group' FROM group_group_member WHERE tenant_id = $1 AND group_id = $2`,
      [tenantId, groupId],
    );
    return {
      users: rows.filter((r) => r.type === 'User').map((r) => r.id),
      groups: rows.filter((r) => r.type === 'Group').map((r) => r.id),
    };
  }

  /**
   * The members of the given groups, in page order, in batches of at most MEMBER_BATCH rows read
   * through a server-side cursor: one statement however many groups, and memory bounded however
   * large a group is. The batches come from one snapshot.
   */
  /** How many direct members (users and groups) each of the groups has. */
  async memberCounts(tenantId: string, groupIds: string[]): Promise<Map<string, number>> {
    if (groupIds.length === 0) return new Map();
    const rows: Array<{ group_id: string; count: number }> = await this.dataSource.query(
      `SELECT g.id AS group_id,
              (SELECT count(*) FROM group_user_member m WHERE m.tenant_id = $1 AND m.group_id = g.id)::int +
              (SELECT count(*) FROM group_group_member m WHERE m.tenant_id = $1 AND m.group_id = g.id)::int AS count
         FROM scim_group g WHERE g.tenant_id = $1 AND g.id = ANY($2::uuid[])`,
      [tenantId, groupIds],
    );
    return new Map(rows.map((r) => [r.group_id, r.count]));
  }

  async *members(tenantId: string, groupIds: string[]): AsyncGenerator<MemberRow[]> {
    if (groupIds.length === 0) return;
    const runner = this.dataSource.createQueryRunner('slave');
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(
        `DECLARE member_rows NO SCROLL CURSOR FOR
         SELECT (p.n - 1)::int AS index, m.type, m.value, m.display
           FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, n)
           CROSS JOIN LATERAL (
             SELECT 'User' AS type, gm.user_id AS value, coalesce(u.data ->> 'displayName', u.user_name) AS display
               FROM group_user_member gm
               JOIN scim_user u ON u.tenant_id = gm.tenant_id AND u.id = gm.user_id
              WHERE gm.tenant_id = $1 AND gm.group_id = p.id
             UNION ALL
             SELECT 'Group', gg.member_group_id, sg.display_name
               FROM group_group_member gg
               JOIN scim_group sg ON sg.tenant_id = gg.tenant_id AND sg.id = gg.member_group_id
              WHERE gg.tenant_id = $1 AND gg.group_id = p.id
           ) m
          ORDER BY p.n`,
        [tenantId, groupIds],
      );
      for (;;) {
        const rows = (await runner.query(`FETCH ${MEMBER_BATCH} FROM member_rows`)) as MemberRow[];
        if (rows.length > 0) yield rows;
        if (rows.length < MEMBER_BATCH) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
}
