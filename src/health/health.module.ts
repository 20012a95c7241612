import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ActivityModule } from '../activity/activity.module';
import { TenantsModule } from '../tenants/tenants.module';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), TenantsModule, ActivityModule],
  controllers: [HealthController],
})
export class HealthModule {}
