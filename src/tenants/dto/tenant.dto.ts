import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';

export class CreateTenantDto {
  @ApiProperty({ example: 'Acme', description: 'The customer name, shown in the admin API only.' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({
    example: 50,
    nullable: true,
    description: 'How many active users the plan pays for; null or absent means unlimited.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  seatLimit?: number | null;
}

export class UpdateTenantDto {
  @ApiPropertyOptional({ example: 'Acme Corp' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 100, nullable: true, description: 'null means unlimited.' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  seatLimit?: number | null;

  @ApiPropertyOptional({ description: 'A disabled tenant is refused on every SCIM request (401).' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class TenantDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({
    example: 'http://localhost:3000/scim/v2/6f1c2a4e-1b7e-4a53-9d0c-2f8d2b9b7a10',
    description: 'The SCIM base URL to paste into the identity provider.',
  })
  scimBaseUrl: string;

  @ApiProperty({ nullable: true, type: Number })
  seatLimit: number | null;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class TenantPageDto {
  @ApiProperty({ type: [TenantDto] })
  items: TenantDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page.' })
  nextCursor: string | null;
}
