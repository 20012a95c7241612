/** SQL the delivery worker's repositories share. */

/** Now ($1) plus a lease length in milliseconds ($2). */
export const LEASE = `$1::timestamptz + $2::int * interval '1 millisecond'`;

/**
 * The worker's bookkeeping commits without waiting for its WAL flush (for its own transaction only):
 * a database crash may lose its last fraction of a second, and those deliveries are sent again with
 * the same webhook-id and body, which at-least-once delivery allows. What must not be lost is the
 * make-up of a batch, once it can have been sent: see nextUnit.
 */
export const NO_FLUSH_WAIT = `SELECT set_config('synchronous_commit', 'off', true)`;
// (nextUnit writes the same call under a CASE, for endpoints that take one event per POST.)
