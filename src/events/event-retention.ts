import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RepeatingPass } from '../common/repeating-pass';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventsRepository } from './events.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Events deleted per statement: each is a short transaction holding few row locks. */
export const RETENTION_BATCH = 1000;
const TENANTS_PER_PAGE = 100;
const FIRST_PASS_DELAY_MS = 60_000;
const PASS_INTERVAL_MS = 60 * 60 * 1000;

/**
 * EVENT_RETENTION_DAYS: deletes each tenant's events older than the retention period, oldest first,
 * in batches, so the outbox stays bounded whether or not anyone consumes it. Events a pending
 * delivery still needs are kept (and so are the events after them), as is each tenant's newest
 * event, so the retained events are always one unbroken run up to the newest.
 */
@Injectable()
export class EventRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventRetention.name);
  private readonly passes = new RepeatingPass(
    () => this.runOnce(),
    (error) =>
      this.logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'event retention pass failed',
      ),
  );

  constructor(
    private readonly events: EventsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.webhookDelivery && this.config.eventRetentionDays > 0) {
      this.passes.start(FIRST_PASS_DELAY_MS, PASS_INTERVAL_MS);
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.passes.stop();
  }

  /** One pass over every tenant with expired events; answers how many events it deleted. */
  async runOnce(now = new Date()): Promise<number> {
    if (this.config.eventRetentionDays === 0) return 0;
    const cutoff = new Date(now.getTime() - this.config.eventRetentionDays * DAY_MS);
    let deleted = 0;
    let after: string | null = null;
    for (;;) {
      const tenants = await this.events.tenantsWithEventsBefore(cutoff, after, TENANTS_PER_PAGE);
      for (const tenantId of tenants) {
        if (this.passes.isStopped) return deleted;
        deleted += await this.prune(tenantId, cutoff);
      }
      if (tenants.length < TENANTS_PER_PAGE) return deleted;
      after = tenants[tenants.length - 1];
    }
  }

  private async prune(tenantId: string, cutoff: Date): Promise<number> {
    const bound = await this.events.retentionBound(tenantId, cutoff);
    if (bound === null) return 0;
    let deleted = 0;
    let after = '0';
    try {
      while (!this.passes.isStopped) {
        const batch = await this.events.deleteBefore(tenantId, after, bound, RETENTION_BATCH);
        if (batch.last === null) break;
        deleted += batch.count;
        after = batch.last;
      }
    } catch (error) {
      // A replay queued a delivery of an event in this batch meanwhile: its key kept the event.
      this.logger.warn(
        { tenantId, error: error instanceof Error ? error.message : String(error) },
        'event retention stopped for a tenant; the next pass goes on',
      );
    }
    return deleted;
  }
}
