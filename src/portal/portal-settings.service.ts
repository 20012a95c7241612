import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventDraft } from '../events/event-types';
import { EventsService } from '../events/events.service';
import { ScimError } from '../scim/errors/scim-error';
import { SeatsOverviewDto } from '../seats/dto/seat.dto';
import { SeatsService } from '../seats/seats.service';
import { TenantDto } from '../tenants/dto/tenant.dto';
import { CreatedTokenDto, TokenDto } from '../tenants/dto/token.dto';
import { MAX_ADMIN_PAGE_SIZE } from '../common/admin-page.query';
import { TenantTokensService } from '../tenants/tenant-tokens.service';
import { TenantsService } from '../tenants/tenants.service';
import type { NavSection, PortalNav } from './pages/layout';
import type { PortalSession } from './portal-session';

/** Seats listed on the seats page at a time. */
const SEATS_PAGE = 50;
const DAY_MS = 86_400_000;

/**
 * What the tenant's admin changes in the portal: the SCIM switch, tokens and the account size. Each change records its `portal.*` event in the change's
 * own transaction, so the operator's product hears of exactly what was committed.
 */
@Injectable()
export class PortalSettingsService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly tokens: TenantTokensService,
    private readonly seats: SeatsService,
    private readonly events: EventsService,
  ) {}

  tenant(session: PortalSession): Promise<TenantDto> {
    return this.tenants.get(session.tenantId);
  }

  /** The header of a page: which tenant, which section, the session's CSRF token and way back. */
  async nav(session: PortalSession, active: NavSection, tenant?: TenantDto): Promise<PortalNav> {
    const { name } = tenant ?? (await this.tenant(session));
    return { active, tenantName: name, csrfToken: session.csrfToken, returnUrl: session.returnUrl };
  }

  /** The tenant's live tokens, oldest first: one page of the admin API's largest size. */
  async listTokens(session: PortalSession): Promise<TokenDto[]> {
    return (await this.tokens.list(session.tenantId, MAX_ADMIN_PAGE_SIZE)).items;
  }

  token(session: PortalSession, tokenId: string): Promise<TokenDto> {
    return this.tokens.get(session.tenantId, tokenId);
  }

  /** A new token, whose secret the caller shows this once; `expiresInDays` 0 means it never expires. */
  generateToken(
    session: PortalSession,
    description: string,
    expiresInDays: number,
  ): Promise<CreatedTokenDto> {
    const expiresAt =
      expiresInDays > 0 ? new Date(Date.now() + expiresInDays * DAY_MS).toISOString() : undefined;
    return this.tokens.issue(session.tenantId, { description, expiresAt }, (m, token) =>
      this.record(m, session, 'portal.token_generated', { token: this.tokenFacts(token) }),
    );
  }

  revokeToken(session: PortalSession, tokenId: string): Promise<TokenDto> {
    return this.tokens.revoke(session.tenantId, tokenId, (m, token) =>
      this.record(m, session, 'portal.token_revoked', { token: this.tokenFacts(token) }),
    );
  }

  async seatsOverview(session: PortalSession, cursor: string | undefined): Promise<SeatsOverviewDto> {
    return this.seats.overview(session.tenantId, SEATS_PAGE, cursor);
  }

  /** The tenant's own Enable SCIM provisioning switch (while off, its IdP's calls get 403). */
  setScimEnabled(session: PortalSession, enabled: boolean): Promise<TenantDto> {
    return this.tenants.update(session.tenantId, { scimEnabled: enabled }, async (m, before, after) => {
      if (before.scimEnabled === after.scimEnabled) return;
      await this.record(m, session, after.scimEnabled ? 'portal.scim_enabled' : 'portal.scim_disabled', {});
    });
  }

  /** The account size (the tenant's seatQuota), unless the operator keeps it read-only here. */
  async setAccountSize(session: PortalSession, amount: number, unit: string): Promise<TenantDto> {
    const tenant = await this.tenants.get(session.tenantId);
    if (!tenant.portalQuotaEditable) {
      throw new ScimError(403, 'The account size is set by your vendor and cannot be changed here');
    }
    return this.tenants.update(
      session.tenantId,
      { seatQuota: { amount, unit } },
      async (m, before, after) => {
        if (JSON.stringify(before.seatQuota) === JSON.stringify(after.seatQuota)) return;
        await this.record(m, session, 'portal.account_size_changed', {
          before: before.seatQuota,
          after: after.seatQuota,
        });
      },
    );
  }

  private tokenFacts(token: TokenDto) {
    return { id: token.id, prefix: token.prefix, description: token.description, expiresAt: token.expiresAt };
  }

  private record(
    m: EntityManager,
    session: PortalSession,
    type: EventDraft['type'],
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.events.record(m, session.tenantId, [
      { type, data: { sessionId: session.sessionId, ...data } },
    ]);
  }
}
