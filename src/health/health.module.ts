import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { TenantsModule } from '../tenants/tenants.module';
import { HealthController } from './health.controller';
import { Readiness } from './readiness';

@Module({
  imports: [TenantsModule, ActivityModule],
  controllers: [HealthController],
  providers: [Readiness],
})
export class HealthModule {}
