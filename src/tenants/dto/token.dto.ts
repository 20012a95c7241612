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
    description: 'When the token stops working; absent means it never expires.',
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

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expiresAt: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Updated at most once a minute.',
  })
  lastUsedAt: string | null;
}

export class CreatedTokenDto extends TokenDto {
  @ApiProperty({
    description: 'The bearer token. It is shown in this response only and cannot be read again.',
  })
  token: string;
}
