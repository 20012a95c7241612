import { Module } from '@nestjs/common';
import { ScimResourceModule } from '../resources/scim-resources.module';
import { GROUP_RESOURCE } from './group.resource';
import { GroupMembers } from './group-members';
import { GroupMembership } from './group-membership';
import { GroupMembershipRepository } from './group-membership.repository';

/** The Group resource type: its definition, served by the generic module, with the membership hook. */
const GROUPS = ScimResourceModule.forResource(GROUP_RESOURCE, {
  hooks: GroupMembers,
  providers: [GroupMembershipRepository, GroupMembership],
  exports: [GroupMembership],
});

@Module({ imports: [GROUPS], exports: [GROUPS] })
export class GroupsModule {}
