import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No write reads or takes a tenant's counter row any more: events are numbered after their commit
 * (their last number is the tenant's highest `event.seq`) and seats are counted on `seat_count`. The
 * row, and the trigger that gave every new tenant one, go.
 */
export class DropTenantCounter1765300000000 implements MigrationInterface {
  name = 'DropTenantCounter1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS tenant_counter_created ON tenant`);
    await q.query(`DROP FUNCTION IF EXISTS rollcall_create_tenant_counter()`);
    await q.query(`DROP TABLE IF EXISTS tenant_counter`);
  }

  /** The row as the migrations before this one left it: the last event number, no seat column. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenant_counter (
        tenant_id uuid NOT NULL,
        event_seq bigint NOT NULL DEFAULT 0,
        CONSTRAINT tenant_counter_pkey PRIMARY KEY (tenant_id),
        CONSTRAINT tenant_counter_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      ) WITH (fillfactor = 10)`);
    await q.query(`
      INSERT INTO tenant_counter (tenant_id, event_seq)
      SELECT t.id, coalesce((SELECT max(e.seq) FROM event e WHERE e.tenant_id = t.id), 0) FROM tenant t`);
    await q.query(`
      CREATE FUNCTION rollcall_create_tenant_counter() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO tenant_counter (tenant_id) VALUES (NEW.id);
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER tenant_counter_created AFTER INSERT ON tenant
        FOR EACH ROW EXECUTE FUNCTION rollcall_create_tenant_counter()`);
  }
}
