import { Client } from 'pg';

/** The data set of every run: one large tenant and many small ones, written by SQL, not the API. */
export const BIG_TENANT_NAME = 'bench-big';
export const GROUP_MEMBERS = 100_000;
/** Users beyond the big group, added to and removed from it by the group scenarios. */
export const EXTRA_USERS = 5_000;
export const SMALL_TENANTS = 1_000;
export const SMALL_TENANT_USERS = 10;

export interface Seed {
  tenantId: string;
  groupId: string;
  /** Every user id of the big tenant, in userName order (user1…userN). */
  userIds: string[];
}

function userRows(tenant: string, from: string, count: string, prefix: string): string {
  return `INSERT INTO scim_user (tenant_id, id, user_name, external_id, active, data, created_at, last_modified)
    SELECT ${tenant}, gen_random_uuid(), '${prefix}' || n || '@bench.test', 'ext-' || n, true,
           jsonb_build_object(
             'userName', '${prefix}' || n || '@bench.test',
             'name', jsonb_build_object('givenName', 'Given' || n, 'familyName', 'Family' || n),
             'displayName', 'User ' || n,
             'emails', jsonb_build_array(jsonb_build_object('value', '${prefix}' || n || '@bench.test', 'type', 'work', 'primary', true)),
             'externalId', 'ext-' || n,
             'active', true),
           now(), now()
      FROM ${from} AS n${count}`;
}

/** Seeds once per database: a later run finds the big tenant and reuses it. */
export async function seed(databaseUrl: string, log: (line: string) => void): Promise<Seed> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const existing = await db.query<{ id: string }>(`SELECT id FROM tenant WHERE name = $1`, [
      BIG_TENANT_NAME,
    ]);
    let tenantId = existing.rows[0]?.id;
    if (!tenantId) {
      const started = Date.now();
      await db.query('BEGIN');
      tenantId = (
        await db.query<{ id: string }>(`INSERT INTO tenant (name) VALUES ($1) RETURNING id`, [
          BIG_TENANT_NAME,
        ])
      ).rows[0].id;
      await db.query(userRows('$1::uuid', 'generate_series(1, $2::int)', '', 'user'), [
        tenantId,
        GROUP_MEMBERS + EXTRA_USERS,
      ]);
      await db.query(
        `INSERT INTO scim_group (tenant_id, id, display_name, data, created_at, last_modified)
         VALUES ($1, gen_random_uuid(), 'Everyone', '{"displayName":"Everyone"}', now(), now())`,
        [tenantId],
      );
      await db.query(
        `INSERT INTO group_user_member (tenant_id, group_id, user_id)
         SELECT $1, g.id, u.id FROM scim_group g
           JOIN scim_user u ON u.tenant_id = g.tenant_id
          WHERE g.tenant_id = $1 AND u.seq <= (SELECT min(seq) FROM scim_user WHERE tenant_id = $1) + $2 - 1`,
        [tenantId, GROUP_MEMBERS],
      );
      await db.query(
        `INSERT INTO tenant (name) SELECT 'bench-small-' || n FROM generate_series(1, $1::int) AS n`,
        [SMALL_TENANTS],
      );
      await db.query(
        userRows(
          't.id',
          `tenant t CROSS JOIN generate_series(1, ${SMALL_TENANT_USERS})`,
          ` WHERE t.name LIKE 'bench-small-%'`,
          'small',
        ),
      );
      // Every active user holds a seat, as if provisioned through the API.
      await db.query(
        `INSERT INTO seat (tenant_id, user_id, status, assigned_at)
         SELECT u.tenant_id, u.id, 'invited', now() FROM scim_user u JOIN tenant t ON t.id = u.tenant_id
          WHERE t.name LIKE 'bench-%' ON CONFLICT DO NOTHING`,
      );
      await db.query(
        `INSERT INTO seat_count (tenant_id, shard, used)
         SELECT s.tenant_id, 0, count(*) FROM seat s JOIN tenant t ON t.id = s.tenant_id
          WHERE t.name LIKE 'bench-%' AND s.status <> 'released' GROUP BY s.tenant_id
         ON CONFLICT (tenant_id, shard) DO UPDATE SET used = excluded.used`,
      );
      await db.query('COMMIT');
      log(
        `seeded ${GROUP_MEMBERS + EXTRA_USERS + SMALL_TENANTS * SMALL_TENANT_USERS} users in ${Date.now() - started} ms`,
      );
    } else {
      log('reusing the seeded data set');
    }
    // What autovacuum keeps up in a steady state: statistics, and visibility for index-only scans.
    await db.query('VACUUM ANALYZE scim_user, scim_group, group_user_member, seat, tenant');
    const groupId = (
      await db.query<{ id: string }>(
        `SELECT id FROM scim_group WHERE tenant_id = $1 AND display_name = 'Everyone'`,
        [tenantId],
      )
    ).rows[0].id;
    // The seeded users only (not those earlier runs created), in the order of their number.
    const users = await db.query<{ id: string }>(
      `SELECT id FROM scim_user WHERE tenant_id = $1 AND user_name ~ '^user[0-9]+@bench\\.test$'
        ORDER BY substring(user_name from 5 for position('@' in user_name) - 5)::int`,
      [tenantId],
    );
    return { tenantId, groupId, userIds: users.rows.map((r) => r.id) };
  } finally {
    await db.end();
  }
}
