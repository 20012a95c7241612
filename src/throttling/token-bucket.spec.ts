import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  let now = 0;
  const clock = () => now;
  const rate = { perSecond: 10, burst: 20 };

  beforeEach(() => (now = 0));

  it('allows a full burst, then the sustained rate, and says how long to wait', () => {
    const buckets = new TokenBuckets(10, clock);
    for (let i = 0; i < 20; i += 1) expect(buckets.take('t', rate)).toEqual({ allowed: true });
    expect(buckets.take('t', rate)).toEqual({ allowed: false, retryAfterMs: 100 });
    now = 250; // 2.5 tokens back
    expect(buckets.take('t', rate)).toEqual({ allowed: true });
    expect(buckets.take('t', rate)).toEqual({ allowed: true });
    expect(buckets.take('t', rate)).toEqual({ allowed: false, retryAfterMs: 50 });
  });

  it('takes several points at once, or none', () => {
    const buckets = new TokenBuckets(10, clock);
    expect(buckets.take('t', rate, 15)).toEqual({ allowed: true });
    expect(buckets.take('t', rate, 10)).toEqual({ allowed: false, retryAfterMs: 500 });
    expect(buckets.take('t', rate, 5)).toEqual({ allowed: true });
    expect(buckets.take('t', rate, 21).allowed).toBe(false);
    expect(new TokenBuckets(10, clock).take('u', rate, 21)).toEqual({
      allowed: false,
      retryAfterMs: Number.POSITIVE_INFINITY,
    });
  });

  it('peeks without taking', () => {
    const buckets = new TokenBuckets(10, clock);
    expect(buckets.peek('t', { perSecond: 1, burst: 1 })).toEqual({ allowed: true });
    buckets.take('t', { perSecond: 1, burst: 1 });
    expect(buckets.peek('t', { perSecond: 1, burst: 1 })).toEqual({ allowed: false, retryAfterMs: 1000 });
    expect(buckets.peek('t', { perSecond: 1, burst: 1 })).toEqual({ allowed: false, retryAfterMs: 1000 });
  });

  it('keeps separate keys apart and a raised limit applies at once', () => {
    const buckets = new TokenBuckets(10, clock);
    buckets.take('a', rate, 20);
    expect(buckets.take('b', rate, 20)).toEqual({ allowed: true });
    expect(buckets.take('a', { perSecond: 10, burst: 30 }, 10)).toEqual({ allowed: true });
  });

  it('stays within its key bound, forgetting the least recently used bucket', () => {
    const buckets = new TokenBuckets(2, clock);
    buckets.take('a', rate, 20);
    buckets.take('b', rate, 20);
    buckets.take('a', rate, 0); // a is now the most recently used
    buckets.take('c', rate, 20); // b is dropped
    expect(buckets.take('b', rate, 20)).toEqual({ allowed: true });
    expect(buckets.take('c', rate, 1).allowed).toBe(false);
  });
});
