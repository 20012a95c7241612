import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ScimResources } from '../resources/scim-resources';
import { ThrottlingModule } from '../throttling/throttling.module';
import { BulkController } from './bulk.controller';
import { BulkService } from './bulk.service';
import { BULK_TARGETS, BulkTarget } from './bulk-target';
import { ResourceBulkTarget } from './resource-bulk-target';

/**
 * Bulk (RFC 7644 §3.7). It knows resource types only as BulkTargets, one per registered type, each
 * acting through ScimResources as the type's own routes do.
 */
@Module({
  imports: [ThrottlingModule],
  controllers: [BulkController],
  providers: [
    {
      provide: BULK_TARGETS,
      inject: [ScimResources, APP_CONFIG],
      useFactory: (resources: ScimResources, config: AppConfig): BulkTarget[] =>
        resources.types().map((type) => new ResourceBulkTarget(type, resources, config.publicUrl)),
    },
    BulkService,
  ],
})
export class BulkModule {}
