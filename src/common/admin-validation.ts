import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';

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
