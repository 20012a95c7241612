import { ResourceDefinition } from '../scim/resource/resource-definition';
import { SEAT_SCHEMA_DEFINITION } from '../seats/seat-schema';
import { ENTERPRISE_USER_SCHEMA_DEFINITION, USER_SCHEMA_DEFINITION } from './user-schemas';
import { USER_INDEXED_STRINGS, USER_STORAGE, USER_TABLE } from './user-storage';

/** The User resource type (RFC 7643 §4.1), with the Enterprise extension and Rollcall's seat. */
export const USER_RESOURCE: ResourceDefinition = {
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  schema: USER_SCHEMA_DEFINITION,
  extensions: [
    { schema: ENTERPRISE_USER_SCHEMA_DEFINITION, required: false },
    { schema: SEAT_SCHEMA_DEFINITION, required: false },
  ],
  table: USER_TABLE,
  storage: USER_STORAGE,
  indexedStrings: USER_INDEXED_STRINGS,
  unique: [
    {
      attribute: 'id',
      index: 'scim_user_pkey',
      detail: 'id is already taken by another User of this tenant',
    },
    {
      attribute: 'userName',
      index: 'scim_user_user_name_key',
      detail: 'userName is already taken by another User of this tenant',
    },
  ],
  references: [],
  eventPrefix: 'user',
  listOrder: 1,
  patchAnswer: 'resource',
  docs: {
    create: { description: 'userName must be unique in the tenant, whatever its case (409 uniqueness).' },
    replace: { description: 'Attributes left out are cleared; id, meta and groups are ignored.' },
    remove: { summary: 'Delete a User and its group memberships' },
  },
  // What Okta's SCIM 2.0 Test App sends to create a user, rather than a user named "string".
  example: {
    summary: 'What Okta sends',
    value: {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'jane.doe@acme.com',
      name: { givenName: 'Jane', familyName: 'Doe' },
      emails: [{ primary: true, value: 'jane.doe@acme.com', type: 'work' }],
      displayName: 'Jane Doe',
      locale: 'en-US',
      externalId: '00u1ab2cd3EF4gh5i6j7',
      groups: [],
      active: true,
    },
  },
};
