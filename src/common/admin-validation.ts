import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateBy, ValidateIf, ValidateNested, ValidationOptions } from 'class-validator';
import { unstorableText } from '../scim/http/json-body-checks';

/**
 * An admin body property that may be left out but is not nullable: absent leaves the value alone,
 * null is refused by the checks after it. (`IsOptional` would let null through to the database.)
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_: object, value: unknown) => value !== undefined);
}

/**
 * A property holding one object of `type`, validated as one. An array is refused: `ValidateNested`
 * alone would check its elements instead.
 */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(type));
}

/** Text PostgreSQL can store: no NUL, no lone surrogate (a query parameter goes into SQL as is). */
export function IsStorableText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStorableText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || unstorableText(value) === null,
        defaultMessage: (args) => `${args?.property} ${unstorableText(String(args?.value)) ?? 'is not text'}`,
      },
    },
    options,
  );
}
