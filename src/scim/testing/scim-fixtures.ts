import { ResourceStorage } from '../filter/filter-to-sql';
import { GROUP_RESOURCE } from '../../groups/group.resource';
import { USER_RESOURCE } from '../../users/user.resource';
import { ResourceDefinition } from '../resource/resource-definition';
import { ResourceSchema } from '../schema/resource-schema';
import { SchemaRegistry } from '../schema/schema-registry';

/**
 * Shared inputs of the SCIM core's unit specs: the registry every build has (Users and Groups, no extensions file) and
 * a storage map with one attribute in each kind of place a module may keep it.
 */
export const RESOURCE_TYPES: readonly ResourceDefinition[] = [USER_RESOURCE, GROUP_RESOURCE];
export const registry = new SchemaRegistry(RESOURCE_TYPES);
export const userSchema: ResourceSchema = registry.resource('User');
export const groupSchema: ResourceSchema = registry.resource('Group');

/**
 * Users as a table aliased `r`: a few columns (one of each kind), `groups` as rows of `membership m`,
 * emails' values in an index, everything else in the `r.data` document.
 */
export const USERS_TABLE: ResourceStorage = {
  tenant: 'r.tenant_id',
  seq: 'r.seq',
  data: 'r.data',
  columns: {
    id: { sql: 'r.id', kind: 'uuid' },
    username: { sql: 'r.user_name', kind: 'text', trimmed: true },
    externalid: { sql: 'r.external_id', kind: 'text' },
    active: { sql: 'r.active', kind: 'boolean' },
    'meta.lastmodified': { sql: 'r.last_modified', kind: 'timestamptz' },
  },
  relations: {
    groups: {
      from: 'membership m',
      correlate: 'm.tenant_id = r.tenant_id AND m.user_id = r.id',
      columns: { value: { sql: 'm.group_id', kind: 'uuid' } },
    },
  },
  indexedValues: { emails: "lower_values(r.data -> 'emails')" },
};

/** Groups as a table aliased `g`, `members` as rows of `member gm`. */
export const GROUPS_TABLE: ResourceStorage = {
  tenant: 'g.tenant_id',
  seq: 'g.seq',
  data: 'g.data',
  columns: {
    id: { sql: 'g.id', kind: 'uuid' },
    displayname: { sql: 'g.display_name', kind: 'text' },
  },
  relations: {
    members: {
      from: 'member gm',
      correlate: 'gm.tenant_id = g.tenant_id AND gm.group_id = g.id',
      columns: { value: { sql: 'gm.value', kind: 'uuid' }, type: { sql: 'gm.type', kind: 'text' } },
    },
  },
};
