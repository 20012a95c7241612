import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryPrepared } from '../database/prepared-query';
import { retryRead } from '../database/transactions';
import { DataSource } from 'typeorm';
import { TenantTokenEntity } from './tenant-token.entity';

export interface TokenOwner {
  tenantId: string;
  tokenId: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  tenantEnabled: boolean;
}

/** All SQL on the `tenant_token` table. */
@Injectable()
export class TenantTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(token: Omit<TenantTokenEntity, 'createdAt' | 'lastUsedAt'>): Promise<TenantTokenEntity> {
    const repo = this.dataSource.getRepository(TenantTokenEntity);
    return repo.save(repo.create({ ...token, lastUsedAt: null }));
  }

  async list(tenantId: string): Promise<TenantTokenEntity[]> {
    return this.dataSource
      .getRepository(TenantTokenEntity)
      .find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(TenantTokenEntity).delete({ tenantId, id });
    return (result.affected ?? 0) > 0;
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
        enabled: boolean;
      }>(
        this.dataSource.manager,
        `SELECT k.tenant_id, k.id, k.expires_at, k.last_used_at, t.enabled
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
      tenantEnabled: row.enabled,
    };
  }

  async touch(tenantId: string, id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE tenant_token SET last_used_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
  }
}
