import { ResourceStorage } from '../scim/filter/filter-to-sql';
import { IndexedString } from '../scim/resource/indexed-strings';
import { ResourceTable } from '../scim/resource/resource-definition';
import { tableStorage } from '../resources/table-storage';

/** `scim_group`: displayName and externalId in columns of their own; members are rows (GroupMembership). */
export const GROUP_TABLE: ResourceTable = {
  name: 'scim_group',
  alias: 'g',
  columns: { displayName: 'display_name', externalId: 'external_id' },
  display: 'g.display_name',
  counted: true,
};

/** Where each Group attribute lives, for the filter and sort engines (alias `g`). */
export const GROUP_STORAGE: ResourceStorage = {
  ...tableStorage(GROUP_TABLE),
  relations: {
    members: {
      from: 'group_member gm',
      correlate: 'gm.tenant_id = g.tenant_id AND gm.group_id = g.id',
      columns: { value: { sql: 'gm.value', kind: 'uuid' }, type: { sql: 'gm.type', kind: 'text' } },
    },
  },
};

/** The Group strings that indexes hold: bounded, and displayName not blank. */
export const GROUP_INDEXED_STRINGS: IndexedString[] = [
  { path: 'displayName', notBlank: true },
  { path: 'externalId' },
];

export type MemberType = 'User' | 'Group';

/**
 * `members` as the rows of each membership table (alias `x`), so that a PATCH filter such as
 * `members[value eq "…"]` becomes a condition each DELETE tests on its own rows (an index lookup for
 * an id) rather than a join against the `group_member` view.
 */
export const MEMBER_ROWS: Record<MemberType, ResourceStorage> = {
  User: memberRows("'User'::text", 'x.user_id'),
  Group: memberRows("'Group'::text", 'x.member_group_id'),
};

function memberRows(type: string, value: string): ResourceStorage {
  const members = GROUP_STORAGE.relations.members;
  return {
    ...GROUP_STORAGE,
    relations: {
      members: {
        ...members,
        columns: { value: { sql: value, kind: 'uuid' }, type: { sql: type, kind: 'text' } },
      },
    },
  };
}
