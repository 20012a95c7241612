import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change that can take a tenant's access away (a token revoked or altered, a tenant disabled or
 * deleted) announces the tenant on the `rollcall_tenant_access` channel when its transaction commits,
 * whichever code or client made it, so every process drops what it cached about that tenant's tokens.
 */
export class TenantAccessNotify1763856600000 implements MigrationInterface {
  name = 'TenantAccessNotify1763856600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION rollcall_notify_tenant_access() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('rollcall_tenant_access', to_jsonb(OLD) ->> TG_ARGV[0]);
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER tenant_token_access_changed
        AFTER DELETE OR UPDATE OF token_hash, expires_at, tenant_id ON tenant_token
        FOR EACH ROW EXECUTE FUNCTION rollcall_notify_tenant_access('tenant_id')`);
    await q.query(`
      CREATE TRIGGER tenant_access_changed
        AFTER DELETE OR UPDATE OF enabled, id ON tenant
        FOR EACH ROW EXECUTE FUNCTION rollcall_notify_tenant_access('id')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tenant_access_changed ON tenant`);
    await q.query(`DROP TRIGGER tenant_token_access_changed ON tenant_token`);
    await q.query(`DROP FUNCTION rollcall_notify_tenant_access()`);
  }
}
