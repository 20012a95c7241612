import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from '../../common/admin-validation';

export const DEFAULT_LINK_TTL_SECONDS = 300;
export const MAX_LINK_TTL_SECONDS = 86_400;

export class CreatePortalLinkDto {
  @ApiPropertyOptional({
    type: 'integer',
    example: DEFAULT_LINK_TTL_SECONDS,
    minimum: 30,
    maximum: MAX_LINK_TTL_SECONDS,
    description: 'How long the link can be redeemed, in seconds; default 300. It works once.',
  })
  @Omittable()
  @IsInt()
  @Min(30)
  @Max(MAX_LINK_TTL_SECONDS)
  ttlSeconds?: number;

  @ApiPropertyOptional({
    example: 'https://app.example.com/settings/scim',
    description:
      "Where the portal's “Back” link leads: a page of your product. Its origin must be one of " +
      'PORTAL_RETURN_ORIGINS, or the request is refused (400).',
  })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  returnUrl?: string;
}

export class PortalLinkDto {
  @ApiProperty({
    example: 'https://scim.example.com/portal/link/4qH1c2…',
    description:
      "Hand this to the tenant's admin (open it, or show a button to it). Opening it shows a page with a " +
      'Continue button, so link scanners that fetch it do not use it up.',
  })
  url: string;

  @ApiProperty({ format: 'date-time', description: 'After this the link no longer works.' })
  expiresAt: string;
}
