/** A bucket's size and how fast it refills. */
export interface BucketRate {
  /** Tokens regained a second. */
  perSecond: number;
  /** The most tokens a bucket holds: how many requests may come at once. */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
  /** The size it was last used with: a raised limit adds the difference at once. */
  burst: number;
}

/** Taking from a bucket: allowed, or how long until enough tokens are back. */
export type Take = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Token buckets by key, each with its own rate, in one bounded map. A bucket untouched long enough
 * to have refilled is the same as no bucket, so the least recently used one is dropped when the map
 * is full: memory stays bounded whatever keys a client makes up.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly maxKeys: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes `points` tokens if the bucket holds them; a refusal takes nothing. */
  take(key: string, rate: BucketRate, points = 1): Take {
    const bucket = this.refill(key, rate);
    if (bucket.tokens >= points) {
      bucket.tokens -= points;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: this.waitMs(bucket, rate, points) };
  }

  /** Whether `points` could be taken now, without taking them. */
  peek(key: string, rate: BucketRate, points = 1): Take {
    const bucket = this.buckets.get(key);
    if (!bucket) return { allowed: true };
    const tokens = Math.min(rate.burst, bucket.tokens + ((this.now() - bucket.at) / 1000) * rate.perSecond);
    if (tokens >= points) return { allowed: true };
    return { allowed: false, retryAfterMs: this.waitMs({ tokens, at: 0, burst: rate.burst }, rate, points) };
  }

  private refill(key: string, rate: BucketRate): Bucket {
    const now = this.now();
    const found = this.buckets.get(key);
    if (found) this.buckets.delete(key); // re-inserted below: the map's order is least recently used first
    const raised = found ? Math.max(0, rate.burst - found.burst) : 0;
    const bucket = found
      ? {
          tokens: Math.min(rate.burst, found.tokens + raised + ((now - found.at) / 1000) * rate.perSecond),
          at: now,
          burst: rate.burst,
        }
      : { tokens: rate.burst, at: now, burst: rate.burst };
    if (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    this.buckets.set(key, bucket);
    return bucket;
  }

  private waitMs(bucket: Bucket, rate: BucketRate, points: number): number {
    if (points > rate.burst || rate.perSecond <= 0) return Number.POSITIVE_INFINITY;
    return Math.ceil(((points - bucket.tokens) / rate.perSecond) * 1000);
  }
}
