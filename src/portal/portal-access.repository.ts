import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { runTransaction } from '../database/transactions';
import { returnedRows } from '../database/returned-rows';

export interface LinkState {
  tenantId: string;
  expiresAt: Date;
  usedAt: Date | null;
  tenantEnabled: boolean;
}

export interface RedeemedLink {
  tenantId: string;
  id: string;
  returnUrl: string | null;
}

export interface SessionRow {
  tenantId: string;
  id: string;
  returnUrl: string | null;
  expiresAt: Date;
}

/** How long used and expired links and sessions are kept before a new link's creation purges them. */
const KEEP_ENDED = "interval '1 day'";

/**
 * All SQL on `portal_link` and `portal_session`. The two lookups by hash are not scoped by a tenant:
 * the code or session id is what tells the tenant, as a SCIM token's hash does.
 */
@Injectable()
export class PortalAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One transaction, retried once where safe (runTransaction). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  async insertLink(
    tenantId: string,
    id: string,
    codeHash: Buffer,
    returnUrl: string | null,
    expiresAt: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO portal_link (tenant_id, id, code_hash, return_url, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [tenantId, id, codeHash, returnUrl, expiresAt],
    );
  }

  /** Drops the tenant's links and sessions that ended more than a day ago (bounded by the tenant's index). */
  async purgeEnded(tenantId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM portal_link WHERE tenant_id = $1 AND expires_at < now() - ${KEEP_ENDED}`,
      [tenantId],
    );
    await this.dataSource.query(
      `DELETE FROM portal_session WHERE tenant_id = $1 AND expires_at < now() - ${KEEP_ENDED}`,
      [tenantId],
    );
  }

  async findLink(codeHash: Buffer): Promise<LinkState | null> {
    const rows: Array<{ tenant_id: string; expires_at: Date; used_at: Date | null; enabled: boolean }> =
      await this.dataSource.query(
        `SELECT l.tenant_id, l.expires_at, l.used_at, t.enabled
           FROM portal_link l JOIN tenant t ON t.id = l.tenant_id WHERE l.code_hash = $1`,
        [codeHash],
      );
    const row = rows[0];
    return row
      ? {
          tenantId: row.tenant_id,
          expiresAt: row.expires_at,
          usedAt: row.used_at,
          tenantEnabled: row.enabled,
        }
      : null;
  }

  /** Marks the link used if it is unused, unexpired and its tenant enabled: one statement, so only one redeems it. */
  async redeemLink(m: EntityManager, codeHash: Buffer): Promise<RedeemedLink | null> {
    const result: unknown = await m.query(
      `UPDATE portal_link l SET used_at = now()
         FROM tenant t
        WHERE l.code_hash = $1 AND l.used_at IS NULL AND l.expires_at > now()
          AND t.id = l.tenant_id AND t.enabled
        RETURNING l.tenant_id, l.id, l.return_url`,
      [codeHash],
    );
    const row = returnedRows<{ tenant_id: string; id: string; return_url: string | null }>(result)[0];
    return row ? { tenantId: row.tenant_id, id: row.id, returnUrl: row.return_url } : null;
  }

  async insertSession(
    m: EntityManager,
    session: SessionRow & { sessionHash: Buffer; linkId: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO portal_session (tenant_id, id, session_hash, link_id, return_url, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        session.tenantId,
        session.id,
        session.sessionHash,
        session.linkId,
        session.returnUrl,
        session.expiresAt,
      ],
    );
  }

  /** The live session with this hash: not ended, not expired, and its tenant enabled. */
  async findLiveSession(sessionHash: Buffer): Promise<SessionRow | null> {
    const rows: Array<{ tenant_id: string; id: string; return_url: string | null; expires_at: Date }> =
      await this.dataSource.query(
        `SELECT s.tenant_id, s.id, s.return_url, s.expires_at
           FROM portal_session s JOIN tenant t ON t.id = s.tenant_id
          WHERE s.session_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND t.enabled`,
        [sessionHash],
      );
    const row = rows[0];
    return row
      ? { tenantId: row.tenant_id, id: row.id, returnUrl: row.return_url, expiresAt: row.expires_at }
      : null;
  }

  /** Ends a live session; false when it had ended already. */
  async endSession(m: EntityManager, tenantId: string, id: string): Promise<boolean> {
    const result: unknown = await m.query(
      `UPDATE portal_session SET ended_at = now()
        WHERE tenant_id = $1 AND id = $2 AND ended_at IS NULL RETURNING id`,
      [tenantId, id],
    );
    return returnedRows(result).length > 0;
  }
}
