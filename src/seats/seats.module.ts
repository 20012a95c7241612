import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { SeatsController } from './seats.controller';
import { SeatsRepository } from './seats.repository';
import { SeatsService } from './seats.service';

@Module({
  imports: [TenantsModule],
  controllers: [SeatsController],
  providers: [SeatsRepository, SeatsService],
  exports: [SeatsService],
})
export class SeatsModule {}
