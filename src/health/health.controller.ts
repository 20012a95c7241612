import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { Readiness, ReadinessReport } from './readiness';

const LIVE: ReadinessReport = Object.freeze({ status: 'ok', info: {}, error: {}, details: {} });

@ApiTags('Health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  /**
   * The process is up and serving HTTP; touches nothing else. The answer Terminus gives a check of
   * no indicators, without running its executor on every request.
   */
  @Get('live')
  @HealthCheck()
  live(): ReadinessReport {
    return LIVE;
  }

  /**
   * The process can serve requests: the database answers. 503 names the failing check under
   * `error` with its reason. `tokenCache.mode` says whether verified tokens are kept in memory
   * (`listening`, `local`) or looked up on every request (`off`, `reconnecting`,
   * `heartbeat-missed`); either way the process is ready. From SIGTERM on it is not (`shutdown`
   * down), so a load balancer stops sending it requests while it drains.
   */
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report = await this.readiness.check();
    if (report.status !== 'ok') res.status(503);
    return report;
  }
}
