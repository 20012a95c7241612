import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TenantsModule } from '../tenants/tenants.module';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), TenantsModule],
  controllers: [HealthController],
})
export class HealthModule {}
