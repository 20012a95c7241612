import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { sendDelivery } from './webhook-sender';
import { ClaimedDelivery, WebhooksRepository } from './webhooks.repository';

/** How long a claimed delivery stays with its worker: longer than a send can take. */
export const LEASE_MS = 60_000;
/** Deliveries are given up after this long (retries included). */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
const MAX_DELAY_MS = 60 * 60 * 1000;
const BATCH = 20;

/**
 * Sends queued webhook deliveries. Any number of workers (in this process or other instances)
 * may run against one database: claims use row locks with SKIP LOCKED and a lease, so a delivery
 * is never sent twice at the same time, and each endpoint receives its events in order.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly webhooks: WebhooksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.webhookDelivery) this.schedule();
  }

  /** Before the HTTP server and the database close: the round in progress finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Claims the due deliveries, sends them concurrently, records each outcome; returns how many. */
  async runOnce(): Promise<number> {
    const claimed = await this.webhooks.claimDue(new Date(), LEASE_MS, BATCH);
    await Promise.all(claimed.map((d) => this.deliver(d)));
    return claimed.length;
  }

  /** Sends one claimed delivery and records the attempt; the retry time follows the attempt count. */
  async deliver(delivery: ClaimedDelivery): Promise<boolean> {
    const result = await sendDelivery(delivery);
    const retryAt = result.delivered ? null : this.retryAt(delivery, result.at);
    await this.webhooks.complete(delivery.tenant_id, delivery.id, delivery.attempts, result, retryAt);
    return result.delivered;
  }

  /** Exponential backoff with ±20% jitter, capped at an hour; null once 24 hours have passed. */
  private retryAt(delivery: ClaimedDelivery, now: Date): Date | null {
    const base = this.config.webhookRetryBaseMs * 2 ** Math.min(delivery.attempts - 1, 20);
    const delay = Math.min(base, MAX_DELAY_MS) * (0.8 + Math.random() * 0.4);
    const next = new Date(now.getTime() + delay);
    return next.getTime() - delivery.created_at.getTime() > GIVE_UP_AFTER_MS ? null : next;
  }

  private schedule(delay = this.config.webhookPollMs): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().catch((error: unknown) => {
        this.logger.error(
          `webhook delivery round failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        return 0;
      });
      void this.running.then((count) => {
        // A full batch means more may be due: go again at once.
        this.schedule(count === BATCH ? 0 : undefined);
      });
    }, delay);
  }
}
