import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { ActivityWriter } from '../activity/activity-writer';
import { Public } from '../auth/auth.decorators';
import { ShutdownState } from '../pipeline/shutdown-state';
import { TenantAccessChannel } from '../tenants/tenant-access.channel';

@ApiTags('Health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly tenantAccess: TenantAccessChannel,
    private readonly indicators: HealthIndicatorService,
    private readonly shutdown: ShutdownState,
    private readonly activity: ActivityWriter,
  ) {}

  /** The process is up and serving HTTP; touches nothing else. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * The process can serve requests: the database answers. `tokenCache.mode` says whether verified
   * tokens are kept in memory (`listening`, `local`) or looked up on every request (`off`,
   * `reconnecting`); either way the process is ready. `activityLog` reports the activity log's queue
   * and the requests whose entry was dropped (queue full, database unavailable); drops do not make the
   * process unready. From SIGTERM on it is not (`shutdown` down), so a load balancer stops sending it
   * requests while it drains.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => {
        const shutdown = this.indicators.check('shutdown');
        return this.shutdown.draining ? shutdown.down({ draining: true }) : shutdown.up();
      },
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => ({ tokenCache: { status: 'up' as const, mode: this.tenantAccess.mode } }),
      () => ({ activityLog: { status: 'up' as const, ...this.activity.state() } }),
    ]);
  }
}
