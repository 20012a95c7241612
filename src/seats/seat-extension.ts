import { ScimError } from '../scim/errors/scim-error';
import { isObject, ScimObject } from '../scim/resource/attribute-values';
import { SEAT_SCHEMA } from './seat-schema';
import { Quota, SeatState } from './seat-state';

/**
 * The seat extension on a User document. Its only writable attribute is `quota`: a user that holds
 * a seat keeps it on the seat row; one that never held a seat keeps it in its document (the
 * "pending" quota), given to the seat when one is assigned.
 */

/** The quota written in a document; undefined when the document does not name one. */
export function quotaIn(data: ScimObject): Quota | undefined {
  const extension = data[SEAT_SCHEMA];
  if (!isObject(extension) || !isObject(extension.quota)) return undefined;
  const { amount, unit } = extension.quota;
  if (typeof amount !== 'number' || amount < 0 || typeof unit !== 'string' || unit === '') {
    throw ScimError.badRequest(
      'invalidValue',
      `${SEAT_SCHEMA}:quota needs an amount of 0 or more and a unit`,
    );
  }
  return { amount, unit };
}

/** Takes the extension out of a document about to be stored; returns the quota it named. */
export function takeQuota(data: ScimObject): Quota | undefined {
  const quota = quotaIn(data);
  delete data[SEAT_SCHEMA];
  return quota;
}

/** Stores a pending quota in the document of a user without a seat row. */
export function keepPendingQuota(data: ScimObject, quota: Quota | null | undefined): void {
  if (quota) data[SEAT_SCHEMA] = { quota };
}

/** The extension as a User shows it: the seat's state, or only the pending quota. */
export function seatExtension(
  seat: SeatState | null | undefined,
  pending: Quota | undefined,
): ScimObject | null {
  if (!seat) return pending ? { quota: pending } : null;
  return {
    status: seat.status,
    ...(seat.quota ? { quota: seat.quota } : {}),
    assignedAt: seat.assignedAt.toISOString(),
    ...(seat.claimedAt ? { claimedAt: seat.claimedAt.toISOString() } : {}),
    ...(seat.releasedAt ? { releasedAt: seat.releasedAt.toISOString() } : {}),
  };
}
