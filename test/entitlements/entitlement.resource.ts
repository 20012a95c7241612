import { ResourceDefinition } from '../../src/scim/resource/resource-definition';
import { attribute, complex } from '../../src/scim/schema/attribute';
import { tableStorage } from '../../src/resources/table-storage';

export const ENTITLEMENT_SCHEMA = 'urn:example:params:scim:schemas:core:2.0:Entitlement';

const TABLE = { name: 'test_entitlement', alias: 'ent', columns: { displayName: 'display_name' } };

const REFERENCES: ResourceDefinition['references'] = [
  {
    attribute: 'members',
    resourceType: 'User',
    table: 'test_entitlement_member',
    referrer: 'entitlement_id',
    referenced: 'user_id',
  },
];

/** A third resource type, defined the way a backend team adds one: this folder and one line. */
export const ENTITLEMENT_RESOURCE: ResourceDefinition = {
  name: 'Entitlement',
  endpoint: '/Entitlements',
  description: 'An entitlement granted to Users',
  schema: {
    id: ENTITLEMENT_SCHEMA,
    name: 'Entitlement',
    description: 'Entitlement',
    attributes: [
      attribute('displayName', 'string', 'The name of the entitlement, unique per tenant.', {
        required: true,
        uniqueness: 'server',
      }),
      attribute('description', 'string', 'What the entitlement grants.'),
      attribute('type', 'string', 'The kind of entitlement, e.g. license.'),
      complex(
        'members',
        'The Users holding the entitlement.',
        [
          attribute('value', 'string', 'The id of the User.', { caseExact: true }),
          attribute('$ref', 'reference', 'The URI of the User.', {
            mutability: 'readOnly',
            referenceTypes: ['User'],
          }),
          attribute('type', 'string', 'User.', { mutability: 'readOnly', canonicalValues: ['User'] }),
        ],
        { multiValued: true },
      ),
    ],
  },
  extensions: [],
  table: TABLE,
  storage: tableStorage(TABLE, REFERENCES),
  indexedStrings: [{ path: 'displayName', notBlank: true }],
  unique: [
    { attribute: 'id', index: 'test_entitlement_pkey', detail: 'id is already taken by another Entitlement' },
    {
      attribute: 'displayName',
      index: 'test_entitlement_display_name_key',
      detail: 'displayName is already taken by another Entitlement of this tenant',
    },
  ],
  references: REFERENCES,
  eventPrefix: 'entitlement',
  patchAnswer: 'resource',
};
