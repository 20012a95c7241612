import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { ThrottlingModule } from '../throttling/throttling.module';
import { UsersModule } from '../users/users.module';
import { BulkController } from './bulk.controller';
import { BulkService } from './bulk.service';
import { BULK_TARGETS, BulkTarget } from './bulk-target';
import { GroupsBulkTarget } from './targets/groups.bulk-target';
import { UsersBulkTarget } from './targets/users.bulk-target';

/**
 * Bulk (RFC 7644 §3.7). It knows resource types only as BulkTargets, one per endpoint, each a thin
 * adapter over its module's exported service.
 */
@Module({
  imports: [UsersModule, GroupsModule, ThrottlingModule],
  controllers: [BulkController],
  providers: [
    UsersBulkTarget,
    GroupsBulkTarget,
    {
      provide: BULK_TARGETS,
      inject: [UsersBulkTarget, GroupsBulkTarget],
      useFactory: (...targets: BulkTarget[]) => targets,
    },
    BulkService,
  ],
})
export class BulkModule {}
