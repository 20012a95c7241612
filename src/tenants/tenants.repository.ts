import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { runTransaction } from '../database/transactions';
import { Keyset } from '../common/cursor';
import { seatLimitLockKey } from '../seats/seat-count';
import { TenantEntity } from './tenant.entity';

export interface TenantChanges {
  name?: string;
  externalId?: string | null;
  seatLimit?: number | null;
  seatQuotaAmount?: string | null;
  seatQuotaUnit?: string | null;
  enabled?: boolean;
  scimEnabled?: boolean;
  scimRatePerSecond?: number | null;
  scimRateBurst?: number | null;
  portalQuotaEditable?: boolean;
}

/** All SQL on the `tenant` table. */
@Injectable()
export class TenantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(values: Required<Omit<TenantChanges, 'enabled'>>): Promise<TenantEntity> {
    const repo = this.dataSource.getRepository(TenantEntity);
    const saved = await repo.save(repo.create({ ...values, enabled: true }));
    return (await this.findById(saved.id)) ?? saved;
  }

  /** A keyset page of tenants, oldest first; with `externalId`, the one tenant it names (or none). */
  async list(limit: number, after: Keyset | null, externalId?: string): Promise<TenantEntity[]> {
    const query = this.dataSource
      .getRepository(TenantEntity)
      .createQueryBuilder('t')
      .where('true')
      .orderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(limit);
    if (externalId !== undefined) query.andWhere('t.external_id = :externalId', { externalId });
    if (after) query.andWhere('(t.created_at, t.id) > (:at, :id)', { at: after.at, id: after.id });
    return query.getMany();
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<TenantEntity | null> {
    return manager.findOneBy(TenantEntity, { id });
  }

  async update(
    id: string,
    changes: TenantChanges,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TenantEntity | null> {
    // A new limit waits for the activations past their check, and holds later ones until it commits.
    if (changes.seatLimit !== undefined)
      await manager.query(`SELECT pg_advisory_xact_lock(${seatLimitLockKey('$1::uuid::text')})`, [id]);
    if (Object.keys(changes).length > 0) await manager.update(TenantEntity, { id }, changes);
    return this.findById(id, manager);
  }

  /** One transaction, retried once where safe (runTransaction). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  /** Deletes the tenant; foreign keys with ON DELETE CASCADE remove everything it owns in the same statement. */
  async delete(id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(TenantEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
