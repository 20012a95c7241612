import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The default list order (tenant, seq) also carries the id, so a page at any depth is chosen by an
 * index-only scan and only its rows are read from the table.
 */
export class CoveringOrderIndexes1763856500000 implements MigrationInterface {
  name = 'CoveringOrderIndexes1763856500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX scim_user_seq_key`);
    await q.query(`CREATE UNIQUE INDEX scim_user_seq_key ON scim_user (tenant_id, seq) INCLUDE (id)`);
    await q.query(`DROP INDEX scim_group_seq_key`);
    await q.query(`CREATE UNIQUE INDEX scim_group_seq_key ON scim_group (tenant_id, seq) INCLUDE (id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX scim_group_seq_key`);
    await q.query(`CREATE UNIQUE INDEX scim_group_seq_key ON scim_group (tenant_id, seq)`);
    await q.query(`DROP INDEX scim_user_seq_key`);
    await q.query(`CREATE UNIQUE INDEX scim_user_seq_key ON scim_user (tenant_id, seq)`);
  }
}
