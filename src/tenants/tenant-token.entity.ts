import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TenantEntity } from './tenant.entity';

/** A SCIM bearer token. Only the SHA-256 hash of the secret is stored; lookup is by that hash. */
@Entity('tenant_token')
export class TenantTokenEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn('uuid', { default: () => 'gen_random_uuid()' })
  id: string;

  @Index('tenant_token_hash_key', { unique: true })
  @Column('bytea', { name: 'token_hash' })
  tokenHash: Buffer;

  /** The first characters of the token, enough to tell tokens apart, never enough to use one. */
  @Column('text')
  prefix: string;

  @Column('text', { nullable: true })
  description: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  /** Set when revoked: the row stays so that a request with it is known to carry a revoked token. */
  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: TenantEntity;
}
