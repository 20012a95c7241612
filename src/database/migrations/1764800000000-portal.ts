import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant admin portal: single-use links the operator's product hands to a customer's admin, and
 * the sessions they open. Codes and session ids are kept only as SHA-256 hashes, looked up by them
 * (unique), like SCIM tokens. Both belong to their tenant and go with it. `portal_quota_editable`
 * lets the operator keep the account size (seatQuota) read-only in the portal.
 */
export class Portal1764800000000 implements MigrationInterface {
  name = 'Portal1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant ADD COLUMN portal_quota_editable boolean NOT NULL DEFAULT true`);
    await q.query(`
      CREATE TABLE portal_link (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        code_hash bytea NOT NULL,
        return_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX portal_link_code_hash_key ON portal_link (code_hash)`);
    await q.query(`CREATE INDEX portal_link_expiry_idx ON portal_link (tenant_id, expires_at)`);
    await q.query(`
      CREATE TABLE portal_session (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        session_hash bytea NOT NULL,
        link_id uuid NOT NULL,
        return_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX portal_session_hash_key ON portal_session (session_hash)`);
    await q.query(`CREATE INDEX portal_session_expiry_idx ON portal_session (tenant_id, expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE portal_session`);
    await q.query(`DROP TABLE portal_link`);
    await q.query(`ALTER TABLE tenant DROP COLUMN portal_quota_editable`);
  }
}
