import { ResourceDefinition } from '../scim/resource/resource-definition';
import { GROUP_SCHEMA_DEFINITION } from './group-schema';
import { GROUP_INDEXED_STRINGS, GROUP_STORAGE, GROUP_TABLE } from './group-storage';

/** A member a Group lost because the member was deleted. */
const memberRemoved = (type: 'User' | 'Group') => (group: string, value: string) => [
  { type: 'group.members_removed', data: { group, members: [{ value, type }] } },
];

/** The Group resource type (RFC 7643 §4.2): members are rows, one per member, Users or Groups. */
export const GROUP_RESOURCE: ResourceDefinition = {
  name: 'Group',
  endpoint: '/Groups',
  description: 'Group',
  schema: GROUP_SCHEMA_DEFINITION,
  extensions: [],
  table: GROUP_TABLE,
  storage: GROUP_STORAGE,
  indexedStrings: GROUP_INDEXED_STRINGS,
  unique: [
    {
      attribute: 'id',
      index: 'scim_group_pkey',
      detail: 'id is already taken by another Group of this tenant',
    },
    {
      attribute: 'displayName',
      index: 'scim_group_display_name_key',
      detail: 'displayName is already taken by another Group of this tenant',
    },
  ],
  references: [
    {
      attribute: 'members',
      resourceType: 'User',
      table: 'group_user_member',
      referrer: 'group_id',
      referenced: 'user_id',
      removedEvents: memberRemoved('User'),
    },
    {
      attribute: 'members',
      resourceType: 'Group',
      table: 'group_group_member',
      referrer: 'group_id',
      referenced: 'member_group_id',
      removedEvents: memberRemoved('Group'),
    },
  ],
  eventPrefix: 'group',
  listOrder: 2,
  patchAnswer: 'noContent',
  docs: {
    create: {
      description:
        'displayName must be unique in the tenant, whatever its case (409 uniqueness). Members must be ' +
        'Users or Groups of the same tenant (400 invalidValue otherwise).',
    },
    list: {
      description:
        'Filters include members[value eq "…"] and members.value eq "…". With excludedAttributes=members ' +
        'the membership is not read at all.',
    },
    get: { description: 'Members are streamed; If-None-Match with the current ETag answers 304.' },
    replace: { description: 'displayName, externalId and the whole member list are replaced.' },
    patch: {
      description:
        'All operations apply in one transaction, or none do. Adding a member already there or removing ' +
        'one that is not is no error. Answers 204 with the new ETag, so that a change to a large group ' +
        'never sends its whole membership back; with attributes or excludedAttributes it answers 200 ' +
        'with the Group so projected.',
    },
    remove: { summary: 'Delete a Group, its memberships and its place in parent groups' },
  },
};
