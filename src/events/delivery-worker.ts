import { randomUUID } from 'node:crypto';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DeliveryLeasesRepository, LeasedEndpoint } from './delivery-leases.repository';
import { DeliveredUnit, DeliveryQueueRepository, DeliveryUnit } from './delivery-queue.repository';
import { attemptBound, leaseFor, MAX_BATCH_SIZE, retryAt } from './delivery-policy';
import { envelopeOf } from './event-envelope';
import { WebhookSecrets } from './webhook-secrets';
import { AttemptResult, WebhookSender } from './webhook-sender';

/** A worker gives an endpoint back after this many POSTs, or this long, so others get their turn. */
const UNITS_PER_TURN = 500;
const TURN_MS = 30_000;
/** The tables whose statistics the worker keeps fresh (see refreshStatistics), and how often it looks. */
const QUEUE_TABLES = ['webhook_delivery', 'webhook_attempt', 'event'] as const;
const STATISTICS_EVERY_MS = 10_000;

/**
 * Sends queued webhook deliveries. Each process runs one worker; any number may share a database.
 * A worker leases up to WEBHOOK_CONCURRENCY endpoints with due deliveries and drains each back to
 * back, one POST at a time in sequence order, until its queue is empty, an attempt fails, or its
 * turn is over; then it leases the next. An idle worker looks again every WEBHOOK_POLL_MS.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  /** Identifies this worker's leases. */
  private readonly owner = randomUUID();
  private readonly draining = new Map<string, Promise<number>>();
  private timer: NodeJS.Timeout | null = null;
  private looking: Promise<void> | null = null;
  private lookAgain = false;
  private stopped = false;
  private statisticsAt = 0;
  private running = false;
  /** Set when this worker delivers for one tenant only. */
  private tenantId: string | null = null;

  constructor(
    private readonly leases: DeliveryLeasesRepository,
    private readonly queue: DeliveryQueueRepository,
    private readonly sender: WebhookSender,
    private readonly secrets: WebhookSecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.webhookDelivery) this.start();
  }

  /** Delivers in the background until shutdown: for every tenant, or only `tenantId`'s. */
  start(tenantId: string | null = null): void {
    if (this.running) return;
    this.running = true;
    this.tenantId = tenantId;
    this.wake();
  }

  /** Before the HTTP server and the database close: each drain finishes its POST and gives back its endpoint. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.looking;
    await Promise.all(this.draining.values());
  }

  /**
   * One pass, for tests and tools: leases the due endpoints (of every tenant, or of `tenantId`),
   * drains each until it is empty or fails, and answers how many POSTs were attempted.
   */
  async runOnce(tenantId: string | null = null): Promise<number> {
    const leased = await this.lease(this.config.webhookConcurrency, tenantId);
    const counts = await Promise.all(leased.map((endpoint) => this.drain(endpoint)));
    return counts.reduce((sum, n) => sum + n, 0);
  }

  /** Looks for work now (when a drain ends, or the poll timer fires). */
  private wake(): void {
    if (this.stopped || !this.running) return;
    if (this.looking) {
      this.lookAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.looking = this.look().finally(() => {
      this.looking = null;
      if (this.lookAgain) {
        this.lookAgain = false;
        this.wake();
      }
    });
  }

  private async look(): Promise<void> {
    const free = this.config.webhookConcurrency - this.draining.size;
    let leased: LeasedEndpoint[] = [];
    try {
      await this.refreshStatistics();
    } catch (error) {
      this.logger.warn({ error: messageOf(error) }, 'webhook queue statistics could not be refreshed');
    }
    try {
      if (free > 0) leased = await this.lease(free, this.tenantId);
    } catch (error) {
      this.logger.error({ error: messageOf(error) }, 'webhook delivery: could not look for due deliveries');
    }
    for (const endpoint of leased) {
      const key = `${endpoint.tenant_id}/${endpoint.id}`;
      const drain = this.drain(endpoint).finally(() => {
        this.draining.delete(key);
        this.wake();
      });
      this.draining.set(key, drain);
    }
    // With a slot free, look again after the poll interval (other endpoints may fall due while
    // these drain); with none, the first drain to end looks.
    if (!this.stopped && this.draining.size < this.config.webhookConcurrency) {
      this.timer = setTimeout(() => this.wake(), this.config.webhookPollMs);
    }
  }

  /** At most every STATISTICS_EVERY_MS: statistics of the queue's tables, where they lag behind. */
  async refreshStatistics(now = Date.now()): Promise<string[]> {
    if (now - this.statisticsAt < STATISTICS_EVERY_MS) return [];
    this.statisticsAt = now;
    const analyzed = await this.leases.refreshStatistics(QUEUE_TABLES);
    if (analyzed.length > 0) this.logger.debug({ tables: analyzed }, 'webhook queue statistics refreshed');
    return analyzed;
  }

  private lease(limit: number, tenantId: string | null): Promise<LeasedEndpoint[]> {
    const leaseMs = leaseFor(this.config.webhookTimeoutMs, MAX_BATCH_SIZE);
    return this.leases.claim(new Date(), leaseMs, this.owner, limit, tenantId);
  }

  /** Sends an endpoint's due units back to back; answers how many POSTs it attempted. */
  private async drain(endpoint: LeasedEndpoint): Promise<number> {
    const lease = {
      ms: leaseFor(this.config.webhookTimeoutMs, endpoint.max_batch_size),
      renewBelowMs: attemptBound(this.config.webhookTimeoutMs, endpoint.max_batch_size),
    };
    const turn = new Turn();
    let afterSeq = '0';
    // The unit delivered last, recorded by the statement that takes the next one.
    let delivered: DeliveredUnit | null = null;
    try {
      while (!this.stopped && turn.posts < UNITS_PER_TURN && turn.elapsedMs() < TURN_MS) {
        const last: DeliveredUnit | null = delivered;
        delivered = null;
        const unit: DeliveryUnit | null = await turn.database(() =>
          this.queue.nextUnit(endpoint, this.owner, new Date(), lease, afterSeq, last),
        );
        if (!unit) return turn.posts; // the lease ran out: the endpoint is someone else's now
        if (unit.events.length === 0) break;
        turn.posts += 1;
        turn.events += unit.events.length;
        const result: AttemptResult = await turn.receiver(() =>
          this.sender.send({
            url: unit.url,
            credentials: this.secrets.urlCredentials(unit),
            webhookId: unit.webhookId,
            body: bodyOf(unit),
            secrets: this.secrets.signingSecrets(unit, new Date()),
          }),
        );
        if (!result.delivered) {
          await this.recordFailure(unit, result);
          return turn.posts;
        }
        delivered = { unit, result };
        afterSeq = unit.events[unit.events.length - 1].seq;
      }
      const last = delivered;
      if (last) await turn.database(() => this.queue.delivered(last.unit, last.result));
      await this.leases.release(endpoint, this.owner, new Date());
    } catch (error) {
      // The lease runs out by itself; another worker (or this one) takes the endpoint up then.
      this.logger.error(
        { tenantId: endpoint.tenant_id, endpointId: endpoint.id, error: messageOf(error) },
        'webhook delivery interrupted',
      );
    } finally {
      this.logger.debug(
        { tenantId: endpoint.tenant_id, endpointId: endpoint.id, ...turn.figures() },
        'webhook turn',
      );
    }
    return turn.posts;
  }

  /** Records a failed attempt and logs it, without the secret or the body. */
  private async recordFailure(unit: DeliveryUnit, result: AttemptResult): Promise<void> {
    const next = retryAt(unit.attempt, result.at, this.config.webhookRetryBaseMs);
    const outcome = await this.queue.failed(unit, result, next, this.config.webhookRetryWindowMs, this.owner);
    const facts = {
      tenantId: unit.tenantId,
      endpointId: unit.endpointId,
      webhookId: unit.webhookId,
      events: unit.events.length,
      attempt: unit.attempt,
      statusCode: result.statusCode,
      error: result.error,
      state: outcome.state,
      consecutiveFailures: outcome.consecutive_failures,
    };
    if (outcome.state === 'disabled') {
      this.logger.error(
        facts,
        'webhook endpoint disabled: its deliveries have failed for the whole retry window and are kept until it is resumed',
      );
    } else {
      this.logger.warn({ ...facts, nextAttemptAt: next.toISOString() }, 'webhook delivery failed');
    }
  }
}

