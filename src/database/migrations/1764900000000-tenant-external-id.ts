import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tenant's `external_id`: the SaaS's own account id, to find the tenant by. Unique across tenants
 * (one account, one tenant); null for tenants not linked, which the index leaves out.
 */
export class TenantExternalId1764900000000 implements MigrationInterface {
  name = 'TenantExternalId1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant ADD COLUMN external_id text`);
    await q.query(`CREATE UNIQUE INDEX tenant_external_id_key ON tenant (external_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tenant_external_id_key`);
    await q.query(`ALTER TABLE tenant DROP COLUMN external_id`);
  }
}
