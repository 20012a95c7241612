import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { runTransaction } from '../database/transactions';
import { Keyset } from '../common/cursor';
import { returnedRows } from '../database/returned-rows';
import { tableColumn } from '../resources/table-storage';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { Quota, quotaOf, RawSeat, SeatState, seatOf } from './seat-state';
import { SEATS_USED, seatLimitLockKey } from './seat-count';

export interface SeatListRow extends SeatState {
  userId: string;
  userName: string;
}

export interface SeatHistoryRow {
  seq: string;
  userId: string;
  userName: string;
  action: 'assigned' | 'released';
  quota: Quota | null;
  at: Date;
}

export interface SeatUsage {
  limit: number | null;
  used: number;
  invited: number;
  claimed: number;
}

const SEAT_COLUMNS = 's.status, s.quota_amount, s.quota_unit, s.assigned_at, s.claimed_at, s.released_at';

/**
 * The `seat_history` entry of a seat change, written by the same statement as the change: a CTE
 * reading the changed seat `s` with the tenant ($1), user ($2), user name ($3) and time ($4).
 */
const HISTORY = (action: 'assigned' | 'released') => `history AS (
  INSERT INTO seat_history (tenant_id, user_id, user_name, action, quota_amount, quota_unit, at)
  SELECT $1, $2, $3, '${action}', s.quota_amount, s.quota_unit, $4 FROM s
)`;

/** The user a seat belongs to, as the history names it. */
export interface SeatHolder {
  id: string;
  userName: string;
}

