import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityWriter } from '../activity/activity-writer';
import { loggableError } from '../common/loggable-error';
import { ShutdownState } from '../pipeline/shutdown-state';
import { TenantAccessChannel } from '../tenants/tenant-access.channel';

/** How long the database has to answer the readiness ping. */
const PING_TIMEOUT_MS = 2000;

interface CheckResult {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

/** The readiness answer, in the shape health checks commonly use (Terminus's): failing checks by name under `error`. */
export interface ReadinessReport {
  status: 'ok' | 'error';
  info: Record<string, CheckResult>;
  error: Record<string, CheckResult>;
  details: Record<string, CheckResult>;
}

/**
 * Whether this process can serve: it is not draining after SIGTERM (else `shutdown` is down), the
 * database answers a ping (else `database` is down, with the reason). It also reports how verified
 * tokens are kept (`tokenCache.mode`) and the activity log's queue and drops (`activityLog`), neither
 * ever a reason not to serve.
 */
@Injectable()
export class Readiness {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenantAccess: TenantAccessChannel,
    private readonly shutdown: ShutdownState,
    private readonly activity: ActivityWriter,
  ) {}

  async check(): Promise<ReadinessReport> {
    const checks: Record<string, CheckResult> = {
      shutdown: this.shutdown.draining ? { status: 'down', draining: true } : { status: 'up' },
      database: await this.database(),
      tokenCache: { status: 'up', mode: this.tenantAccess.mode },
      // Entries dropped (queue full, database unavailable) are reported, never a reason not to serve.
      activityLog: { status: 'up', ...this.activity.state() },
    };
    const entries = Object.entries(checks);
    const pick = (status: CheckResult['status']) =>
      Object.fromEntries(entries.filter(([, c]) => c.status === status));
    const error = pick('down');
    return {
      status: Object.keys(error).length > 0 ? 'error' : 'ok',
      info: pick('up'),
      error,
      details: checks,
    };
  }

  private async database(): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', message: loggableError(error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}
