import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Functions that let a write take fewer round trips.
 *
 * - `rollcall_number_committed_events` numbers a tenant's events as `rollcall_number_events` does
 *   (waiting at most a second for a run in progress) and answers null with a warning instead of
 *   raising. A write sends it right after its COMMIT, in the same simple query; what it leaves
 *   unnumbered the next write or the sweep numbers.
 * - `rollcall_take_seat` and `rollcall_give_back_seat` count a seat on `seat_count` as the seat
 *   statements did (src/seats/seat-count.ts), so that the seat's row, its history and its count are one
 *   statement. A VOLATILE function's statements each take a new snapshot: called after the limit lock
 *   was taken in the calling statement, `rollcall_take_seat` reads the limit as committed by then.
 */
export class FewerRoundTrips1765400000000 implements MigrationInterface {
  name = 'FewerRoundTrips1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION rollcall_number_committed_events(p_tenant uuid)
        RETURNS integer LANGUAGE plpgsql AS $$
      BEGIN
        RETURN rollcall_number_events(p_tenant, true, statement_timestamp());
      EXCEPTION WHEN query_canceled OR others THEN
        RAISE WARNING 'events of tenant % committed but not numbered yet (%): the sweep numbers them',
          p_tenant, SQLERRM;
        RETURN NULL;
      END
      $$`);
    // Without a limit: one seat more on any of the 16 shards no other transaction holds, trying this
    // connection's own first (made when missing). With one: on shard 0 alone, by a conditional upsert
    // whose row lock queues the tenant's activations until commit; the other shards can only fall
    // while a limit is set. True when the seat was counted, false when none is free.
    await q.query(`
      CREATE FUNCTION rollcall_take_seat(p_tenant uuid)
        RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_taken boolean;
      BEGIN
        WITH free AS (
          SELECT c.shard FROM seat_count c JOIN tenant t ON t.id = c.tenant_id
           WHERE c.tenant_id = p_tenant AND t.seat_limit IS NULL
           ORDER BY (c.shard - pg_backend_pid() % 16 + 16) % 16
           LIMIT 1 FOR UPDATE OF c SKIP LOCKED
        ), bumped AS (
          UPDATE seat_count c SET used = c.used + 1 FROM free
           WHERE c.tenant_id = p_tenant AND c.shard = free.shard RETURNING 1
        ), added AS (
          INSERT INTO seat_count (tenant_id, shard, used)
          SELECT p_tenant, pg_backend_pid() % 16, 1 FROM tenant t
           WHERE t.id = p_tenant AND t.seat_limit IS NULL AND NOT EXISTS (SELECT FROM bumped)
          ON CONFLICT (tenant_id, shard) DO UPDATE SET used = seat_count.used + 1 RETURNING 1
        ), within_limit AS (
          INSERT INTO seat_count AS c (tenant_id, shard, used)
          SELECT p_tenant, 0, 1 FROM tenant t
           WHERE t.id = p_tenant AND t.seat_limit IS NOT NULL
             AND (SELECT coalesce(sum(s.used), 0) FROM seat_count s WHERE s.tenant_id = p_tenant) < t.seat_limit
          ON CONFLICT (tenant_id, shard) DO UPDATE SET used = c.used + 1
           WHERE c.used + (SELECT coalesce(sum(o.used), 0) FROM seat_count o WHERE o.tenant_id = p_tenant AND o.shard <> 0)
                 < (SELECT t.seat_limit FROM tenant t WHERE t.id = p_tenant)
          RETURNING 1
        )
        SELECT EXISTS (SELECT FROM bumped) OR EXISTS (SELECT FROM added) OR EXISTS (SELECT FROM within_limit)
          INTO v_taken;
        RETURN v_taken;
      END
      $$`);
    // One seat less, on any of shards 1 to 15 no other transaction holds: a release never waits for
    // another, and never takes the shard a limited tenant's activations queue on (a delete gives its
    // seat back before its user's row goes, where a create counts its row before it queues there).
    await q.query(`
      CREATE FUNCTION rollcall_give_back_seat(p_tenant uuid)
        RETURNS void LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        WITH free AS (
          SELECT c.shard FROM seat_count c
           WHERE c.tenant_id = p_tenant AND c.shard >= 1
           ORDER BY (c.shard - (1 + pg_backend_pid() % 15) + 15) % 15
           LIMIT 1 FOR UPDATE OF c SKIP LOCKED
        ), bumped AS (
          UPDATE seat_count c SET used = c.used - 1 FROM free
           WHERE c.tenant_id = p_tenant AND c.shard = free.shard RETURNING 1
        )
        INSERT INTO seat_count (tenant_id, shard, used)
        SELECT p_tenant, 1 + pg_backend_pid() % 15, -1 FROM tenant t
         WHERE t.id = p_tenant AND NOT EXISTS (SELECT FROM bumped)
        ON CONFLICT (tenant_id, shard) DO UPDATE SET used = seat_count.used - 1;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION rollcall_give_back_seat(uuid)`);
    await q.query(`DROP FUNCTION rollcall_take_seat(uuid)`);
    await q.query(`DROP FUNCTION rollcall_number_committed_events(uuid)`);
  }
}
