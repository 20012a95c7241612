import { attribute, complex, SchemaDefinition } from './attribute';
import { SEAT_SCHEMA } from './urns';
import { BuiltInExtension } from './schema-registry';

/**
 * Rollcall's own User extension: the seat the user holds. Every attribute is readOnly — seats
 * follow `active`, and quotas are set by the product through the admin API — so an identity
 * provider that ignores the extension loses nothing.
 */
export const SEAT_SCHEMA_DEFINITION: SchemaDefinition = {
  id: SEAT_SCHEMA,
  name: 'Seat',
  description: "The seat of the tenant's plan that an active User holds",
  attributes: [
    attribute(
      'status',
      'string',
      'invited when assigned, claimed after the first sign-in, released when given back.',
      {
        caseExact: true,
        mutability: 'readOnly',
        canonicalValues: ['invited', 'claimed', 'released'],
      },
    ),
    complex(
      'quota',
      'What the product allocates to this seat, e.g. 50 GB of storage.',
      [
        attribute('amount', 'decimal', 'The size of the quota.', { mutability: 'readOnly' }),
        attribute('unit', 'string', 'The unit of the quota, e.g. GB.', {
          caseExact: true,
          mutability: 'readOnly',
        }),
      ],
      { mutability: 'readOnly' },
    ),
    attribute('assignedAt', 'dateTime', 'When the seat was last assigned to the User.', {
      mutability: 'readOnly',
    }),
    attribute('claimedAt', 'dateTime', "When the product reported the User's first sign-in.", {
      mutability: 'readOnly',
    }),
    attribute('releasedAt', 'dateTime', 'When the seat was given back.', { mutability: 'readOnly' }),
  ],
};

/** Extensions built into every registry. */
export const BUILT_IN_EXTENSIONS: BuiltInExtension[] = [
  { resourceType: 'User', required: false, schema: SEAT_SCHEMA_DEFINITION },
];
