import { attribute, complex, SchemaDefinition } from '../scim/schema/attribute';
import { GROUP_SCHEMA } from '../scim/schema/urns';

/** RFC 7643 §4.2 and §8.7.1; displayName is required and unique per tenant here. */
export const GROUP_SCHEMA_DEFINITION: SchemaDefinition = {
  id: GROUP_SCHEMA,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute('displayName', 'string', 'A human-readable name for the Group. Required, unique per tenant.', {
      required: true,
      uniqueness: 'server',
    }),
    complex(
      'members',
      'A list of members of the Group: Users or Groups of the same tenant.',
      [
        attribute('value', 'string', 'Identifier of the member of this Group.', {
          caseExact: true,
          mutability: 'immutable',
        }),
        attribute('$ref', 'reference', 'The URI of the member resource.', {
          mutability: 'immutable',
          referenceTypes: ['User', 'Group'],
        }),
        attribute('type', 'string', 'The type of the member.', {
          mutability: 'immutable',
          canonicalValues: ['User', 'Group'],
        }),
        attribute('display', 'string', "The member's userName or displayName.", { mutability: 'readOnly' }),
      ],
      { multiValued: true },
    ),
  ],
};
