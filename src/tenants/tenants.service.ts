import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { decodeCursor, encodeCursor, Page, pageOf } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { ScimError } from '../scim/errors/scim-error';
import { QuotaDto } from '../seats/dto/seat.dto';
import { CreateTenantDto, ScimRateLimitDto, TenantDto, UpdateTenantDto } from './dto/tenant.dto';
import { TenantEntity } from './tenant.entity';
import { TenantsRepository } from './tenants.repository';
import { scimBaseUrl } from '../scim/http/scim-urls';
import { TokenCache } from './token-cache';

function quotaColumns(quota: QuotaDto | null) {
  return { seatQuotaAmount: quota ? String(quota.amount) : null, seatQuotaUnit: quota?.unit ?? null };
}

/** Absent fields of a limit keep their value; null sets the server's default. */
function rateLimitColumns(limit: ScimRateLimitDto | null) {
  return {
    ...(limit === null || limit.perSecond !== undefined
      ? { scimRatePerSecond: limit?.perSecond ?? null }
      : {}),
    ...(limit === null || limit.burst !== undefined ? { scimRateBurst: limit?.burst ?? null } : {}),
  };
}

/** Work done in the transaction of a tenant change, seeing the tenant before and after it. */
export type TenantChangeHook = (m: EntityManager, before: TenantDto, after: TenantDto) => Promise<void>;

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: TenantsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokenCache: TokenCache,
  ) {}

  scimBaseUrl(tenantId: string): string {
    return scimBaseUrl(this.config.publicUrl, tenantId);
  }

  async create(input: CreateTenantDto): Promise<TenantDto> {
    return this.toDto(
      await this.tenants.insert({
        name: input.name,
        externalId: input.externalId ?? null,
        seatLimit: input.seatLimit ?? null,
        ...quotaColumns(input.seatQuota ?? null),
        scimEnabled: input.scimEnabled ?? true,
        scimRatePerSecond: input.scimRateLimit?.perSecond ?? null,
        scimRateBurst: input.scimRateLimit?.burst ?? null,
        portalQuotaEditable: input.portalQuotaEditable ?? true,
      }),
    );
  }

  async list(limit: number, cursor: string | undefined, externalId?: string): Promise<Page<TenantDto>> {
    const rows = await this.tenants.list(limit + 1, cursor ? decodeCursor(cursor) : null, externalId);
    return pageOf(
      rows,
      limit,
      (last) => encodeCursor({ at: last.createdAt, id: last.id }),
      (t) => this.toDto(t),
    );
  }

  async get(id: string): Promise<TenantDto> {
    return this.toDto(await this.require(id));
  }

  /** The tenant or a 404; other modules call this to check a tenant exists. */
  async require(id: string): Promise<TenantEntity> {
    const tenant = isUuid(id) ? await this.tenants.findById(id) : null;
    if (!tenant) throw ScimError.notFound(`Tenant ${id} not found`);
    return tenant;
  }

  /**
   * Changes the tenant. `within` runs in the same transaction with the tenant before and after (the
   * portal records its audit event there), so the change and its event commit together.
   */
  async update(id: string, input: UpdateTenantDto, within?: TenantChangeHook): Promise<TenantDto> {
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
      ...(input.seatLimit !== undefined ? { seatLimit: input.seatLimit } : {}),
      ...(input.seatQuota !== undefined ? quotaColumns(input.seatQuota) : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.scimEnabled !== undefined ? { scimEnabled: input.scimEnabled } : {}),
      ...(input.scimRateLimit !== undefined ? rateLimitColumns(input.scimRateLimit) : {}),
      ...(input.portalQuotaEditable !== undefined ? { portalQuotaEditable: input.portalQuotaEditable } : {}),
    };
    const updated = await this.tenants.transaction(async (m) => {
      const before = isUuid(id) ? await this.tenants.findById(id, m) : null;
      if (!before) throw ScimError.notFound(`Tenant ${id} not found`);
      const after = await this.tenants.update(id, changes, m);
      if (!after) throw ScimError.notFound(`Tenant ${id} not found`);
      if (within) await within(m, this.toDto(before), this.toDto(after));
      return after;
    });
    // Cached token owners carry the tenant's state, limit and switch: forget them so a change applies at once.
    if (input.enabled !== undefined || input.scimEnabled !== undefined || input.scimRateLimit !== undefined) {
      this.tokenCache.forgetTenant(id);
    }
    return this.toDto(updated);
  }

  async remove(id: string): Promise<void> {
    if (!isUuid(id) || !(await this.tenants.delete(id))) throw ScimError.notFound(`Tenant ${id} not found`);
    this.tokenCache.forgetTenant(id);
  }

  private toDto(tenant: TenantEntity): TenantDto {
    return {
      id: tenant.id,
      name: tenant.name,
      externalId: tenant.externalId,
      scimBaseUrl: this.scimBaseUrl(tenant.id),
      seatLimit: tenant.seatLimit,
      seatQuota:
        tenant.seatQuotaAmount !== null && tenant.seatQuotaUnit !== null
          ? { amount: Number(tenant.seatQuotaAmount), unit: tenant.seatQuotaUnit }
          : null,
      seatsUsed: tenant.seatsUsed,
      enabled: tenant.enabled,
      scimEnabled: tenant.scimEnabled,
      scimRateLimit: { perSecond: tenant.scimRatePerSecond, burst: tenant.scimRateBurst },
      portalQuotaEditable: tenant.portalQuotaEditable,
      createdAt: tenant.createdAt.toISOString(),
    };
  }
}
