import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { DeliveryLeasesRepository } from './delivery-leases.repository';
import { DeliveryQueueRepository } from './delivery-queue.repository';
import { DeliveryWorker } from './delivery-worker';
import { EventRetention } from './event-retention';
import { EventSequencer } from './event-sequencer';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { SecretVault } from './secret-vault';
import { WebhookDestinations } from './webhook-destinations';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [TenantsModule],
  controllers: [EventsController],
  providers: [
    EventsRepository,
    EventsService,
    EventSequencer,
    EventRetention,
    WebhooksRepository,
    WebhooksService,
    WebhookDestinations,
    SecretVault,
    WebhookSecrets,
    WebhookSender,
    DeliveryLeasesRepository,
    DeliveryQueueRepository,
    DeliveryWorker,
  ],
  exports: [EventsService],
})
export class EventsModule {}
