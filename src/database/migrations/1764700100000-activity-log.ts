import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The provisioning activity log (src/activity). `activity_entry` holds one row per request, or per
 * minute for what is counted rather than listed (unauthenticated requests, successful reads), with
 * its redacted bodies; `activity_minute` the per-minute totals the connection summary reads;
 * `activity_connection` one row per tenant: first and last request, last success and failure, last
 * token. Every index leads with the tenant and ends with (at, id), the keyset order of the listing,
 * so each filter of the admin API is one index range read newest first. Retention deletes by
 * (tenant_id, at) in bounded batches (README: "Activity log").
 */
export class ActivityLog1764700100000 implements MigrationInterface {
  name = 'ActivityLog1764700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity_entry (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        at timestamptz NOT NULL,
        last_at timestamptz NOT NULL,
        aggregated boolean NOT NULL DEFAULT false,
        count integer NOT NULL DEFAULT 1 CHECK (count >= 1),
        request_id text,
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        client text NOT NULL CHECK (client IN ('okta', 'entra', 'onelogin', 'jumpcloud', 'other')),
        user_agent text,
        content_type text,
        client_address text,
        token_id uuid,
        method text NOT NULL,
        route text,
        query text,
        resource_type text,
        resource_id text,
        user_name text,
        operations jsonb,
        status smallint NOT NULL,
        failed boolean GENERATED ALWAYS AS (status >= 400) STORED,
        scim_type text,
        detail text,
        error_code text,
        auth_failure text,
        request_body text,
        request_body_truncated boolean NOT NULL DEFAULT false,
        response_body text,
        response_body_truncated boolean NOT NULL DEFAULT false,
        CONSTRAINT activity_entry_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT activity_entry_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX activity_entry_at_idx ON activity_entry (tenant_id, at, id)`);
    await q.query(`CREATE INDEX activity_entry_outcome_idx ON activity_entry (tenant_id, failed, at, id)`);
    await q.query(`CREATE INDEX activity_entry_status_idx ON activity_entry (tenant_id, status, at, id)`);
    await q.query(`CREATE INDEX activity_entry_client_idx ON activity_entry (tenant_id, client, at, id)`);
    await q.query(`
      CREATE INDEX activity_entry_resource_idx ON activity_entry (tenant_id, resource_id, at, id)
        WHERE resource_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX activity_entry_user_name_idx ON activity_entry (tenant_id, lower(user_name), at, id)
        WHERE user_name IS NOT NULL`);
    await q.query(`
      CREATE TABLE activity_minute (
        tenant_id uuid NOT NULL,
        minute timestamptz NOT NULL,
        requests integer NOT NULL CHECK (requests >= 0),
        errors integer NOT NULL CHECK (errors >= 0),
        CONSTRAINT activity_minute_pkey PRIMARY KEY (tenant_id, minute),
        CONSTRAINT activity_minute_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE activity_connection (
        tenant_id uuid NOT NULL,
        first_at timestamptz NOT NULL,
        first_client text NOT NULL,
        last_at timestamptz NOT NULL,
        last_client text NOT NULL,
        last_status smallint NOT NULL,
        last_success_at timestamptz,
        last_success_client text,
        last_failure_at timestamptz,
        last_failure_client text,
        last_failure_status smallint,
        last_failure_detail text,
        last_failure_code text,
        last_failure_entry_id uuid,
        last_token_id uuid,
        last_token_at timestamptz,
        CONSTRAINT activity_connection_pkey PRIMARY KEY (tenant_id),
        CONSTRAINT activity_connection_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE activity_connection`);
    await q.query(`DROP TABLE activity_minute`);
    await q.query(`DROP TABLE activity_entry`);
  }
}
