import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SCIM Users and Groups. Each row keeps the resource's SCIM document in `data` (canonical attribute
 * names) and copies the attributes IdPs look up into indexed columns. Membership is rows, one per
 * member, so changing a group costs in proportion to the members changed.
 */
export class UsersGroups1763856100000 implements MigrationInterface {
  name = 'UsersGroups1763856100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scim_user (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        user_name text NOT NULL,
        external_id text,
        active boolean NOT NULL DEFAULT true,
        data jsonb NOT NULL,
        password_hash text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        last_modified timestamptz NOT NULL,
        CONSTRAINT scim_user_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT scim_user_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      )`);
    // userName is unique per tenant whatever its case (RFC 7643 §4.1.1: caseExact false).
    await q.query(`CREATE UNIQUE INDEX scim_user_user_name_key ON scim_user (tenant_id, lower(user_name))`);
    await q.query(`CREATE INDEX scim_user_external_id_idx ON scim_user (tenant_id, external_id)`);
    await q.query(`CREATE INDEX scim_user_last_modified_idx ON scim_user (tenant_id, last_modified)`);
    await q.query(`CREATE INDEX scim_user_created_idx ON scim_user (tenant_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX scim_user_seq_key ON scim_user (tenant_id, seq)`);

    await q.query(`
      CREATE TABLE scim_group (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        display_name text NOT NULL,
        external_id text,
        data jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        last_modified timestamptz NOT NULL,
        CONSTRAINT scim_group_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT scim_group_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX scim_group_display_name_key ON scim_group (tenant_id, lower(display_name))`,
    );
    await q.query(`CREATE INDEX scim_group_external_id_idx ON scim_group (tenant_id, external_id)`);
    await q.query(`CREATE INDEX scim_group_last_modified_idx ON scim_group (tenant_id, last_modified)`);
    await q.query(`CREATE UNIQUE INDEX scim_group_seq_key ON scim_group (tenant_id, seq)`);

    // Foreign keys on (tenant_id, id) make a member of another tenant impossible, and cascade deletes.
    await q.query(`
      CREATE TABLE group_user_member (
        tenant_id uuid NOT NULL,
        group_id uuid NOT NULL,
        user_id uuid NOT NULL,
        CONSTRAINT group_user_member_pkey PRIMARY KEY (tenant_id, group_id, user_id),
        CONSTRAINT group_user_member_group_fkey FOREIGN KEY (tenant_id, group_id)
          REFERENCES scim_group (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT group_user_member_user_fkey FOREIGN KEY (tenant_id, user_id)
          REFERENCES scim_user (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX group_user_member_user_idx ON group_user_member (tenant_id, user_id)`);
    await q.query(`
      CREATE TABLE group_group_member (
        tenant_id uuid NOT NULL,
        group_id uuid NOT NULL,
        member_group_id uuid NOT NULL,
        CONSTRAINT group_group_member_pkey PRIMARY KEY (tenant_id, group_id, member_group_id),
        CONSTRAINT group_group_member_group_fkey FOREIGN KEY (tenant_id, group_id)
          REFERENCES scim_group (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT group_group_member_member_fkey FOREIGN KEY (tenant_id, member_group_id)
          REFERENCES scim_group (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT group_group_member_not_self CHECK (group_id <> member_group_id)
      )`);
    await q.query(
      `CREATE INDEX group_group_member_member_idx ON group_group_member (tenant_id, member_group_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE group_group_member`);
    await q.query(`DROP TABLE group_user_member`);
    await q.query(`DROP TABLE scim_group`);
    await q.query(`DROP TABLE scim_user`);
  }
}
