/**
 * How a tenant's seats are counted: `seat_count` holds 16 rows per tenant (made with the tenant,
 * migration 1765200000000), summed on read, so that no one row is locked by every write of a tenant.
 * The counting is two database functions (migration 1765400000000), called by the statement that
 * changes the seat row, so a seat change is one statement.
 *
 * - Without a limit, a seat taken or given back changes any shard no other transaction holds
 *   (FOR UPDATE SKIP LOCKED, starting from the connection's own): concurrent writers never wait.
 * - With a limit, a seat is taken on shard 0 alone, by a conditional upsert whose row lock queues
 *   the tenant's activations until commit, as the limit needs.
 * - The limit lock, a transaction-scoped advisory lock per tenant: every activation holds it shared,
 *   a change of `seat_limit` exclusive. A new limit so waits for the activations already past their
 *   check, and every later activation reads it: none overshoots a limit set while it runs.
 *
 * A lock taken inside a statement is not seen by that statement's snapshot (READ COMMITTED): what
 * the lock protects is read by a statement that starts after it, as those of a VOLATILE function the
 * statement calls do.
 */

/** SQL of the limit lock's key for the tenant id the SQL expression `tenantId` gives (a text). */
export const seatLimitLockKey = (tenantId: string) => `hashtextextended('seat-limit:' || ${tenantId}, 0)`;

/** SQL of the seats a tenant holds (the sum of its shards) for the tenant id the SQL `tenantId` gives. */
export const SEATS_USED = (tenantId: string) =>
  `(SELECT coalesce(sum(c.used), 0)::int FROM seat_count c WHERE c.tenant_id = ${tenantId})`;
