import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, pageOf } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { ScimError } from '../scim/errors/scim-error';
import { TenantsService } from '../tenants/tenants.service';
import { SeatDto, SeatHistoryPageDto, SeatsOverviewDto, SeatUsageDto } from './dto/seat.dto';
import { Quota, SeatState } from './seat-state';
import { SeatHolder, SeatListRow, SeatsRepository, SeatUsage } from './seats.repository';
import { InvalidFieldsError } from '../common/problem-details';

export type { SeatHolder } from './seats.repository';

function decodeSeq(cursor: string): string {
  const seq = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{1,19}$/.test(seq))
    throw InvalidFieldsError.invalidValue('cursor', 'cursor is not a cursor this server issued');
  return seq;
}

/**
 * The seat ledger: every active user holds exactly one seat of its tenant's plan. Users calls
 * `assign` and `release` inside its own transaction, so the user change, the seat and its history
 * entry commit together or not at all.
 */
@Injectable()
export class SeatsService {
  constructor(
    private readonly seats: SeatsRepository,
    private readonly tenants: TenantsService,
  ) {}

  /**
   * Takes a seat for the user, or fails with 403 and the numbers when none is free: the seat row, its
   * history and its count in one statement, waiting for another activation only when the tenant has a
   * limit (seat-count.ts).
   */
  async assign(
    m: EntityManager,
    tenantId: string,
    user: SeatHolder,
    now: Date,
    quota?: Quota | null,
  ): Promise<SeatState> {
    const { seat, taken } = await this.seats.assign(m, tenantId, user, now, quota);
    if (!taken) {
      const usage = await this.seats.usage(tenantId, m);
      throw ScimError.forbidden(
        `seat limit reached: ${usage?.used ?? 0} of ${usage?.limit ?? 0} seats in use`,
        'seat_limit_reached',
      );
    }
    return seat;
  }

  /** Sets the quota of the user's seat in the caller's transaction; null when it holds no seat row. */
  setQuotaIn(
    m: EntityManager,
    tenantId: string,
    userId: string,
    quota: Quota | null,
  ): Promise<SeatState | null> {
    return this.seats.updateQuota(m, tenantId, userId, quota);
  }

  /** Gives the user's seat back; a user without a seat has nothing to give. */
  async release(m: EntityManager, tenantId: string, user: SeatHolder, now: Date): Promise<SeatState | null> {
    return this.seats.release(m, tenantId, user, now);
  }

  async overview(tenantId: string, limit: number, cursor: string | undefined): Promise<SeatsOverviewDto> {
    await this.tenants.require(tenantId);
    const usage = (await this.seats.usage(tenantId)) as SeatUsage;
    const rows = await this.seats.list(tenantId, limit + 1, cursor ? decodeCursor(cursor) : null);
    const page = pageOf(
      rows,
      limit,
      (last) => encodeCursor({ at: last.assignedAt, id: last.userId }),
      (s) => this.seatDto(s),
    );
    return { ...this.usageDto(usage), ...page };
  }

  async history(tenantId: string, limit: number, cursor: string | undefined): Promise<SeatHistoryPageDto> {
    await this.tenants.require(tenantId);
    const rows = await this.seats.history(tenantId, limit + 1, cursor ? decodeSeq(cursor) : null);
    return pageOf(
      rows,
      limit,
      (last) => Buffer.from(last.seq).toString('base64url'),
      (r) => ({
        userId: r.userId,
        userName: r.userName,
        action: r.action,
        quota: r.quota,
        at: r.at.toISOString(),
      }),
    );
  }

  /** The product reports the user's first sign-in: invited → claimed. Claiming again changes nothing. */
  async claim(tenantId: string, userId: string): Promise<SeatDto> {
    await this.tenants.require(tenantId);
    const seat = isUuid(userId) ? await this.seats.claim(tenantId, userId, new Date()) : null;
    if (!seat) throw ScimError.notFound(`User ${userId} holds no seat`);
    if (seat.status === 'released') throw new ScimError(409, `the seat of User ${userId} was released`);
    return this.seatDto(seat);
  }

  async setQuota(tenantId: string, userId: string, quota: Quota | null): Promise<SeatDto> {
    await this.tenants.require(tenantId);
    const seat = isUuid(userId) ? await this.seats.setQuota(tenantId, userId, quota) : null;
    if (!seat) throw ScimError.notFound(`User ${userId} holds no seat`);
    return this.seatDto(seat);
  }

  private usageDto(usage: SeatUsage): SeatUsageDto {
    const { limit, used } = usage;
    return {
      limit,
      used,
      available: limit === null ? null : Math.max(0, limit - used),
      invited: usage.invited,
      claimed: usage.claimed,
      overAllocated: limit !== null && used > limit,
    };
  }

  private seatDto(seat: SeatListRow): SeatDto {
    return {
      userId: seat.userId,
      userName: seat.userName,
      status: seat.status,
      quota: seat.quota,
      assignedAt: seat.assignedAt.toISOString(),
      claimedAt: seat.claimedAt?.toISOString() ?? null,
      releasedAt: seat.releasedAt?.toISOString() ?? null,
    };
  }
}
