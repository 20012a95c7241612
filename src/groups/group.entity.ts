import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A SCIM Group row (see the users-groups migration); members are rows of the membership tables. */
@Entity('scim_group')
export class GroupEntity {
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

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { name: 'external_id', nullable: true })
  externalId: string | null;

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('integer', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_modified' })
  lastModified: Date;
}
