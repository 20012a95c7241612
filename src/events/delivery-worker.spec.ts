import { AppConfig } from '../config/app-config';
import { DeliveryWorker, GIVE_UP_AFTER_MS } from './delivery-worker';
import { AttemptResult, ClaimedDelivery, WebhooksRepository } from './webhooks.repository';

/** A delivery to a port nobody listens on: every attempt fails at once. */
function delivery(attempts: number, createdAt: Date): ClaimedDelivery {
  return {
    tenant_id: '00000000-0000-4000-8000-000000000001',
    id: '00000000-0000-4000-8000-000000000002',
    attempts,
    created_at: createdAt,
    url: 'http://127.0.0.1:1/unreachable',
    secret: 'whsec_test',
    event: null,
    payload: { type: 'webhook.test' },
  };
}

describe('DeliveryWorker retries', () => {
  const completed: Array<{ result: AttemptResult; retryAt: Date | null }> = [];
  const repository = {
    complete: (_t: string, _d: string, _a: number, result: AttemptResult, retryAt: Date | null) => {
      completed.push({ result, retryAt });
      return Promise.resolve();
    },
  } as unknown as WebhooksRepository;
  const worker = new DeliveryWorker(repository, { webhookRetryBaseMs: 1000 } as AppConfig);
  beforeEach(() => (completed.length = 0));

  it('backs off exponentially from the base delay, with ±20% jitter', async () => {
    for (const attempts of [1, 2, 3, 4]) {
      const delivered = await worker.deliver(delivery(attempts, new Date()));
      expect(delivered).toBe(false);
      const { result, retryAt } = completed[completed.length - 1];
      expect(result).toMatchObject({ delivered: false, statusCode: null });
      expect(typeof result.error).toBe('string');
      const delay = (retryAt as Date).getTime() - result.at.getTime();
      const expected = 1000 * 2 ** (attempts - 1);
      expect(delay).toBeGreaterThanOrEqual(expected * 0.8);
      expect(delay).toBeLessThanOrEqual(expected * 1.2);
    }
  });

  it('caps the delay at an hour and gives up after 24 hours', async () => {
    await worker.deliver(delivery(30, new Date()));
    const capped = completed[0];
    expect((capped.retryAt as Date).getTime() - capped.result.at.getTime()).toBeLessThanOrEqual(
      3_600_000 * 1.2,
    );
    await worker.deliver(delivery(5, new Date(Date.now() - GIVE_UP_AFTER_MS + 1000)));
    expect(completed[1].retryAt).toBeNull();
  });
});
