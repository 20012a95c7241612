import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { ActivityCapture } from './activity-capture.middleware';
import { ActivityController } from './activity.controller';
import { ActivityRepository } from './activity.repository';
import { ActivityRetention } from './activity-retention';
import { ActivityRetentionRepository } from './activity-retention.repository';
import { ActivityService } from './activity.service';
import { ActivityWriter } from './activity-writer';

/**
 * The provisioning activity log: every request an IdP makes to a tenant's SCIM base URL, recorded at
 * the HTTP layer (ActivityCapture) whatever module answers it, written in batches off the request
 * path (ActivityWriter), read through ActivityService (admin API, tenant portal), purged past
 * retention (ActivityRetention).
 */
@Module({
  imports: [TenantsModule],
  controllers: [ActivityController],
  providers: [
    ActivityRepository,
    ActivityRetentionRepository,
    ActivityWriter,
    ActivityService,
    ActivityRetention,
    ActivityCapture,
  ],
  exports: [ActivityService, ActivityWriter],
})
export class ActivityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ActivityCapture).forRoutes({ path: 'scim/*path', method: RequestMethod.ALL });
  }
}
