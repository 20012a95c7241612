import { SqlRelation } from '../scim/filter/filter-to-sql';

/**
 * What Groups' membership rows say of a User: the relations the User definition declares for its
 * `groups`, so the SQL on Groups' tables stays in this folder. Both are written on the User's alias.
 */

/** `groups` as rows a filter tests (`groups.value eq "…"`): the user's direct memberships. */
export function userGroupsFilter(u: string): SqlRelation {
  return {
    from: 'group_user_member gm',
    correlate: `gm.tenant_id = ${u}.tenant_id AND gm.user_id = ${u}.id`,
    columns: { value: { sql: 'gm.group_id', kind: 'uuid' } },
  };
}

/** One element of the column below. */
export interface UserGroupRow {
  group_id: string;
  display_name: string;
  direct: boolean;
}

/**
 * The user's groups (direct, and indirect through nesting), by displayName, as one JSON column of the
 * user's own row: a read of a User with its groups stays one statement.
 */
export function userGroupsColumn(u: string): string {
  return `(
  WITH RECURSIVE ms(group_id, direct) AS (
    SELECT m.group_id, true FROM group_user_member m WHERE m.tenant_id = ${u}.tenant_id AND m.user_id = ${u}.id
    UNION
    SELECT gg.group_id, false FROM ms
      JOIN group_group_member gg ON gg.tenant_id = ${u}.tenant_id AND gg.member_group_id = ms.group_id
  )
  SELECT coalesce(json_agg(json_build_object('group_id', g.id, 'display_name', g.display_name, 'direct', d.direct)
                           ORDER BY g.display_name), '[]')
    FROM (SELECT group_id, bool_or(direct) AS direct FROM ms GROUP BY group_id) d
    JOIN scim_group g ON g.tenant_id = ${u}.tenant_id AND g.id = d.group_id
)`;
}
