import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ActivityRetentionRepository } from './activity-retention.repository';

/** pg_try_advisory_lock key of the retention run: one instance purges at a time. */
export const RETENTION_LOCK_KEY = 7_236_510_015;
const PURGE_INTERVAL_MS = 15 * 60_000;
const FIRST_PURGE_MS = 60_000;
/** Rows per DELETE: each is a short transaction, so no lock is held for long. */
const PURGE_BATCH = 5000;
/** Batches per run at most; what is left waits for the next run. */
const MAX_BATCHES = 200;
/** No purge statement runs longer than this. */
const STATEMENT_TIMEOUT_MS = 10_000;

export interface PurgeResult {
  /** False when another instance held the lock. */
  ran: boolean;
  entries: number;
  minutes: number;
  batches: number;
}

/**
 * Deletes activity older than ACTIVITY_RETENTION_DAYS, in bounded batches, every 15 minutes, in one
 * instance at a time (a session advisory lock on a connection of its own). Deleted rows leave room
 * that autovacuum hands to new entries, so the table stays about the size of its retention window.
 */
@Injectable()
export class ActivityRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ActivityRetention');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PurgeResult> | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: ActivityRetentionRepository,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      void this.purgeOnce().catch((err: unknown) => this.logger.warn({ err }, 'activity purge failed'));
    };
    this.timer = setTimeout(() => {
      run();
      this.timer = setInterval(run, PURGE_INTERVAL_MS);
      this.timer.unref();
    }, FIRST_PURGE_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // A run stops after its current statement (each is bounded by STATEMENT_TIMEOUT_MS).
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise((resolve) => (timer = setTimeout(resolve, STATEMENT_TIMEOUT_MS)));
    await Promise.race([this.running?.catch(() => undefined), waited]);
    clearTimeout(timer);
  }

  /** One run (the timer's, or a test's): nothing when another instance is purging. */
  purgeOnce(now = new Date(), batchSize = PURGE_BATCH): Promise<PurgeResult> {
    this.running ??= this.purge(now, batchSize).finally(() => (this.running = null));
    return this.running;
  }

  private async purge(now: Date, batchSize: number): Promise<PurgeResult> {
    const cutoff = new Date(now.getTime() - this.config.activity.retentionDays * 86_400_000);
    const result: PurgeResult = { ran: false, entries: 0, minutes: 0, batches: 0 };
    const session = await this.repository.openSession(STATEMENT_TIMEOUT_MS);
    try {
      if (!(await this.repository.tryLock(session, RETENTION_LOCK_KEY))) return result;
      result.ran = true;
      try {
        for (const table of ['entries', 'minutes'] as const) {
          let deleted = batchSize;
          while (deleted === batchSize && result.batches < MAX_BATCHES && !this.stopped) {
            deleted =
              table === 'entries'
                ? await this.repository.purgeEntries(session, cutoff, batchSize)
                : await this.repository.purgeMinutes(session, cutoff, batchSize);
            result[table] += deleted;
            result.batches += 1;
          }
        }
      } finally {
        await this.repository.unlock(session, RETENTION_LOCK_KEY);
      }
      if (result.entries + result.minutes > 0) {
        this.logger.log({ ...result, cutoff }, 'activity past retention purged');
      }
      return result;
    } finally {
      await this.repository.closeSession(session);
    }
  }
}
