import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Observation } from './activity-record';
import { ActivityBatch, ActivityQueue } from './activity-queue';
import { ActivityRepository } from './activity.repository';

/** Bodies waiting in memory at most, whatever the queue's length (each is capped on its own too). */
const MAX_QUEUED_BODY_BYTES = 32 * 1024 * 1024;
/** After a failed flush the next waits this long, doubling, up to the maximum. */
const RETRY_BASE_MS = 200;
const RETRY_MAX_MS = 5000;
/** How long SIGTERM waits for the queue to be written before giving up on the rest. */
const SHUTDOWN_FLUSH_MS = 5000;
/** Drops are logged at most this often, with their count. */
const DROP_LOG_MS = 10_000;

/** PostgreSQL errors that no retry can fix: the batch itself is at fault (bad data, a bug). */
function isPermanent(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|42)/.test(code);
}

export interface ActivityLogState {
  /** Entries (or tallies) waiting or being written. */
  queued: number;
  /** Requests whose entry was dropped since start: queue full, or the database unavailable. */
  dropped: number;
  /** Requests written since start. */
  written: number;
  /** Consecutive failed flushes (0 while the database takes them). */
  failingFlushes: number;
}

/**
 * Writes the activity log off the request path: requests only add to a bounded in-memory queue
 * (ActivityQueue), and a timer writes it every ACTIVITY_FLUSH_MS, or at once when a batch is full,
 * one batch at a time. A failed write keeps the batch for the next try (backing off), so a short
 * database outage loses nothing until the queue is full; from then on requests are dropped and
 * counted, never waited for. SIGTERM writes what is left, for up to 5 seconds.
 */
@Injectable()
export class ActivityWriter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ActivityLog');
  private readonly queue: ActivityQueue;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private failures = 0;
  private retryAt = 0;
  private written = 0;
  private droppedLogged = 0;
  private dropLoggedAt = 0;
  private dropLogTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: ActivityRepository,
  ) {
    this.queue = new ActivityQueue(config.activity.queueSize, MAX_QUEUED_BODY_BYTES);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flushDue(), this.config.activity.flushMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const deadline = Date.now() + SHUTDOWN_FLUSH_MS;
    const untilDeadline = (work: Promise<unknown>) =>
      Promise.race([work, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())).unref())]);
    while (this.queue.size > 0 && Date.now() < deadline) {
      await untilDeadline(this.flushOnce());
      if (this.failures > 0) await untilDeadline(new Promise((r) => setTimeout(r, RETRY_BASE_MS)));
    }
    const left = this.queue.size;
    if (left > 0) this.logger.warn({ left }, `shutting down with ${left} activity entries unwritten`);
    this.logDrops();
  }

  /** Called as each SCIM request finishes: never waits, never throws. */
  record(observation: Observation): void {
    if (!this.queue.add(observation)) this.scheduleDropLog();
    else if (!this.stopped && this.queue.waiting >= this.config.activity.batchSize) {
      setImmediate(() => void this.flushDue());
    }
  }

  state(): ActivityLogState {
    return {
      queued: this.queue.size,
      dropped: this.queue.dropped,
      written: this.written,
      failingFlushes: this.failures,
    };
  }

  /** Writes what is queued now, waiting at most `ms` (a reader wants what was just answered). */
  async flushWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    await Promise.race([this.flush(), waited]);
    clearTimeout(timer);
  }

  /** Writes everything queued now (tests, shutdown); returns early when a write fails. */
  async flush(): Promise<void> {
    await this.flushing;
    this.retryAt = 0;
    while (this.queue.waiting > 0) {
      await this.flushOnce();
      if (this.failures > 0) return;
    }
  }

  /** The timer's turn: one batch, or more while full batches wait; none while backing off. */
  private async flushDue(): Promise<void> {
    if (this.flushing || Date.now() < this.retryAt) return;
    do {
      await this.flushOnce();
    } while (this.failures === 0 && this.queue.waiting >= this.config.activity.batchSize);
  }

  /** One batch, one transaction; a single flush runs at a time. */
  private flushOnce(): Promise<void> {
    if (this.flushing) return this.flushing;
    const batch = this.queue.take(this.config.activity.batchSize);
    if (!batch) return Promise.resolve();
    this.flushing = this.write(batch).finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async write(batch: ActivityBatch): Promise<void> {
    try {
      await this.repository.write(batch);
      this.queue.settle(batch);
      this.written += batch.requests;
      if (this.failures > 0) this.logger.log({ failures: this.failures }, 'activity log writing again');
      this.failures = 0;
    } catch (err) {
      this.failures += 1;
      this.retryAt = Date.now() + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (this.failures - 1));
      if (isPermanent(err)) {
        this.queue.discard(batch);
        this.logger.error(
          { err, entries: batch.size },
          'activity log batch refused by the database; dropped',
        );
        this.scheduleDropLog();
      } else {
        this.queue.giveBack(batch);
        if (this.failures === 1 || this.failures % 10 === 0) {
          this.logger.warn(
            { err, failures: this.failures, queued: this.queue.size },
            'activity log cannot write to the database; keeping entries in memory and retrying',
          );
        }
      }
    }
  }

  /** The first drop is logged within a second (a burst as one line), later ones every 10 s at most. */
  private scheduleDropLog(): void {
    if (this.dropLogTimer) return;
    const wait = Math.max(1000, this.dropLoggedAt + DROP_LOG_MS - Date.now());
    this.dropLogTimer = setTimeout(() => this.logDrops(), wait);
    this.dropLogTimer.unref();
  }

  private logDrops(): void {
    if (this.dropLogTimer) clearTimeout(this.dropLogTimer);
    this.dropLogTimer = null;
    const dropped = this.queue.dropped;
    if (dropped === this.droppedLogged) return;
    this.logger.warn(
      { dropped: dropped - this.droppedLogged, droppedTotal: dropped, queued: this.queue.size },
      `activity log dropped ${dropped - this.droppedLogged} entries (queue full or database unavailable)`,
    );
    this.droppedLogged = dropped;
    this.dropLoggedAt = Date.now();
  }
}
