import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryPrepared } from '../database/prepared-query';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { runTransaction } from '../database/transactions';
import type { TenantRateLimit } from '../auth/auth-outcome';
import { retryRead } from '../database/transactions';
import { Keyset } from '../common/cursor';
import { TenantTokenEntity } from './tenant-token.entity';

export interface TokenOwner {
  tenantId: string;
  tokenId: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  tenantEnabled: boolean;
  /** The tenant's own provisioning switch (403 while off, once the token is known to be good). */
  scimEnabled: boolean;
  rateLimit: TenantRateLimit;
}

/** All SQL on the `tenant_token` table. */
@Injectable()
export class TenantTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One transaction, retried once where safe (runTransaction). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  async insert(
    token: Omit<TenantTokenEntity, 'createdAt' | 'lastUsedAt' | 'revokedAt'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TenantTokenEntity> {
    const repo = manager.getRepository(TenantTokenEntity);
    return repo.save(repo.create({ ...token, lastUsedAt: null, revokedAt: null }));
  }

  /**
   * The tenant's live tokens, oldest first, after `after` when given, at most `limit` (revoked ones are
   * kept only to name the reason of a refusal).
   */
  async list(tenantId: string, limit: number, after: Keyset | null): Promise<TenantTokenEntity[]> {
    const query = this.dataSource
      .getRepository(TenantTokenEntity)
      .createQueryBuilder('k')
      .where('k.tenant_id = :tenantId AND k.revoked_at IS NULL', { tenantId })
      .orderBy('k.created_at', 'ASC')
      .addOrderBy('k.id', 'ASC')
      .limit(limit);
    if (after) query.andWhere('(k.created_at, k.id) > (:at, :id)', { at: after.at, id: after.id });
    return query.getMany();
  }

  async findLive(tenantId: string, id: string): Promise<TenantTokenEntity | null> {
    return this.dataSource.getRepository(TenantTokenEntity).findOneBy({ tenantId, id, revokedAt: IsNull() });
  }

  /** Marks a live token revoked and answers it as it was; null when there is no such live token. */
  async revoke(
    tenantId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TenantTokenEntity | null> {
    const repo = manager.getRepository(TenantTokenEntity);
    const live = await repo.findOne({
      where: { tenantId, id, revokedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!live) return null;
    await repo.update({ tenantId, id }, { revokedAt: () => 'now()' });
    return live;
  }

  /** The one query not scoped by a tenant: the token's hash is what tells the tenant. */
  async findOwnerByHash(tokenHash: Buffer): Promise<TokenOwner | null> {
    // A pure read: retried once after a lost connection, so a database restart costs no 401 or 503.
    const rows = await retryRead(() =>
      queryPrepared<{
        tenant_id: string;
        id: string;
        expires_at: Date | null;
        last_used_at: Date | null;
        revoked_at: Date | null;
        enabled: boolean;
        scim_enabled: boolean;
        scim_rate_per_second: number | null;
        scim_rate_burst: number | null;
      }>(
        this.dataSource.manager,
        `SELECT k.tenant_id, k.id, k.expires_at, k.last_used_at, k.revoked_at, t.enabled, t.scim_enabled,
                t.scim_rate_per_second, t.scim_rate_burst
         FROM tenant_token k JOIN tenant t ON t.id = k.tenant_id
        WHERE k.token_hash = $1`,
        [tokenHash],
      ),
    );
    const row = rows[0];
    if (!row) return null;
    return {
      tenantId: row.tenant_id,
      tokenId: row.id,
      expiresAt: row.expires_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
      tenantEnabled: row.enabled,
      scimEnabled: row.scim_enabled,
      rateLimit: { perSecond: row.scim_rate_per_second, burst: row.scim_rate_burst },
    };
  }

  async touch(tenantId: string, id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE tenant_token SET last_used_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
  }
}
