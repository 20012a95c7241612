import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VirtualColumn,
} from 'typeorm';
import { SEATS_USED } from '../seats/seat-count';

@Entity('tenant')
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** The SaaS's own account id for this tenant, unique across tenants; null when not linked. */
  @Index('tenant_external_id_key', { unique: true })
  @Column('text', { name: 'external_id', nullable: true })
  externalId: string | null;

  /** null: unlimited seats. */
  @Column('integer', { name: 'seat_limit', nullable: true })
  seatLimit: number | null;

  /** Seats held (one per active user): the sum of the tenant's `seat_count` shards, kept by the seat ledger. */
  @VirtualColumn({ type: 'integer', query: (alias) => SEATS_USED(`${alias}.id`) })
  seatsUsed: number;

  /** The quota each new seat gets (numeric arrives as a string); null with its unit when none. */
  @Column('numeric', { name: 'seat_quota_amount', nullable: true })
  seatQuotaAmount: string | null;

  @Column('text', { name: 'seat_quota_unit', nullable: true })
  seatQuotaUnit: string | null;

  /** The operator's switch: a disabled tenant is refused on every SCIM request (401). */
  @Column('boolean', { default: true })
  enabled: boolean;

  /** The tenant's own switch: while off, a valid token gets 403 (provisioning turned off). */
  @Column('boolean', { name: 'scim_enabled', default: true })
  scimEnabled: boolean;

  /** SCIM requests a second, sustained; null: the server's SCIM_RATE_LIMIT_PER_SECOND; 0: unlimited. */
  @Column('integer', { name: 'scim_rate_per_second', nullable: true })
  scimRatePerSecond: number | null;

  /** Requests at once above the sustained rate; null: the server's SCIM_RATE_LIMIT_BURST. */
  @Column('integer', { name: 'scim_rate_burst', nullable: true })
  scimRateBurst: number | null;

  /** Whether the tenant's admin may change the account size (seatQuota) in the portal. */
  @Column('boolean', { name: 'portal_quota_editable', default: true })
  portalQuotaEditable: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
