/** RFC 7643 §2.3 data types and §7 attribute characteristics. */
export type AttributeType =
  'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex' | 'binary';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';
export type Uniqueness = 'none' | 'server' | 'global';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = [
  'string',
  'boolean',
  'decimal',
  'integer',
  'dateTime',
  'reference',
  'complex',
  'binary',
];
export const MUTABILITIES: readonly Mutability[] = ['readOnly', 'readWrite', 'immutable', 'writeOnly'];
export const RETURNED: readonly Returned[] = ['always', 'never', 'default', 'request'];
export const UNIQUENESSES: readonly Uniqueness[] = ['none', 'server', 'global'];

/** One attribute definition, exactly as /Schemas publishes it (RFC 7643 §7). */
export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: Returned;
  uniqueness: Uniqueness;
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDefinition[];
}

export interface SchemaDefinition {
  id: string;
  name: string;
  description: string;
  attributes: AttributeDefinition[];
}

export interface SchemaExtensionRef {
  schema: string;
  required: boolean;
}

export interface ResourceTypeDefinition {
  id: string;
  name: string;
  endpoint: string;
  description: string;
  schema: string;
  schemaExtensions: SchemaExtensionRef[];
}

type Options = Partial<Omit<AttributeDefinition, 'name' | 'type' | 'subAttributes'>>;

const DEFAULTS = {
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
} as const;

/** Builds a definition with the RFC 7643 §2.2 defaults for whatever `options` leaves out. */
export function attribute(name: string, type: AttributeType, description: string, options: Options = {}) {
  const definition: AttributeDefinition = { name, type, description, ...DEFAULTS, ...options };
  return definition;
}

export function complex(
  name: string,
  description: string,
  subAttributes: AttributeDefinition[],
  options: Options = {},
): AttributeDefinition {
  return { ...attribute(name, 'complex', description, options), subAttributes };
}

/**
 * The usual sub-attributes of a multi-valued attribute (RFC 7643 §2.4): value, display, type, primary.
 */
export function multiValued(
  name: string,
  description: string,
  value: {
    type?: AttributeType;
    referenceTypes?: string[];
    canonicalTypes?: string[];
    extra?: AttributeDefinition[];
  },
  options: Options = {},
): AttributeDefinition {
  const valueAttr = attribute('value', value.type ?? 'string', `The value of the ${name} entry.`, {
    ...(value.referenceTypes ? { referenceTypes: value.referenceTypes } : {}),
  });
  return complex(
    name,
    description,
    [
      ...(value.extra ?? [valueAttr]),
      attribute('display', 'string', 'A human-readable name, primarily used for display purposes.'),
      attribute('type', 'string', `A label indicating the ${name} entry's function.`, {
        ...(value.canonicalTypes ? { canonicalValues: value.canonicalTypes } : {}),
      }),
      attribute('primary', 'boolean', `Whether this is the primary ${name} entry; at most one is primary.`),
    ],
    { multiValued: true, ...options },
  );
}
