import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '../scim/filter/sql-params';
import { idsOf } from '../database/returned-rows';
import { MemberType } from './group-storage';

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

/** Rows fetched per round trip when streaming members: bounds memory whatever the group's size. */
const MEMBER_BATCH = 5000;

/**
 * Where the members of one type are: the Group's reference rows (`group_user_member`) and the
 * member type's table, from the registered definitions, with the SQL of what a member shows as its
 * `display`.
 */
export interface MemberSource {
  type: MemberType;
  /** The reference's rows and their columns (the group, the member). */
  rows: string;
  referrer: string;
  referenced: string;
  /** The member type's table, its alias, and its display on that alias. */
  table: string;
  alias: string;
  display: string;
}

/**
 * All SQL on the membership tables (`group_user_member`, `group_group_member`): members as rows.
 * The member types' own tables are read only through the sources the definitions declare. Every
 * statement is scoped by the tenant id.
 */
@Injectable()
export class GroupMembershipRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Which of these ids are members of which type in the tenant; ids of none are left out. */
  async memberTypes(
    m: EntityManager,
    tenantId: string,
    ids: string[],
    sources: MemberSource[],
  ): Promise<Map<string, MemberType>> {
    const rows: Array<{ id: string; type: MemberType }> = await m.query(
      sources
        .map(
          (s) =>
            `SELECT id, '${s.type}' AS type FROM ${s.table} WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        )
        .join(' UNION ALL '),
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

  /**
   * The members of the given groups, in page order, in batches of at most MEMBER_BATCH rows read
   * through a server-side cursor: one statement however many groups, and memory bounded however
   * large a group is. The batches come from one snapshot.
   */
  async *members(tenantId: string, groupIds: string[], sources: MemberSource[]): AsyncGenerator<MemberRow[]> {
    if (groupIds.length === 0) return;
    const arms = sources.map(
      (s, i) =>
        `SELECT '${s.type}'::text AS type, r${i}.${s.referenced} AS value, ${s.display} AS display
           FROM ${s.rows} r${i}
           JOIN ${s.table} ${s.alias} ON ${s.alias}.tenant_id = r${i}.tenant_id AND ${s.alias}.id = r${i}.${s.referenced}
          WHERE r${i}.tenant_id = $1 AND r${i}.${s.referrer} = p.id`,
    );
    const runner = this.dataSource.createQueryRunner('slave');
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(
        `DECLARE member_rows NO SCROLL CURSOR FOR
         SELECT (p.n - 1)::int AS index, m.type, m.value, m.display
           FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, n)
           CROSS JOIN LATERAL (${arms.join(' UNION ALL ')}) m
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
