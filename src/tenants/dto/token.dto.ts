import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsString, MaxLength } from 'class-validator';
import { Omittable } from '../../common/admin-validation';

export class CreateTokenDto {
  @ApiPropertyOptional({ example: 'Okta production', description: 'What the token is for.' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2099-12-31T23:59:59.000Z',
    description: 'When the token stops working, in the future; absent means it never expires.',
  })
  @Omittable()
  @IsDateString({ strict: true })
  expiresAt?: string;
}

export class TokenDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    example: 'rcs_AbC12xYz',
    description: 'The first characters of the token, to tell tokens apart.',
  })
  prefix: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2099-12-31T23:59:59.000Z' })
  expiresAt: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Updated at most once a minute.',
  })
  lastUsedAt: string | null;
}

export class TokenPageDto {
  @ApiProperty({ type: [TokenDto], description: 'Live tokens, oldest first (revoked ones are not listed).' })
  items: TokenDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last.',
  })
  nextCursor: string | null;
}

export class CreatedTokenDto extends TokenDto {
  @ApiProperty({
    example: 'rcs_3q2Xb9kPz7mW4tYcR1vN8sLdF6hJ0gKaE5uQiOxTnB2',
    description: 'The bearer token. It is shown in this response only and cannot be read again.',
  })
  token: string;

  @ApiProperty({
    example: 'http://localhost:3000/scim/v2/6f1c2a4e-1b7e-4a53-9d0c-2f8d2b9b7a10',
    description: "The tenant's SCIM base URL: with the token, all the identity provider needs.",
  })
  scimBaseUrl: string;
}
