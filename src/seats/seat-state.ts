/** A seat as the other modules see it; the Seats module owns the rows. */
export type SeatStatus = 'invited' | 'claimed' | 'released';

export interface Quota {
  amount: number;
  unit: string;
}

/** A user's seat, as stored. */
export interface SeatState {
  status: SeatStatus;
  quota: Quota | null;
  assignedAt: Date;
  claimedAt: Date | null;
  releasedAt: Date | null;
}

/** The columns of `seat`, as the `pg` driver returns them. */
export interface RawSeat {
  status: SeatStatus;
  quota_amount: string | null;
  quota_unit: string | null;
  assigned_at: Date;
  claimed_at: Date | null;
  released_at: Date | null;
}

export function quotaOf(amount: string | null, unit: string | null): Quota | null {
  return amount !== null && unit !== null ? { amount: Number(amount), unit } : null;
}

/** A seat from the columns of `seat` (PostgreSQL numeric arrives as a string). */
export function seatOf(raw: RawSeat): SeatState {
  return {
    status: raw.status,
    quota: quotaOf(raw.quota_amount, raw.quota_unit),
    assignedAt: raw.assigned_at,
    claimedAt: raw.claimed_at,
    releasedAt: raw.released_at,
  };
}
