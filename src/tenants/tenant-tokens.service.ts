import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { AuthOutcome } from '../auth/auth-outcome';
import { loggableError } from '../common/loggable-error';
import { isUuid } from '../common/uuid';
import { ScimError } from '../scim/errors/scim-error';
import { decodeCursor, encodeCursor, Page, pageOf } from '../common/cursor';
import { CreatedTokenDto, CreateTokenDto, TokenDto } from './dto/token.dto';
import { TenantTokenEntity } from './tenant-token.entity';
import { TenantTokensRepository } from './tenant-tokens.repository';
import { TenantsService } from './tenants.service';
import { TokenCache } from './token-cache';
import { InvalidFieldsError } from '../common/problem-details';

/** Recognisable in logs and secret scanners; 32 random bytes (256 bits) follow it. */
const TOKEN_PREFIX = 'rcs_';
const TOKEN_SHAPE = /^rcs_[A-Za-z0-9_-]{43}$/;
const VISIBLE_PREFIX_LENGTH = 12;
/** lastUsedAt is refreshed at most this often, so authentication does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Work done in the transaction that issues or revokes a token, seeing the token. */
export type TokenHook = (m: EntityManager, token: TokenDto) => Promise<void>;

@Injectable()
export class TenantTokensService {
  private readonly logger = new Logger(TenantTokensService.name);

  constructor(
    private readonly tokens: TenantTokensRepository,
    private readonly tenants: TenantsService,
    private readonly cache: TokenCache,
  ) {}

  /** Issues a token; `within` runs in the same transaction (the portal records its audit event there). */
  async issue(tenantId: string, input: CreateTokenDto, within?: TokenHook): Promise<CreatedTokenDto> {
    await this.tenants.require(tenantId);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw InvalidFieldsError.invalidValue('expiresAt', 'expiresAt must be in the future');
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const saved = await this.tokens.transaction(async (m) => {
      const inserted = await this.tokens.insert(
        {
          tenantId,
          id: randomUUID(),
          tokenHash: hashToken(token),
          prefix: token.slice(0, VISIBLE_PREFIX_LENGTH),
          description: input.description ?? null,
          expiresAt,
        },
        m,
      );
      if (within) await within(m, this.toDto(inserted));
      return inserted;
    });
    return { ...this.toDto(saved), token, scimBaseUrl: this.tenants.scimBaseUrl(tenantId) };
  }

  /** A page of the tenant's live tokens, oldest first. */
  async list(tenantId: string, limit: number, cursor?: string): Promise<Page<TokenDto>> {
    await this.tenants.require(tenantId);
    const rows = await this.tokens.list(tenantId, limit + 1, cursor ? decodeCursor(cursor) : null);
    return pageOf(
      rows,
      limit,
      (last) => encodeCursor({ at: last.createdAt, id: last.id }),
      (t) => this.toDto(t),
    );
  }

  /** The tenant's live token, or a 404. */
  async get(tenantId: string, tokenId: string): Promise<TokenDto> {
    await this.tenants.require(tenantId);
    const token = isUuid(tokenId) ? await this.tokens.findLive(tenantId, tokenId.toLowerCase()) : null;
    if (!token) throw ScimError.notFound(`Token ${tokenId} not found`);
    return this.toDto(token);
  }

  /** Revokes a live token and answers it; `within` runs in the same transaction, before the commit. */
  async revoke(tenantId: string, tokenId: string, within?: TokenHook): Promise<TokenDto> {
    await this.tenants.require(tenantId);
    const revoked = await this.tokens.transaction(async (m) => {
      const row = isUuid(tokenId) ? await this.tokens.revoke(tenantId, tokenId, m) : null;
      if (!row) throw ScimError.notFound(`Token ${tokenId} not found`);
      const token = this.toDto(row);
      if (within) await within(m, token);
      return token;
    });
    // Other processes hear of it from the database (TenantAccessChannel); this one forgets once it is
    // committed, so no request in between can cache the token again.
    this.cache.forgetTenant(tenantId);
    return revoked;
  }

  /**
   * Whether `token` is a live token of an enabled tenant whose id is `tenantId`, and if not, why.
   * Lookup is by the SHA-256 of the token, so no secret is ever compared byte by byte. A recently
   * verified token is answered from the TokenCache; its expiry and tenant are checked here either way.
   */
  async authenticate(tenantId: string, token: string): Promise<AuthOutcome> {
    if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: 'malformed' };
    const hash = hashToken(token);
    const owner = await this.cache.owner(hash, () => this.tokens.findOwnerByHash(hash));
    if (!owner) return { ok: false, reason: 'unknown' };
    // Another tenant's token says nothing more about itself: its state is that tenant's business.
    if (!isUuid(tenantId) || owner.tenantId !== tenantId.toLowerCase()) {
      return { ok: false, reason: 'wrong_tenant' };
    }
    if (owner.revokedAt) return { ok: false, reason: 'revoked' };
    if (!owner.tenantEnabled) return { ok: false, reason: 'tenant_disabled' };
    const now = Date.now();
    if (owner.expiresAt && owner.expiresAt.getTime() <= now) return { ok: false, reason: 'expired' };
    if (!owner.lastUsedAt || now - owner.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      owner.lastUsedAt = new Date(now);
      this.tokens
        .touch(owner.tenantId, owner.tokenId)
        .catch((err: unknown) => this.logger.warn({ err: loggableError(err) }, 'could not record token use'));
    }
    return {
      ok: true,
      tenantId: owner.tenantId,
      tokenId: owner.tokenId,
      rateLimit: owner.rateLimit,
      scimEnabled: owner.scimEnabled,
    };
  }

  private toDto(token: TenantTokenEntity): TokenDto {
    return {
      id: token.id,
      prefix: token.prefix,
      description: token.description,
      createdAt: token.createdAt.toISOString(),
      expiresAt: token.expiresAt?.toISOString() ?? null,
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    };
  }
}
