import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `group_member`: both kinds of membership rows as one relation (value, type), so a SCIM filter on
 * `members` is one condition whatever the member's type; PostgreSQL pushes the tenant and group
 * conditions into each branch of the UNION ALL and keeps using the primary keys.
 *
 * `scim_lower_values`: the lower-cased `value`s of a multi-valued attribute, indexed for `emails`, so
 * that `emails.value eq "…"` (and `emails[value eq "…"]`) is an index lookup rather than a scan.
 */
export class MemberViewEmailIndex1763856200000 implements MigrationInterface {
  name = 'MemberViewEmailIndex1763856200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW group_member (tenant_id, group_id, value, type) AS
        SELECT tenant_id, group_id, user_id, 'User'::text FROM group_user_member
        UNION ALL
        SELECT tenant_id, group_id, member_group_id, 'Group'::text FROM group_group_member`);
    await q.query(`
      CREATE FUNCTION scim_lower_values(jsonb) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
          SELECT coalesce(array_agg(lower(e ->> 'value')) FILTER (WHERE e ->> 'value' IS NOT NULL), '{}')
            FROM jsonb_array_elements(CASE WHEN jsonb_typeof($1) = 'array' THEN $1 ELSE '[]'::jsonb END) AS e
        $$`);
    await q.query(
      `CREATE INDEX scim_user_email_values_idx ON scim_user USING gin (scim_lower_values(data -> 'emails'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX scim_user_email_values_idx`);
    await q.query(`DROP FUNCTION scim_lower_values(jsonb)`);
    await q.query(`DROP VIEW group_member`);
  }
}
