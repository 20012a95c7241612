import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ActivityModule } from '../activity/activity.module';
import { TenantsModule } from '../tenants/tenants.module';
import { HealthController } from './health.controller';
import { Readiness } from './readiness';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), TenantsModule, ActivityModule],
  controllers: [HealthController],
  providers: [Readiness],
})
export class HealthModule {}
