import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows a table's count is spread over: each connection writes its own, so writers never queue on one. */
const SHARDS = 64;
const COUNTED = ['scim_user', 'scim_group'];

/**
 * The number of Users and Groups of each tenant, for an unfiltered list's `totalResults` without a
 * count over the tenant: kept in sharded rows (one per tenant, table and shard; the shard is the
 * writing connection's, so concurrent writers touch different rows) by statement triggers, in the
 * transaction of the insert or delete, whatever makes it (the API, Bulk, SQL). A read sums the rows.
 * Deletes that a tenant's own deletion cascades are not counted: its counts go with it (foreign key).
 */
export class ResourceCounts1765000000000 implements MigrationInterface {
  name = 'ResourceCounts1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resource_count (
        tenant_id uuid NOT NULL,
        resource_table text NOT NULL,
        shard smallint NOT NULL,
        n bigint NOT NULL,
        CONSTRAINT resource_count_pkey PRIMARY KEY (tenant_id, resource_table, shard),
        CONSTRAINT resource_count_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE FUNCTION resource_count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO resource_count AS c (tenant_id, resource_table, shard, n)
          SELECT r.tenant_id, TG_TABLE_NAME, pg_backend_pid() % ${SHARDS}, count(*) FROM new_rows r GROUP BY r.tenant_id
          ON CONFLICT (tenant_id, resource_table, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSE
          -- A tenant's own deletion takes its counts with it (foreign key): its cascaded deletes are not counted.
          INSERT INTO resource_count AS c (tenant_id, resource_table, shard, n)
          SELECT r.tenant_id, TG_TABLE_NAME, pg_backend_pid() % ${SHARDS}, -count(*) FROM old_rows r
           WHERE EXISTS (SELECT 1 FROM tenant t WHERE t.id = r.tenant_id)
           GROUP BY r.tenant_id
          ON CONFLICT (tenant_id, resource_table, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of COUNTED) {
      // The triggers first: their lock holds writers off until the counts below are committed.
      await q.query(
        `CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
           FOR EACH STATEMENT EXECUTE FUNCTION resource_count_rows()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
           FOR EACH STATEMENT EXECUTE FUNCTION resource_count_rows()`,
      );
      await q.query(
        `INSERT INTO resource_count (tenant_id, resource_table, shard, n)
         SELECT tenant_id, '${table}', 0, count(*) FROM ${table} GROUP BY tenant_id`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of COUNTED) {
      await q.query(`DROP TRIGGER ${table}_count_delete ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_count_insert ON ${table}`);
    }
    await q.query(`DROP FUNCTION resource_count_rows()`);
    await q.query(`DROP TABLE resource_count`);
  }
}
