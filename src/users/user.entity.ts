import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A SCIM User row (see the users-groups migration); `data` is the SCIM document. */
@Entity('scim_user')
export class UserEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column({
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    generated: 'identity',
    insert: false,
    update: false,
  })
  seq: string;

  @Column('text', { name: 'user_name' })
  userName: string;

  @Column('text', { name: 'external_id', nullable: true })
  externalId: string | null;

  @Column('boolean', { default: true })
  active: boolean;

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash: string | null;

  @Column('integer', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_modified' })
  lastModified: Date;
}