/** What one turn at an endpoint did, and where its time went (logged at debug level). */
class Turn {
  posts = 0;
  events = 0;
  private databaseMs = 0;
  private receiverMs = 0;
  private readonly started = performance.now();

  database<T>(work: () => Promise<T>): Promise<T> {
    return this.timed(work, (ms) => (this.databaseMs += ms));
  }

  receiver<T>(work: () => Promise<T>): Promise<T> {
    return this.timed(work, (ms) => (this.receiverMs += ms));
  }

  elapsedMs(): number {
    return performance.now() - this.started;
  }

  figures() {
    const round = (ms: number) => Math.round(ms);
    return {
      posts: this.posts,
      events: this.events,
      ms: round(performance.now() - this.started),
      databaseMs: round(this.databaseMs),
      receiverMs: round(this.receiverMs),
    };
  }

  private async timed<T>(work: () => Promise<T>, add: (ms: number) => void): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      add(performance.now() - started);
    }
  }
}

/** The JSON body of a unit: the event itself, or `{"events":[…]}` for an endpoint that takes batches. */
export function bodyOf(unit: Pick<DeliveryUnit, 'tenantId' | 'batched' | 'events'>): string {
  const envelopes = unit.events.map((event) => envelopeOf(unit.tenantId, event));
  return JSON.stringify(unit.batched ? { events: envelopes } : envelopes[0]);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
