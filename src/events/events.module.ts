import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { DeliveryWorker } from './delivery-worker';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [TenantsModule],
  controllers: [EventsController],
  providers: [EventsRepository, EventsService, WebhooksRepository, WebhooksService, DeliveryWorker],
  exports: [EventsService],
})
export class EventsModule {}
