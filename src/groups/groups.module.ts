import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { GroupMembership } from './group-membership';
import { GroupsController } from './groups.controller';
import { GroupsRepository } from './groups.repository';
import { GroupsService } from './groups.service';

@Module({
  imports: [EventsModule],
  controllers: [GroupsController],
  providers: [GroupsRepository, GroupMembership, GroupsService],
  exports: [GroupsService],
})
export class GroupsModule {}
