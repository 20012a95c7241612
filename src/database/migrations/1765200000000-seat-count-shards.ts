import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seats a tenant holds move from its one counter row (`tenant_counter.seats_used`, locked by
 * every activation until commit) to 16 shard rows per tenant summed on read: a write changes a shard
 * no other transaction holds, so activations of a tenant without a limit no longer queue on one row
 * (src/seats/seat-count.ts). A shard may go below zero (a seat taken on one and given back on
 * another); the sum is the count. The counts are taken from `seat` itself, the seats held, so every
 * tenant starts exact; every tenant gets its shards when it is inserted, however it is inserted.
 */
export class SeatCountShards1765200000000 implements MigrationInterface {
  name = 'SeatCountShards1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE seat_count (
        tenant_id uuid NOT NULL,
        shard smallint NOT NULL CHECK (shard >= 0 AND shard < 16),
        used integer NOT NULL,
        CONSTRAINT seat_count_pkey PRIMARY KEY (tenant_id, shard),
        CONSTRAINT seat_count_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      ) WITH (fillfactor = 50)`);
    await q.query(`
      INSERT INTO seat_count (tenant_id, shard, used)
      SELECT t.id, n, CASE WHEN n = 0 THEN (
               SELECT count(*)::int FROM seat s WHERE s.tenant_id = t.id AND s.status <> 'released'
             ) ELSE 0 END
        FROM tenant t CROSS JOIN generate_series(0, 15) AS n`);
    await q.query(`
      CREATE FUNCTION rollcall_create_seat_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO seat_count (tenant_id, shard, used) SELECT NEW.id, n, 0 FROM generate_series(0, 15) AS n;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER seat_count_created AFTER INSERT ON tenant
        FOR EACH ROW EXECUTE FUNCTION rollcall_create_seat_count()`);
    await q.query(`ALTER TABLE IF EXISTS tenant_counter DROP COLUMN IF EXISTS seats_used`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE tenant_counter ADD COLUMN seats_used integer NOT NULL DEFAULT 0 CHECK (seats_used >= 0)`,
    );
    await q.query(`
      UPDATE tenant_counter c SET seats_used = s.used
        FROM (SELECT tenant_id, sum(used)::int AS used FROM seat_count GROUP BY tenant_id) s
       WHERE s.tenant_id = c.tenant_id`);
    await q.query(`DROP TRIGGER seat_count_created ON tenant`);
    await q.query(`DROP FUNCTION rollcall_create_seat_count()`);
    await q.query(`DROP TABLE seat_count`);
  }
}
