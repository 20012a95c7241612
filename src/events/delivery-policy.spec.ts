import { attemptBound, leaseFor, MAX_RETRY_DELAY_MS, retryAt } from './delivery-policy';

describe('Webhook delivery policy', () => {
  const at = new Date('2026-11-24T10:00:00Z');

  it('backs off exponentially from the base delay, with ±20% jitter', () => {
    for (const attempt of [1, 2, 3, 4]) {
      const expected = 1000 * 2 ** (attempt - 1);
      for (const random of [0, 0.5, 0.999]) {
        const delay = retryAt(attempt, at, 1000, random).getTime() - at.getTime();
        expect(delay).toBeGreaterThanOrEqual(expected * 0.8);
        expect(delay).toBeLessThanOrEqual(expected * 1.2);
      }
      expect(retryAt(attempt, at, 1000, 0.5).getTime() - at.getTime()).toBe(expected);
    }
  });

  it('caps the delay at an hour, however many attempts failed', () => {
    for (const attempt of [13, 30, 1000]) {
      const delay = retryAt(attempt, at, 10_000, 0.999).getTime() - at.getTime();
      expect(delay).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS * 1.2);
      expect(delay).toBeGreaterThan(MAX_RETRY_DELAY_MS);
    }
  });

  it('bounds an attempt by the timeout and the batch, and leases for two bounds', () => {
    expect(attemptBound(10_000, 1)).toBeGreaterThan(10_000);
    expect(attemptBound(10_000, 100)).toBeGreaterThan(attemptBound(10_000, 1));
    expect(attemptBound(500, 1)).toBeGreaterThan(500);
    for (const [timeout, batch] of [
      [10_000, 1],
      [300, 100],
    ]) {
      expect(leaseFor(timeout, batch)).toBe(2 * attemptBound(timeout, batch));
    }
  });
});
