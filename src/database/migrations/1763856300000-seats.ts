import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seats. `tenant.seats_used` counts the seats held (one per active user) and is changed by one
 * conditional UPDATE, so that "check the limit and take a seat" is a single atomic step in
 * PostgreSQL. `seat` keeps each user's seat state and quota; `seat_history` every assignment and
 * release, for billing, and outlives the user (no foreign key to it).
 */
export class Seats1763856300000 implements MigrationInterface {
  name = 'Seats1763856300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tenant
        ADD COLUMN seats_used integer NOT NULL DEFAULT 0 CHECK (seats_used >= 0),
        ADD COLUMN seat_quota_amount numeric CHECK (seat_quota_amount >= 0),
        ADD COLUMN seat_quota_unit text,
        ADD CONSTRAINT tenant_seat_quota_check CHECK ((seat_quota_amount IS NULL) = (seat_quota_unit IS NULL))`);
    await q.query(`
      CREATE TABLE seat (
        tenant_id uuid NOT NULL,
        user_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('invited', 'claimed', 'released')),
        quota_amount numeric CHECK (quota_amount >= 0),
        quota_unit text,
        assigned_at timestamptz NOT NULL,
        claimed_at timestamptz,
        released_at timestamptz,
        CONSTRAINT seat_pkey PRIMARY KEY (tenant_id, user_id),
        CONSTRAINT seat_user_fkey FOREIGN KEY (tenant_id, user_id)
          REFERENCES scim_user (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT seat_quota_check CHECK ((quota_amount IS NULL) = (quota_unit IS NULL))
      )`);
    await q.query(`CREATE INDEX seat_status_idx ON seat (tenant_id, status, assigned_at, user_id)`);
    await q.query(`
      CREATE TABLE seat_history (
        tenant_id uuid NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        user_id uuid NOT NULL,
        user_name text NOT NULL,
        action text NOT NULL CHECK (action IN ('assigned', 'released')),
        quota_amount numeric,
        quota_unit text,
        at timestamptz NOT NULL,
        CONSTRAINT seat_history_pkey PRIMARY KEY (tenant_id, seq),
        CONSTRAINT seat_history_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      )`);
    // Users active before seats existed hold a seat from now on.
    await q.query(`
      INSERT INTO seat (tenant_id, user_id, status, assigned_at)
      SELECT tenant_id, id, 'invited', now() FROM scim_user WHERE active`);
    await q.query(`
      UPDATE tenant t SET seats_used = s.n
        FROM (SELECT tenant_id, count(*)::int AS n FROM seat GROUP BY tenant_id) s
       WHERE s.tenant_id = t.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE seat_history`);
    await q.query(`DROP TABLE seat`);
    await q.query(`
      ALTER TABLE tenant DROP CONSTRAINT tenant_seat_quota_check,
        DROP COLUMN seat_quota_unit, DROP COLUMN seat_quota_amount, DROP COLUMN seats_used`);
  }
}
