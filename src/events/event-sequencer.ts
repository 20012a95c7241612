import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RepeatingPass } from '../common/repeating-pass';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventsRepository } from './events.repository';

/** Tenants one sweep statement lists; the next sweep takes the rest. */
const SWEEP_TENANTS = 100;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Gives committed events their per-tenant sequence. A write stores its events unnumbered and numbers
 * them (with any other of its tenant's waiting) by a statement sent right after its COMMIT, in the
 * same round trip, so the feed shows a write's events by the time it answers. Runs are serialized per tenant by an
 * advisory lock, in the database, so any number of processes may share it. Events whose write did not
 * number them (its process stopped after the commit, or the lock wait timed out) are numbered by the
 * next write of the tenant or by the sweep every EVENT_SWEEP_MS in every process.
 */
@Injectable()
export class EventSequencer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventSequencer.name);
  private readonly sweeps = new RepeatingPass(
    () => this.sweep(),
    (error) => this.logger.warn({ error: messageOf(error) }, 'the sweep of unnumbered events failed'),
  );

  constructor(
    private readonly events: EventsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Numbers the tenant's events once the transaction of `m` committed, in its COMMIT's round trip.
   * Outside a transaction (the events are committed already) it numbers them now; in a transaction
   * other than runTransaction's the sweep does.
   */
  async numberAfterCommit(m: EntityManager, tenantId: string): Promise<void> {
    const scheduled = this.events.numberWithCommit(m, tenantId);
    if (!scheduled && !m.queryRunner?.isTransactionActive) await this.numberNow(m, tenantId);
  }

  /** One sweep over every tenant with unnumbered events; answers how many it numbered. */
  async sweep(): Promise<number> {
    let numbered = 0;
    for (const tenantId of await this.events.tenantsWithUnnumbered(SWEEP_TENANTS)) {
      if (this.sweeps.isStopped) break;
      try {
        numbered += (await this.events.number(undefined, tenantId, false, new Date())) ?? 0;
      } catch (error) {
        this.logger.warn(
          { tenantId, error: messageOf(error) },
          'numbering a tenant’s events failed; the next sweep tries again',
        );
      }
    }
    return numbered;
  }

  onApplicationBootstrap(): void {
    this.sweeps.start(this.config.eventSweepMs, this.config.eventSweepMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweeps.stop();
  }

  private async numberNow(m: EntityManager, tenantId: string): Promise<void> {
    try {
      await this.events.number(m, tenantId, true, new Date());
    } catch (error) {
      this.logger.warn(
        { tenantId, error: messageOf(error) },
        'events committed but not numbered yet; the sweep numbers them',
      );
    }
  }
}
