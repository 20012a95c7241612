import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { scimResource } from '../resources/scim-resources.module';
import { GROUP_RESOURCE } from './group.resource';
import { GroupMembership } from './group-membership';
import { GroupsRepository } from './groups.repository';
import { GroupsService } from './groups.service';

const routes = scimResource(GROUP_RESOURCE, GroupsService);

@Module({
  imports: [EventsModule],
  controllers: routes.controllers,
  providers: [GroupsRepository, GroupMembership, GroupsService, ...routes.providers],
  exports: [GroupsService],
})
export class GroupsModule {}
