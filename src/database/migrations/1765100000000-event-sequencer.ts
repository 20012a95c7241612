import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events are numbered after commit. A write stores its events without a sequence (so it no longer
 * locks a per-tenant counter until it commits); `rollcall_number_events` numbers a tenant's committed
 * unnumbered events under a per-tenant advisory lock, in arrival order, and queues their webhook
 * deliveries in the same statement. Runs are serialized per tenant and each starts after the previous
 * one committed, so sequence order is commit order. The feed and the delivery queue see only numbered
 * events. `tenant_counter.event_seq` is no longer kept: a tenant's last number is its highest `seq`
 * (retention always keeps the newest event).
 */
export class EventSequencer1765100000000 implements MigrationInterface {
  name = 'EventSequencer1765100000000';

  async up(q: QueryRunner): Promise<void> {
    // (tenant_id, id) becomes the key, since seq is null until the event is numbered; the delivery's
    // foreign key refers to that pair and is put back on the new key unchanged.
    await q.query(`ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_event_fkey`);
    await q.query(`ALTER TABLE event DROP CONSTRAINT event_id_key, DROP CONSTRAINT event_pkey`);
    await q.query(`ALTER TABLE event ADD CONSTRAINT event_pkey PRIMARY KEY (tenant_id, id)`);
    await q.query(`ALTER TABLE event ALTER COLUMN seq DROP NOT NULL`);
    await q.query(`ALTER TABLE event ADD CONSTRAINT event_seq_key UNIQUE (tenant_id, seq)`);
    await q.query(`
      ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_event_fkey FOREIGN KEY (tenant_id, event_id)
        REFERENCES event (tenant_id, id) DEFERRABLE INITIALLY DEFERRED`);
    // The order in which events were stored, numbered in that order: a write that waited for another's
    // row lock stores its events after that one committed.
    await q.query(`CREATE SEQUENCE event_arrival_seq`);
    // Events already numbered keep a null arrival (a default given with the column would rewrite them).
    await q.query(`ALTER TABLE event ADD COLUMN arrival bigint`);
    await q.query(`ALTER TABLE event ALTER COLUMN arrival SET DEFAULT nextval('event_arrival_seq')`);
    await q.query(`ALTER SEQUENCE event_arrival_seq OWNED BY event.arrival`);
    await q.query(`CREATE INDEX event_unnumbered_idx ON event (tenant_id, arrival) WHERE seq IS NULL`);
    await q.query(`
      CREATE FUNCTION rollcall_number_events(p_tenant uuid, p_wait boolean, p_now timestamptz)
        RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        lock_key constant bigint := hashtextextended('event-sequencer:' || p_tenant::text, 0);
        numbered integer;
      BEGIN
        -- p_wait: wait (at most a second) for a run in progress, so a write's own events are numbered
        -- when it answers; otherwise (the sweep) skip a tenant being numbered.
        IF p_wait THEN
          PERFORM set_config('lock_timeout', '1s', true);
          PERFORM pg_advisory_xact_lock(lock_key);
        ELSIF NOT pg_try_advisory_xact_lock(lock_key) THEN
          RETURN NULL;
        END IF;
        -- A statement of its own, whose snapshot (taken after the lock) sees every earlier run.
        WITH pending AS (
          SELECT e.id, row_number() OVER (ORDER BY e.arrival) AS n
            FROM event e WHERE e.tenant_id = p_tenant AND e.seq IS NULL
        ), last AS (
          SELECT coalesce(max(e.seq), 0) AS seq FROM event e WHERE e.tenant_id = p_tenant
        ), numbered_events AS (
          UPDATE event e SET seq = last.seq + pending.n
            FROM pending, last
           WHERE e.tenant_id = p_tenant AND e.id = pending.id
          RETURNING e.id, e.seq, e.type
        ), queued AS (
          INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_id, event_seq, next_attempt_at, created_at)
          SELECT p_tenant, gen_random_uuid(), w.id, ne.id, ne.seq, p_now, p_now
            FROM webhook_endpoint w
            JOIN numbered_events ne ON w.event_types = '{}' OR ne.type = ANY (w.event_types)
           WHERE w.tenant_id = p_tenant
        )
        SELECT count(*) INTO numbered FROM numbered_events;
        RETURN numbered;
      END
      $$`);
  }

  /**
   * Numbers what is still unnumbered, and puts the counter and the old keys back. The numbering is one
   * statement for every tenant, behind a table lock that keeps writers out (a per-tenant advisory lock
   * each, held to the end of the migration, would fill the lock table with many tenants).
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`LOCK TABLE event IN SHARE ROW EXCLUSIVE MODE`);
    await q.query(`
      WITH pending AS (
        SELECT e.tenant_id, e.id, row_number() OVER (PARTITION BY e.tenant_id ORDER BY e.arrival) AS n
          FROM event e WHERE e.seq IS NULL
      ), last AS (
        SELECT e.tenant_id, coalesce(max(e.seq), 0) AS seq FROM event e
         WHERE e.tenant_id IN (SELECT p.tenant_id FROM pending p) GROUP BY e.tenant_id
      ), numbered_events AS (
        UPDATE event e SET seq = last.seq + pending.n
          FROM pending JOIN last ON last.tenant_id = pending.tenant_id
         WHERE e.tenant_id = pending.tenant_id AND e.id = pending.id
        RETURNING e.tenant_id, e.id, e.seq, e.type
      )
      INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_id, event_seq, next_attempt_at, created_at)
      SELECT ne.tenant_id, gen_random_uuid(), w.id, ne.id, ne.seq, now(), now()
        FROM numbered_events ne
        JOIN webhook_endpoint w ON w.tenant_id = ne.tenant_id AND (w.event_types = '{}' OR ne.type = ANY (w.event_types))`);
    // The deliveries' deferred key checks run now: a table with pending checks cannot be altered.
    await q.query(`SET CONSTRAINTS ALL IMMEDIATE`);
    await q.query(`
      UPDATE tenant_counter c SET event_seq = coalesce((SELECT max(e.seq) FROM event e WHERE e.tenant_id = c.tenant_id), 0)`);
    await q.query(`DROP FUNCTION rollcall_number_events(uuid, boolean, timestamptz)`);
    await q.query(`DROP INDEX event_unnumbered_idx`);
    await q.query(`ALTER TABLE event DROP COLUMN arrival`);
    await q.query(`ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_event_fkey`);
    await q.query(`ALTER TABLE event DROP CONSTRAINT event_seq_key, DROP CONSTRAINT event_pkey`);
    await q.query(`ALTER TABLE event ALTER COLUMN seq SET NOT NULL`);
    await q.query(`ALTER TABLE event ADD CONSTRAINT event_pkey PRIMARY KEY (tenant_id, seq)`);
    await q.query(`ALTER TABLE event ADD CONSTRAINT event_id_key UNIQUE (tenant_id, id)`);
    await q.query(`
      ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_event_fkey FOREIGN KEY (tenant_id, event_id)
        REFERENCES event (tenant_id, id) DEFERRABLE INITIALLY DEFERRED`);
  }
}