/** All SQL on `seat`, `seat_history` and `seat_count`. Every statement takes the tenant id. */
@Injectable()
export class SeatsRepository {
  /** The seat holders' table and the SQL of their user name, from the registered User type. */
  private readonly holders: { join: string; userName: string };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    registry: SchemaRegistry,
  ) {
    const { table } = registry.definition('User');
    const userName = table.columns?.userName;
    if (!userName) throw new Error('the User type keeps no userName column for seat holders');
    this.holders = {
      join: `JOIN ${table.name} ${table.alias} ON ${table.alias}.tenant_id = s.tenant_id AND ${table.alias}.id = s.user_id`,
      userName: `${table.alias}.${tableColumn(userName).column}`,
    };
  }

  /** One transaction, retried once where safe (runTransaction). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  async usage(tenantId: string, m: EntityManager = this.dataSource.manager): Promise<SeatUsage | null> {
    const rows: Array<{ limit: number | null; used: number; invited: number; claimed: number }> =
      await m.query(
        `SELECT t.seat_limit AS limit, ${SEATS_USED('t.id')} AS used,
              (SELECT count(*)::int FROM seat s WHERE s.tenant_id = t.id AND s.status = 'invited') AS invited,
              (SELECT count(*)::int FROM seat s WHERE s.tenant_id = t.id AND s.status = 'claimed') AS claimed
         FROM tenant t WHERE t.id = $1`,
        [tenantId],
      );
    return rows[0] ?? null;
  }

  /**
   * Marks the user's seat assigned, with `quota` when one is given (undefined: a seat given back
   * earlier keeps its quota, a new one gets the tenant's), and counts it if one is free (`taken`
   * false when full), in one statement. The tenant's limit lock is taken shared first; the count
   * (`rollcall_take_seat`, migration 1765400000000) runs after it with a snapshot of its own, so the
   * limit it reads is the one in force until commit (a lock taken in a statement is not in that
   * statement's snapshot). Without a limit the count goes up on a free shard and nothing waits.
   */
  async assign(
    m: EntityManager,
    tenantId: string,
    user: SeatHolder,
    now: Date,
    quota: Quota | null | undefined,
  ): Promise<{ seat: SeatState; taken: boolean }> {
    const rows: Array<RawSeat & { taken: boolean }> = await m.query(
      `WITH limit_lock AS (
         SELECT pg_advisory_xact_lock_shared(${seatLimitLockKey('t.id::text')}) FROM tenant t WHERE t.id = $1
       ), s AS (
         INSERT INTO seat AS s (tenant_id, user_id, status, quota_amount, quota_unit, assigned_at)
         SELECT $1, $2, 'invited', CASE WHEN $5 THEN $6::numeric ELSE t.seat_quota_amount END,
                CASE WHEN $5 THEN $7::text ELSE t.seat_quota_unit END, $4
           FROM tenant t CROSS JOIN limit_lock WHERE t.id = $1
         ON CONFLICT (tenant_id, user_id) DO UPDATE
           SET status = 'invited', assigned_at = $4, claimed_at = NULL, released_at = NULL,
               quota_amount = CASE WHEN $5 THEN $6::numeric ELSE s.quota_amount END,
               quota_unit = CASE WHEN $5 THEN $7::text ELSE s.quota_unit END
         RETURNING ${SEAT_COLUMNS}
       ), ${HISTORY('assigned')}
       SELECT s.*, rollcall_take_seat($1) AS taken FROM s`,
      [
        tenantId,
        user.id,
        user.userName,
        now,
        quota !== undefined,
        quota?.amount ?? null,
        quota?.unit ?? null,
      ],
    );
    return { seat: seatOf(rows[0]), taken: rows[0].taken === true };
  }

  /** Sets a seat's quota inside the caller's transaction; null when the user holds no seat row. */
  async updateQuota(
    m: EntityManager,
    tenantId: string,
    userId: string,
    quota: Quota | null,
  ): Promise<SeatState | null> {
    const result: unknown = await m.query(
      `UPDATE seat AS s SET quota_amount = $3, quota_unit = $4 WHERE s.tenant_id = $1 AND s.user_id = $2
       RETURNING ${SEAT_COLUMNS}`,
      [tenantId, userId, quota?.amount ?? null, quota?.unit ?? null],
    );
    const row = returnedRows<RawSeat>(result)[0];
    return row ? seatOf(row) : null;
  }

  /**
   * Releases the user's seat, records it and counts it given back, in one statement; null when it
   * held none. The count goes down on a shard no other transaction holds (`rollcall_give_back_seat`):
   * a release never waits for another.
   */
  async release(m: EntityManager, tenantId: string, user: SeatHolder, now: Date): Promise<SeatState | null> {
    const rows: RawSeat[] = await m.query(
      `WITH s AS (
         UPDATE seat AS s SET status = 'released', released_at = $4
          WHERE s.tenant_id = $1 AND s.user_id = $2 AND s.status <> 'released' RETURNING ${SEAT_COLUMNS}
       ), ${HISTORY('released')}
       SELECT s.*, rollcall_give_back_seat($1) FROM s`,
      [tenantId, user.id, user.userName, now],
    );
    return rows[0] ? seatOf(rows[0]) : null;
  }

  async claim(tenantId: string, userId: string, now: Date): Promise<SeatListRow | null> {
    await this.dataSource.query(
      `UPDATE seat SET status = 'claimed', claimed_at = $3 WHERE tenant_id = $1 AND user_id = $2 AND status = 'invited'`,
      [tenantId, userId, now],
    );
    return this.find(tenantId, userId);
  }

  async setQuota(tenantId: string, userId: string, quota: Quota | null): Promise<SeatListRow | null> {
    await this.updateQuota(this.dataSource.manager, tenantId, userId, quota);
    return this.find(tenantId, userId);
  }

  async find(tenantId: string, userId: string): Promise<SeatListRow | null> {
    const rows: Array<RawSeat & { user_id: string; user_name: string }> = await this.dataSource.query(
      `SELECT s.user_id, ${this.holders.userName} AS user_name, ${SEAT_COLUMNS}
         FROM seat s ${this.holders.join}
        WHERE s.tenant_id = $1 AND s.user_id = $2`,
      [tenantId, userId],
    );
    return rows[0] ? { userId: rows[0].user_id, userName: rows[0].user_name, ...seatOf(rows[0]) } : null;
  }

  /** Seats by assignment time, a keyset page after `after`. */
  async list(tenantId: string, limit: number, after: Keyset | null): Promise<SeatListRow[]> {
    const rows: Array<RawSeat & { user_id: string; user_name: string }> = await this.dataSource.query(
      `SELECT s.user_id, ${this.holders.userName} AS user_name, ${SEAT_COLUMNS}
         FROM seat s ${this.holders.join}
        WHERE s.tenant_id = $1 AND ($2::timestamptz IS NULL OR (s.assigned_at, s.user_id) > ($2, $3::uuid))
        ORDER BY s.assigned_at, s.user_id LIMIT $4`,
      [tenantId, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows.map((r) => ({ userId: r.user_id, userName: r.user_name, ...seatOf(r) }));
  }

  /** Assignments and releases in the order they happened, after sequence number `afterSeq`. */
  async history(tenantId: string, limit: number, afterSeq: string | null): Promise<SeatHistoryRow[]> {
    const rows: Array<{
      seq: string;
      user_id: string;
      user_name: string;
      action: 'assigned' | 'released';
      quota_amount: string | null;
      quota_unit: string | null;
      at: Date;
    }> = await this.dataSource.query(
      `SELECT h.seq::text AS seq, h.user_id, h.user_name, h.action, h.quota_amount, h.quota_unit, h.at
         FROM seat_history h
        WHERE h.tenant_id = $1 AND h.seq > $2::bigint ORDER BY h.seq LIMIT $3`,
      [tenantId, afterSeq ?? '0', limit],
    );
    return rows.map((r) => ({
      seq: r.seq,
      userId: r.user_id,
      userName: r.user_name,
      action: r.action,
      quota: quotaOf(r.quota_amount, r.quota_unit),
      at: r.at,
    }));
  }
}
