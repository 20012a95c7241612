import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant's own "Enable SCIM provisioning" switch, apart from the operator's `enabled`. Existing
 * tenants start with it on, so an upgrade stops no live identity provider. Turning it off announces
 * the tenant on `rollcall_tenant_access` like the changes of TenantAccessNotify, so every process
 * drops the token owners it cached (they carry the switch).
 */
export class TenantScimSwitch1764700000000 implements MigrationInterface {
  name = 'TenantScimSwitch1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant ADD COLUMN scim_enabled boolean NOT NULL DEFAULT true`);
    await q.query(`
      CREATE TRIGGER tenant_scim_switch_changed
        AFTER UPDATE OF scim_enabled ON tenant
        FOR EACH ROW EXECUTE FUNCTION rollcall_notify_tenant_access('id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tenant_scim_switch_changed ON tenant`);
    await q.query(`ALTER TABLE tenant DROP COLUMN scim_enabled`);
  }
}
