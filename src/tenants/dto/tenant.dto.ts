import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { AdminPageQuery } from '../../common/admin-page.query';
import { IsStorableText, NestedObject, Omittable } from '../../common/admin-validation';
import { QuotaDto } from '../../seats/dto/seat.dto';

/** `seatQuota` in a request: optional, null clears it. */
function SeatQuotaProperty() {
  return applyDecorators(
    ApiPropertyOptional({
      type: QuotaDto,
      nullable: true,
      description: 'The quota each new seat gets, e.g. {"amount":50,"unit":"GB"}; null means none.',
    }),
    IsOptional(),
    ValidateIf((_, v) => v !== null),
    NestedObject(() => QuotaDto),
  );
}

/** `scimEnabled` in a request: the tenant's own switch, apart from the operator's `enabled`. */
function ScimEnabledProperty(whenAbsent: string) {
  return applyDecorators(
    ApiPropertyOptional({
      type: Boolean,
      description:
        "The tenant's own Enable SCIM provisioning switch. While it is off, a SCIM request with a valid " +
        `token is answered 403 (provisioning turned off for the organisation). ${whenAbsent}`,
    }),
    Omittable(),
    IsBoolean(),
  );
}

/** `portalQuotaEditable` in a request: whether the portal may change the account size. */
function PortalQuotaEditableProperty() {
  return applyDecorators(
    ApiPropertyOptional({
      type: Boolean,
      description:
        "Whether the tenant's admin may change the account size (seatQuota) in the portal; absent on create: true.",
    }),
    Omittable(),
    IsBoolean(),
  );
}

/** `scimRateLimit` in a request: optional, null means the server's defaults. */
function RateLimitProperty() {
  return applyDecorators(
    ApiPropertyOptional({
      type: () => ScimRateLimitDto,
      nullable: true,
      description:
        "The tenant's SCIM request limit, per Rollcall process; null or absent means the server's " +
        'defaults (SCIM_RATE_LIMIT_PER_SECOND, SCIM_RATE_LIMIT_BURST).',
    }),
    IsOptional(),
    ValidateIf((_, v) => v !== null),
    NestedObject(() => ScimRateLimitDto),
  );
}

export class ScimRateLimitDto {
  @ApiPropertyOptional({
    example: 50,
    nullable: true,
    type: 'integer',
    description: 'Requests a second, sustained; 0 means unlimited; null means the server default.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  perSecond?: number | null;

  @ApiPropertyOptional({
    example: 1000,
    nullable: true,
    type: 'integer',
    description: 'Requests at once above the sustained rate; null means the server default.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  burst?: number | null;
}

/** A tenant's limit as answered: the tenant's own values, null where the server's default applies. */
export class TenantRateLimitDto {
  @ApiProperty({ nullable: true, type: 'integer', description: 'null: SCIM_RATE_LIMIT_PER_SECOND' })
  perSecond: number | null;

  @ApiProperty({ nullable: true, type: 'integer', description: 'null: SCIM_RATE_LIMIT_BURST' })
  burst: number | null;
}

/** A tenant's name: text with something in it besides spaces. */
function TenantName() {
  return applyDecorators(IsString(), Length(1, 200), Matches(/\S/, { message: 'name must not be blank' }));
}

/** `externalId` in a request: the SaaS's own account id, unique across tenants. */
function ExternalIdProperty(nullMeans: string) {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      example: 'acct_8f3k2m',
      description:
        "The SaaS's own account id for this tenant, unique across tenants (409 when another tenant " +
        `has it); GET /admin/tenants?externalId= finds the tenant by it. ${nullMeans}`,
    }),
    IsOptional(),
    ValidateIf((_, v) => v !== null),
    IsString(),
    Length(1, 200),
    Matches(/\S/, { message: 'externalId must not be blank' }),
  );
}

export class CreateTenantDto {
  @ApiProperty({ example: 'Acme', description: 'The customer name, shown in the admin API only.' })
  @TenantName()
  name: string;

  @ExternalIdProperty('Absent or null: not linked.')
  externalId?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
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

  @SeatQuotaProperty()
  seatQuota?: QuotaDto | null;

  @RateLimitProperty()
  scimRateLimit?: ScimRateLimitDto | null;

  @ScimEnabledProperty('Absent: on.')
  scimEnabled?: boolean;

  @PortalQuotaEditableProperty()
  portalQuotaEditable?: boolean;
}

export class UpdateTenantDto {
  @ApiPropertyOptional({ example: 'Acme Corp' })
  @Omittable()
  @TenantName()
  name?: string;

  @ExternalIdProperty('null unlinks the tenant; absent leaves it unchanged.')
  externalId?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    example: 100,
    nullable: true,
    description:
      'null means unlimited. A limit below the seats in use is accepted: the tenant is then ' +
      'over-allocated and no user can be activated until usage is under the limit.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  seatLimit?: number | null;

  @SeatQuotaProperty()
  seatQuota?: QuotaDto | null;

  @RateLimitProperty()
  scimRateLimit?: ScimRateLimitDto | null;

  @ApiPropertyOptional({ description: 'A disabled tenant is refused on every SCIM request (401).' })
  @Omittable()
  @IsBoolean()
  enabled?: boolean;

  @ScimEnabledProperty('Absent: unchanged.')
  scimEnabled?: boolean;

  @PortalQuotaEditableProperty()
  portalQuotaEditable?: boolean;
}

export class TenantDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Acme' })
  name: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'acct_8f3k2m',
    description: "The SaaS's own account id for this tenant; null when not linked.",
  })
  externalId: string | null;

  @ApiProperty({
    example: 'http://localhost:3000/scim/v2/6f1c2a4e-1b7e-4a53-9d0c-2f8d2b9b7a10',
    description: 'The SCIM base URL to paste into the identity provider.',
  })
  scimBaseUrl: string;

  @ApiProperty({ nullable: true, type: 'integer' })
  seatLimit: number | null;

  @ApiProperty({ type: QuotaDto, nullable: true })
  seatQuota: QuotaDto | null;

  @ApiProperty({ type: 'integer', description: 'Seats in use: one per active user.' })
  seatsUsed: number;

  @ApiProperty({ description: "The operator's switch: false refuses every SCIM request (401)." })
  enabled: boolean;

  @ApiProperty({
    description: "The tenant's own switch: false answers SCIM requests with a valid token 403.",
  })
  scimEnabled: boolean;

  @ApiProperty({ type: TenantRateLimitDto })
  scimRateLimit: TenantRateLimitDto;

  @ApiProperty({ description: "Whether the tenant's admin may change the account size in the portal." })
  portalQuotaEditable: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** `GET /admin/tenants`: the keyset page, optionally narrowed to the tenant of one externalId. */
export class TenantListQuery extends AdminPageQuery {
  @ApiPropertyOptional({
    example: 'acct_8f3k2m',
    description: 'Only the tenant with this externalId (an empty page when none has it).',
  })
  @IsOptional()
  @IsString()
  @IsStorableText()
  @Length(1, 200)
  externalId?: string;
}

export class TenantPageDto {
  @ApiProperty({ type: [TenantDto] })
  items: TenantDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page.' })
  nextCursor: string | null;
}
