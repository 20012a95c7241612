import { attribute, complex, multiValued, SchemaDefinition } from '../scim/schema/attribute';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../scim/schema/urns';

const nameSub = (name: string, description: string) => attribute(name, 'string', description);

/** RFC 7643 §4.1 and §8.7.1. */
export const USER_SCHEMA_DEFINITION: SchemaDefinition = {
  id: USER_SCHEMA,
  name: 'User',
  description: 'User Account',
  attributes: [
    attribute('userName', 'string', 'Unique identifier for the User, typically used to sign in. Required.', {
      required: true,
      uniqueness: 'server',
    }),
    complex('name', "The components of the user's real name.", [
      nameSub(
        'formatted',
        'The full name, including all middle names, titles, and suffixes, formatted for display.',
      ),
      nameSub('familyName', 'The family name of the User, or last name.'),
      nameSub('givenName', 'The given name of the User, or first name.'),
      nameSub('middleName', 'The middle name(s) of the User.'),
      nameSub('honorificPrefix', 'The honorific prefix(es) of the User, or title.'),
      nameSub('honorificSuffix', 'The honorific suffix(es) of the User, or suffix.'),
    ]),
    attribute('displayName', 'string', 'The name of the User, suitable for display to end-users.'),
    attribute('nickName', 'string', 'The casual way to address the user in real life.'),
    attribute(
      'profileUrl',
      'reference',
      "A fully qualified URL pointing to a page representing the User's online profile.",
      {
        referenceTypes: ['external'],
      },
    ),
    attribute('title', 'string', 'The user\'s title, such as "Vice President".'),
    attribute('userType', 'string', 'The relationship between the organization and the user.'),
    attribute(
      'preferredLanguage',
      'string',
      "The User's preferred written or spoken language (RFC 7231 Accept-Language).",
    ),
    attribute('locale', 'string', "The User's default location for localization, e.g. en-US."),
    attribute('timezone', 'string', "The User's time zone in IANA format, e.g. America/Los_Angeles."),
    attribute('active', 'boolean', "The User's administrative status: false deactivates the User."),
    attribute(
      'password',
      'string',
      "The User's cleartext password, write-only: stored only as a salted hash.",
      {
        mutability: 'writeOnly',
        returned: 'never',
      },
    ),
    multiValued('emails', 'Email addresses for the user.', { canonicalTypes: ['work', 'home', 'other'] }),
    multiValued('phoneNumbers', 'Phone numbers for the User.', {
      canonicalTypes: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
    }),
    multiValued('ims', 'Instant messaging addresses for the User.', {
      canonicalTypes: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
    }),
    multiValued('photos', 'URLs of images of the User.', {
      type: 'reference',
      referenceTypes: ['external'],
      canonicalTypes: ['photo', 'thumbnail'],
    }),
    multiValued('addresses', 'A physical mailing address for this User.', {
      canonicalTypes: ['work', 'home', 'other'],
      extra: [
        attribute('formatted', 'string', 'The full mailing address, formatted for display.'),
        attribute('streetAddress', 'string', 'The full street address component.'),
        attribute('locality', 'string', 'The city or locality component.'),
        attribute('region', 'string', 'The state or region component.'),
        attribute('postalCode', 'string', 'The zip code or postal code component.'),
        attribute('country', 'string', 'The country name component (ISO 3166-1 alpha-2).'),
      ],
    }),
    complex(
      'groups',
      'The Groups the user belongs to, directly or through nested groups. Changed through the Group resource.',
      [
        attribute('value', 'string', 'The id of the Group.', { mutability: 'readOnly' }),
        attribute('$ref', 'reference', 'The URI of the Group.', {
          mutability: 'readOnly',
          referenceTypes: ['User', 'Group'],
        }),
        attribute('display', 'string', "The Group's displayName.", { mutability: 'readOnly' }),
        attribute('type', 'string', 'direct, or indirect through a nested group.', {
          mutability: 'readOnly',
          canonicalValues: ['direct', 'indirect'],
        }),
      ],
      { multiValued: true, mutability: 'readOnly' },
    ),
    multiValued('entitlements', 'A list of entitlements for the User.', {}),
    multiValued('roles', 'A list of roles for the User.', {}),
    multiValued('x509Certificates', 'A list of certificates issued to the User.', { type: 'binary' }),
  ],
};

/** RFC 7643 §4.3 and §8.7.1. */
export const ENTERPRISE_USER_SCHEMA_DEFINITION: SchemaDefinition = {
  id: ENTERPRISE_USER_SCHEMA,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    attribute('employeeNumber', 'string', 'Numeric or alphanumeric identifier assigned to a person.'),
    attribute('costCenter', 'string', 'Identifies the name of a cost center.'),
    attribute('organization', 'string', 'Identifies the name of an organization.'),
    attribute('division', 'string', 'Identifies the name of a division.'),
    attribute('department', 'string', 'Identifies the name of a department.'),
    complex('manager', "The User's manager.", [
      attribute('value', 'string', "The id of the SCIM resource representing the User's manager."),
      attribute('$ref', 'reference', "The URI of the SCIM resource representing the User's manager.", {
        referenceTypes: ['User'],
      }),
      attribute('displayName', 'string', "The displayName of the User's manager.", {
        mutability: 'readOnly',
      }),
    ]),
  ],
};
