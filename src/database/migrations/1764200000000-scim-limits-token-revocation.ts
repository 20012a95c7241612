import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-tenant SCIM rate limits (null: the server's default), and revocation that keeps the token's row
 * (`revoked_at`), so a request with a revoked token can be told apart from one with an unknown token.
 * Both changes announce the tenant on `rollcall_tenant_access`, like the changes of TenantAccessNotify,
 * so every process drops what it cached (the cached token owner carries the tenant's limits).
 */
export class ScimLimitsTokenRevocation1764200000000 implements MigrationInterface {
  name = 'ScimLimitsTokenRevocation1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tenant
        ADD COLUMN scim_rate_per_second integer CHECK (scim_rate_per_second >= 0),
        ADD COLUMN scim_rate_burst integer CHECK (scim_rate_burst >= 1)`);
    await q.query(`ALTER TABLE tenant_token ADD COLUMN revoked_at timestamptz`);
    await q.query(`
      CREATE TRIGGER tenant_limits_changed
        AFTER UPDATE OF scim_rate_per_second, scim_rate_burst ON tenant
        FOR EACH ROW EXECUTE FUNCTION rollcall_notify_tenant_access('id')`);
    await q.query(`
      CREATE TRIGGER tenant_token_revoked
        AFTER UPDATE OF revoked_at ON tenant_token
        FOR EACH ROW EXECUTE FUNCTION rollcall_notify_tenant_access('tenant_id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tenant_token_revoked ON tenant_token`);
    await q.query(`DROP TRIGGER tenant_limits_changed ON tenant`);
    await q.query(`DELETE FROM tenant_token WHERE revoked_at IS NOT NULL`);
    await q.query(`ALTER TABLE tenant_token DROP COLUMN revoked_at`);
    await q.query(`ALTER TABLE tenant DROP COLUMN scim_rate_burst, DROP COLUMN scim_rate_per_second`);
  }
}
