/** Batches hold at most this many events (`maxBatchSize` 1–100). */
export const MAX_BATCH_SIZE = 100;
/** The most a retry waits, however many attempts failed before. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
/** Time for the statements around a POST: reading the unit, recording its outcome. */
const LEASE_MARGIN_MS = 5_000;
/** Time to read, serialise and sign each event of a unit. */
const LEASE_PER_EVENT_MS = 100;

/**
 * The longest one POST of an endpoint can keep a worker: the request timeout (which bounds the
 * whole attempt: lookup, connect, send, answer), plus the statements around it and the work per event.
 */
export function attemptBound(timeoutMs: number, batchSize: number): number {
  return timeoutMs + LEASE_MARGIN_MS + LEASE_PER_EVENT_MS * batchSize;
}

/**
 * How long a worker holds an endpoint: two attempt bounds. Before each POST the worker checks that
 * at least one bound is left, and renews the lease if not, so a lease never runs out while an
 * attempt can still be in flight and two workers never send to one endpoint at once; and the
 * endpoint's row is written about once per bound, not once per POST.
 */
export function leaseFor(timeoutMs: number, batchSize: number): number {
  return 2 * attemptBound(timeoutMs, batchSize);
}

/** When a unit that failed its `attempt`-th try is tried again: exponential, ±20% jitter, capped. */
export function retryAt(attempt: number, at: Date, baseMs: number, random = Math.random()): Date {
  const delay = Math.min(baseMs * 2 ** Math.min(attempt - 1, 20), MAX_RETRY_DELAY_MS);
  return new Date(at.getTime() + delay * (0.8 + random * 0.4));
}
