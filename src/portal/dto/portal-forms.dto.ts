import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** The Enable SCIM provisioning switch of the setup page: the state to set. */
export class ScimSwitchForm {
  @IsIn(['true', 'false'], { message: 'Choose on or off' })
  enabled: 'true' | 'false';
}

/** The token form of the tokens page. */
export class GenerateTokenForm {
  @IsString()
  @Length(1, 200, { message: 'Give the token a description (up to 200 characters)' })
  description: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @IsIn([0, 90, 365], { message: 'Choose when the token expires' })
  expiresInDays: number = 0;
}

/** The account size form of the seats page. */
export class AccountSizeForm {
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'The size must be a number' })
  @Min(0, { message: 'The size cannot be negative' })
  @Max(1e15)
  amount: number;

  @IsIn(['MB', 'GB', 'TB'], { message: 'Choose MB, GB or TB' })
  unit: string;
}

/** A form that carries nothing but its CSRF token (taken out before validation). */
export class EmptyForm {}
