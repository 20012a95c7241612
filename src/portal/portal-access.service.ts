import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventsService } from '../events/events.service';
import { TenantsService } from '../tenants/tenants.service';
import { CreatePortalLinkDto, DEFAULT_LINK_TTL_SECONDS, PortalLinkDto } from './dto/portal-link.dto';
import { PortalAccessRepository } from './portal-access.repository';
import { csrfTokenOf, PortalSession } from './portal-session';
import { InvalidFieldsError } from '../common/problem-details';

/** What a link's page finds: a link to continue with, or why not (said in plain words). */
export type LinkStatus = 'ready' | 'used' | 'expired' | 'unknown';

const CODE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** 32 random bytes, base64url: a link code or a session's secret. */
function secret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Portal access: the operator's product asks for a single-use link; the tenant's admin redeems it for
 * a session of that tenant alone. Codes and session secrets are kept only as SHA-256 hashes.
 */
@Injectable()
export class PortalAccessService {
  constructor(
    private readonly access: PortalAccessRepository,
    private readonly tenants: TenantsService,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createLink(tenantId: string, input: CreatePortalLinkDto): Promise<PortalLinkDto> {
    const tenant = await this.tenants.require(tenantId);
    const returnUrl = input.returnUrl === undefined ? null : this.allowedReturnUrl(input.returnUrl);
    const code = secret();
    const expiresAt = new Date(Date.now() + (input.ttlSeconds ?? DEFAULT_LINK_TTL_SECONDS) * 1000);
    await this.access.purgeEnded(tenant.id);
    await this.access.insertLink(tenant.id, randomUUID(), sha256(code), returnUrl, expiresAt);
    return { url: `${this.config.publicUrl}/portal/link/${code}`, expiresAt: expiresAt.toISOString() };
  }

  /** What the link's page shows; reading it uses nothing up (mail scanners fetch links). */
  async linkStatus(code: string): Promise<LinkStatus> {
    const link = CODE_SHAPE.test(code) ? await this.access.findLink(sha256(code)) : null;
    if (!link || !link.tenantEnabled) return 'unknown';
    if (link.usedAt) return 'used';
    return link.expiresAt.getTime() <= Date.now() ? 'expired' : 'ready';
  }

  /**
   * Uses the link up and opens a session of its tenant, recording `portal.signed_in` in the same
   * transaction. Null when the link cannot be used (used, expired, unknown, tenant disabled).
   */
  async redeem(code: string): Promise<{ secret: string; session: PortalSession } | null> {
    if (!CODE_SHAPE.test(code)) return null;
    const sessionSecret = secret();
    const expiresAt = new Date(Date.now() + this.config.portal.sessionMs);
    return this.access.transaction(async (m) => {
      const link = await this.access.redeemLink(m, sha256(code));
      if (!link) return null;
      const id = randomUUID();
      await this.access.insertSession(m, {
        tenantId: link.tenantId,
        id,
        sessionHash: sha256(sessionSecret),
        linkId: link.id,
        returnUrl: link.returnUrl,
        expiresAt,
      });
      await this.events.record(m, link.tenantId, [
        { type: 'portal.signed_in', data: { sessionId: id, expiresAt: expiresAt.toISOString() } },
      ]);
      return {
        secret: sessionSecret,
        session: {
          tenantId: link.tenantId,
          sessionId: id,
          returnUrl: link.returnUrl,
          expiresAt,
          csrfToken: csrfTokenOf(sessionSecret),
        },
      };
    });
  }

  /** The live session of this cookie secret (not ended or expired, its tenant enabled), or null. */
  async session(sessionSecret: string): Promise<PortalSession | null> {
    if (!CODE_SHAPE.test(sessionSecret)) return null;
    const row = await this.access.findLiveSession(sha256(sessionSecret));
    if (!row) return null;
    return {
      tenantId: row.tenantId,
      sessionId: row.id,
      returnUrl: row.returnUrl,
      expiresAt: row.expiresAt,
      csrfToken: csrfTokenOf(sessionSecret),
    };
  }

  async signOut(session: PortalSession): Promise<void> {
    await this.access.transaction(async (m) => {
      if (!(await this.access.endSession(m, session.tenantId, session.sessionId))) return;
      await this.events.record(m, session.tenantId, [
        { type: 'portal.signed_out', data: { sessionId: session.sessionId } },
      ]);
    });
  }

  /** A returnUrl whose origin PORTAL_RETURN_ORIGINS lists, or a 400: the portal never leads elsewhere. */
  private allowedReturnUrl(raw: string): string {
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      // refused below
    }
    const allowed = this.config.portal.returnOrigins;
    if (!url || !['http:', 'https:'].includes(url.protocol) || !allowed.includes(url.origin)) {
      throw InvalidFieldsError.invalidValue(
        'returnUrl',
        allowed.length === 0
          ? 'returnUrl is not allowed: no return origins are configured (PORTAL_RETURN_ORIGINS)'
          : `returnUrl must be on one of the allowed origins (PORTAL_RETURN_ORIGINS): ${allowed.join(', ')}`,
      );
    }
    return url.href;
  }
}
