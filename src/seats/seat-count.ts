/**
 * How a tenant's seats are counted: `seat_count` holds up to 32 shard rows per tenant, summed on
 * read, and two transaction-scoped advisory locks keep the count exact without a locked row.
 *
 * - The limit lock: every activation holds it shared, a change of the tenant's `seat_limit` holds
 *   it exclusive. A limit so set waits for the activations already past their check, and every
 *   later activation reads it: unlimited activations never overshoot a limit set while they run.
 * - The count lock: held exclusive by the activations of a tenant with a limit, between the sum of
 *   its seat counts and the increment, so two of them never take the same free seat.
 *
 * A lock taken inside a statement is not seen by that statement's snapshot (READ COMMITTED): what
 * the lock protects is read by the next statement.
 */

/** SQL of the limit lock's key for the tenant id the SQL expression `tenantId` gives (a text). */
export const seatLimitLockKey = (tenantId: string) => `hashtextextended('seat-limit:' || ${tenantId}, 0)`;

/** SQL of the count lock's key, likewise. */
export const seatCountLockKey = (tenantId: string) => `hashtextextended('seat-count:' || ${tenantId}, 0)`;

/** The shard of `seat_count` a connection changes: one per backend, so that writers rarely share one. */
export const SEAT_COUNT_SHARD = 'pg_backend_pid() % 32';

/** SQL of the seats a tenant holds (the sum of its shards) for the tenant id the SQL `tenantId` gives. */
export const SEATS_USED = (tenantId: string) =>
  `(SELECT coalesce(sum(c.used), 0)::int FROM seat_count c WHERE c.tenant_id = ${tenantId})`;
