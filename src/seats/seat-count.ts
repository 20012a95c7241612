/**
 * How a tenant's seats are counted: `seat_count` holds SEAT_COUNT_SHARDS rows per tenant, summed on
 * read, so that no one row is locked by every write of a tenant.
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
 * the lock protects is read by the next statement.
 */

/** SQL of the limit lock's key for the tenant id the SQL expression `tenantId` gives (a text). */
export const seatLimitLockKey = (tenantId: string) => `hashtextextended('seat-limit:' || ${tenantId}, 0)`;

/**
 * The shard rows of each tenant, made when the tenant is (migration 1765200000000): more than
 * the writes of one tenant at once (TENANT_MAX_CONCURRENCY, half the pool per process).
 */
export const SEAT_COUNT_SHARDS = 16;

/** The shard a connection tries first: its own, so that concurrent writers start on different rows. */
export const SEAT_COUNT_SHARD = `pg_backend_pid() % ${SEAT_COUNT_SHARDS}`;

/** SQL of the seats a tenant holds (the sum of its shards) for the tenant id the SQL `tenantId` gives. */
export const SEATS_USED = (tenantId: string) =>
  `(SELECT coalesce(sum(c.used), 0)::int FROM seat_count c WHERE c.tenant_id = ${tenantId})`;
