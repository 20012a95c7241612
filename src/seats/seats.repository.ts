import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { runTransaction } from '../database/transactions';
import { Keyset } from '../common/cursor';
import { returnedRows } from '../database/returned-rows';
import { tableColumn } from '../resources/table-storage';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { Quota, quotaOf, RawSeat, SeatState, seatOf } from './seat-state';
import { SEAT_COUNT_SHARD, SEAT_COUNT_SHARDS, SEATS_USED, seatLimitLockKey } from './seat-count';

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

/**
 * CTEs that count `delta` seats for the tenant $1 when `when` (SQL on its row `t`) holds, on a shard
 * from `first` on that no other transaction holds: the first free one from this connection's own, or
 * this connection's own (made when missing) when every such shard is held. `counted` has a row when
 * it counted.
 */
const COUNT_CHANGE = (delta: 1 | -1, when: string, first = 0) => {
  const shards = SEAT_COUNT_SHARDS - first;
  const own = first === 0 ? SEAT_COUNT_SHARD : `${first} + pg_backend_pid() % ${shards}`;
  return `free AS (
    SELECT c.shard FROM seat_count c JOIN tenant t ON t.id = c.tenant_id
     WHERE c.tenant_id = $1 AND c.shard >= ${first} AND ${when}
     ORDER BY (c.shard - (${own}) + ${shards}) % ${shards}
     LIMIT 1 FOR UPDATE OF c SKIP LOCKED
  ), bumped AS (
    UPDATE seat_count c SET used = c.used + (${delta}) FROM free
     WHERE c.tenant_id = $1 AND c.shard = free.shard RETURNING 1
  ), added AS (
    INSERT INTO seat_count (tenant_id, shard, used)
    SELECT $1, ${own}, ${delta} FROM tenant t
     WHERE t.id = $1 AND ${when} AND NOT EXISTS (SELECT FROM bumped)
    ON CONFLICT (tenant_id, shard) DO UPDATE SET used = seat_count.used + (${delta}) RETURNING 1
  ), counted AS (SELECT FROM bumped UNION ALL SELECT FROM added)`;
};

/**
 * The shard a limited tenant's activations queue on (`take`). A seat given back never takes it: a
 * delete gives its seat back before the user's row goes (and with it the row's count), where a
 * create counts its row before it queues here; were both on this shard they could wait for each other.
 */
const LIMIT_SHARD = 0;

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

  /**
   * Counts one seat taken if one is free; false when full. `assign`, earlier in the transaction,
   * took the limit lock shared, so the limit read here is the one in force until commit. Without a
   * limit the count goes up on a free shard and nothing waits. With one, on shard 0 only, by one
   * conditional upsert: its row lock queues the tenant's activations until commit, and the waiter
   * re-checks the row as committed. While a limit is set the other shards can only fall: every
   * activation that raised one without a limit committed before the limit did (the limit lock), so
   * their sum read here is never too low.
   */
  async take(m: EntityManager, tenantId: string): Promise<boolean> {
    const [row] = returnedRows<{ taken: boolean }>(
      await m.query(
        `WITH ${COUNT_CHANGE(1, 't.seat_limit IS NULL')}, within_limit AS (
           INSERT INTO seat_count AS c (tenant_id, shard, used)
           SELECT $1, ${LIMIT_SHARD}, 1 FROM tenant t
            WHERE t.id = $1 AND t.seat_limit IS NOT NULL AND ${SEATS_USED('$1')} < t.seat_limit
           ON CONFLICT (tenant_id, shard) DO UPDATE SET used = c.used + 1
            WHERE c.used + (SELECT coalesce(sum(o.used), 0) FROM seat_count o WHERE o.tenant_id = $1 AND o.shard <> ${LIMIT_SHARD})
                  < (SELECT t.seat_limit FROM tenant t WHERE t.id = $1)
           RETURNING 1
         )
         SELECT EXISTS (SELECT FROM counted) OR EXISTS (SELECT FROM within_limit) AS taken`,
        [tenantId],
      ),
    );
    return row?.taken === true;
  }

  /** Counts one seat given back, on a shard no other transaction holds: a release never waits for another. */
  async giveBack(m: EntityManager, tenantId: string): Promise<void> {
    await m.query(`WITH ${COUNT_CHANGE(-1, 'true', LIMIT_SHARD + 1)} SELECT FROM counted`, [tenantId]);
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
   * earlier keeps its quota, a new one gets the tenant's). Takes the tenant's limit lock shared for
   * `take`, the next seat statement (a lock taken in a statement is not in that statement's snapshot).
   */
  async assign(
    m: EntityManager,
    tenantId: string,
    user: SeatHolder,
    now: Date,
    quota: Quota | null | undefined,
  ): Promise<SeatState> {
    const rows: RawSeat[] = await m.query(
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
       SELECT * FROM s`,
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
    return seatOf(rows[0]);
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

  /** Releases the user's seat and records it; null when it held none. */
  async release(m: EntityManager, tenantId: string, user: SeatHolder, now: Date): Promise<SeatState | null> {
    const rows: RawSeat[] = await m.query(
      `WITH s AS (
         UPDATE seat AS s SET status = 'released', released_at = $4
          WHERE s.tenant_id = $1 AND s.user_id = $2 AND s.status <> 'released' RETURNING ${SEAT_COLUMNS}
       ), ${HISTORY('released')}
       SELECT * FROM s`,
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
