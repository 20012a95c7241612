import { MigrationInterface, QueryRunner } from 'typeorm';

export class Tenants1763856000000 implements MigrationInterface {
  name = 'Tenants1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenant (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        seat_limit integer CHECK (seat_limit >= 0),
        enabled boolean NOT NULL DEFAULT true,
        -- millisecond precision, so the admin API's (createdAt, id) cursor round-trips exactly
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tenant_pkey PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX tenant_created_idx ON tenant (created_at, id)`);
    await q.query(`
      CREATE TABLE tenant_token (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        prefix text NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        CONSTRAINT tenant_token_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT tenant_token_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      )`);
    // Lookup by hash is the one query that does not start from a tenant: the token tells the tenant.
    await q.query(`CREATE UNIQUE INDEX tenant_token_hash_key ON tenant_token (token_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tenant_token`);
    await q.query(`DROP TABLE tenant`);
  }
}
