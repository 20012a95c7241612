import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tenant's two hot counters (seats held, last event number) move to a narrow row of their own.
 * On `tenant` they made the row every table's foreign-key parent and the most updated row at once:
 * under load each insert's foreign-key check walked the chain of its recent versions. The new table
 * has no other index and a low fillfactor, so every update is a HOT update within one page.
 */
export class TenantCounters1763856700000 implements MigrationInterface {
  name = 'TenantCounters1763856700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenant_counter (
        tenant_id uuid NOT NULL,
        seats_used integer NOT NULL DEFAULT 0 CHECK (seats_used >= 0),
        event_seq bigint NOT NULL DEFAULT 0,
        CONSTRAINT tenant_counter_pkey PRIMARY KEY (tenant_id),
        CONSTRAINT tenant_counter_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      ) WITH (fillfactor = 10)`);
    await q.query(
      `INSERT INTO tenant_counter (tenant_id, seats_used, event_seq) SELECT id, seats_used, event_seq FROM tenant`,
    );
    await q.query(`ALTER TABLE tenant DROP COLUMN seats_used, DROP COLUMN event_seq`);
    // Every tenant has its counters, however it was inserted.
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

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tenant_counter_created ON tenant`);
    await q.query(`DROP FUNCTION rollcall_create_tenant_counter()`);
    await q.query(`
      ALTER TABLE tenant
        ADD COLUMN seats_used integer NOT NULL DEFAULT 0 CHECK (seats_used >= 0),
        ADD COLUMN event_seq bigint NOT NULL DEFAULT 0`);
    await q.query(`
      UPDATE tenant t SET seats_used = c.seats_used, event_seq = c.event_seq
        FROM tenant_counter c WHERE c.tenant_id = t.id`);
    await q.query(`DROP TABLE tenant_counter`);
  }
}
