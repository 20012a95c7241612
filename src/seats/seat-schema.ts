import { attribute, complex, SchemaDefinition } from '../scim/schema/attribute';

/** Rollcall's own User extension URN. */
export const SEAT_SCHEMA = 'urn:rollcall:params:scim:schemas:extension:seat:2.0:User';

/**
 * Rollcall's own User extension: the seat the user holds. The seat's state is readOnly (seats follow
 * `active`); its quota may be set by the identity provider or through the admin API. A request that
 * leaves the extension out changes nothing of it, so an identity provider that ignores it loses nothing.
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
    complex('quota', 'What the product allocates to this seat, e.g. 50 GB of storage.', [
      attribute('amount', 'decimal', 'The size of the quota.', { required: true }),
      attribute('unit', 'string', 'The unit of the quota, e.g. GB.', { caseExact: true, required: true }),
    ]),
    attribute('assignedAt', 'dateTime', 'When the seat was last assigned to the User.', {
      mutability: 'readOnly',
    }),
    attribute('claimedAt', 'dateTime', "When the product reported the User's first sign-in.", {
      mutability: 'readOnly',
    }),
    attribute('releasedAt', 'dateTime', 'When the seat was given back.', { mutability: 'readOnly' }),
  ],
};
