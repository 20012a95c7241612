import { MigrationInterface, QueryRunner } from 'typeorm';

/** The Entitlement resource type's tables: the resource, and its members as rows naming Users. */
export class Entitlements1799000000000 implements MigrationInterface {
  name = 'Entitlements1799000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE test_entitlement (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        display_name text NOT NULL,
        data jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        last_modified timestamptz NOT NULL,
        CONSTRAINT test_entitlement_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT test_entitlement_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX test_entitlement_display_name_key ON test_entitlement (tenant_id, lower(display_name))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX test_entitlement_seq_key ON test_entitlement (tenant_id, seq) INCLUDE (id)`,
    );
    await q.query(`
      CREATE TABLE test_entitlement_member (
        tenant_id uuid NOT NULL,
        entitlement_id uuid NOT NULL,
        user_id uuid NOT NULL,
        CONSTRAINT test_entitlement_member_pkey PRIMARY KEY (tenant_id, entitlement_id, user_id),
        CONSTRAINT test_entitlement_member_entitlement_fkey FOREIGN KEY (tenant_id, entitlement_id)
          REFERENCES test_entitlement (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT test_entitlement_member_user_fkey FOREIGN KEY (tenant_id, user_id)
          REFERENCES scim_user (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX test_entitlement_member_user_idx ON test_entitlement_member (tenant_id, user_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE test_entitlement_member`);
    await q.query(`DROP TABLE test_entitlement`);
  }
}
