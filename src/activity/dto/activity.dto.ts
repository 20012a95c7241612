import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { AUTH_FAILURE_REASONS } from '../../auth/auth-outcome';
import { AdminPageQuery } from '../../common/admin-page.query';
import { IsStorableText } from '../../common/admin-validation';
import { CLIENT_KINDS, ClientKind } from '../client-recognition';
import { FAILURE_HINTS } from '../failure-hints';

/** `GET /admin/tenants/{id}/activity`: filters, each backed by an index, and the keyset page. */
export class ActivityQuery extends AdminPageQuery {
  @ApiPropertyOptional({ enum: ['error', 'success'], description: 'error: status 400 or more.' })
  @IsOptional()
  @IsIn(['error', 'success'])
  outcome?: 'error' | 'success';

  @ApiPropertyOptional({ type: 'integer', example: 409, description: 'The HTTP status answered.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(599)
  status?: number;

  @ApiPropertyOptional({ description: 'The id of the User or Group the request named or created.' })
  @IsOptional()
  @IsString()
  @IsStorableText()
  @Length(1, 300)
  resourceId?: string;

  @ApiPropertyOptional({ description: 'The userName or displayName concerned, whatever its case.' })
  @IsOptional()
  @IsString()
  @IsStorableText()
  @Length(1, 300)
  userName?: string;

  @ApiPropertyOptional({ enum: CLIENT_KINDS, description: 'The client, recognised from User-Agent.' })
  @IsOptional()
  @IsIn(CLIENT_KINDS)
  client?: ClientKind;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this time.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before this time.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}

export class OperationSummaryDto {
  @ApiProperty({ example: 'replace', description: 'As the IdP sent it (Entra capitalises).' })
  op: string;

  @ApiProperty({ nullable: true, type: String, example: 'active' })
  path: string | null;
}

/** One entry of the log, as listed: what was asked, by whom, what was answered, and what to do. */
export class ActivityEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time', description: 'When the request arrived (a tally: its first).' })
  at: string;

  @ApiProperty({
    description:
      'true: a per-minute tally of requests that are counted rather than listed (unauthenticated ' +
      'requests per reason and client address; successful reads unless ACTIVITY_READS=all).',
  })
  aggregated: boolean;

  @ApiProperty({ type: 'integer', description: 'Requests the entry stands for: 1, or the tally.' })
  count: number;

  @ApiProperty({ format: 'date-time', description: 'The last request counted (= at when count is 1).' })
  lastAt: string;

  @ApiProperty({ nullable: true, type: String, description: 'X-Request-Id of the request.' })
  requestId: string | null;

  @ApiProperty({ type: 'integer', description: 'Milliseconds to answer (a tally: the longest).' })
  durationMs: number;

  @ApiProperty({ enum: CLIENT_KINDS })
  client: ClientKind;

  @ApiProperty({ nullable: true, type: String, description: 'The raw User-Agent.' })
  userAgent: string | null;

  @ApiProperty({ nullable: true, type: String })
  clientAddress: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The prefix of the token used.' })
  tokenPrefix: string | null;

  @ApiProperty({ example: 'PATCH' })
  method: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '/Users/:id',
    description: 'The route below the SCIM base URL; null when no route matched (404, 405).',
  })
  route: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'User' })
  resourceType: string | null;

  @ApiProperty({ nullable: true, type: String })
  resourceId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The userName or displayName concerned.' })
  userName: string | null;

  @ApiProperty({ type: [OperationSummaryDto], nullable: true, description: 'PATCH: ops and paths only.' })
  operations: OperationSummaryDto[] | null;

  @ApiProperty({ type: 'integer', example: 409 })
  status: number;

  @ApiProperty({ nullable: true, type: String, example: 'uniqueness' })
  scimType: string | null;

  @ApiProperty({ nullable: true, type: String })
  detail: string | null;

  @ApiProperty({
    nullable: true,
    enum: AUTH_FAILURE_REASONS,
    description: "Why a 401 was answered; kept for the tenant's eyes only, never in the response.",
  })
  authFailure: string | null;

  @ApiProperty({ nullable: true, enum: Object.keys(FAILURE_HINTS), description: 'The kind of failure.' })
  errorCode: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'What the tenant admin can do about it.' })
  hint: string | null;
}

export class ActivityEntryDetailDto extends ActivityEntryDto {
  @ApiProperty({ nullable: true, type: String, description: 'The query string, decoded.' })
  query: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The Content-Type request header.' })
  contentType: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The request body as JSON text without password (ACTIVITY_BODIES); null when not kept or none.',
  })
  requestBody: string | null;

  @ApiProperty({ description: 'The body was longer than ACTIVITY_BODY_MAX_BYTES and is cut there.' })
  requestBodyTruncated: boolean;

  @ApiProperty({ nullable: true, type: String, description: 'The SCIM error answered, for a failure.' })
  responseBody: string | null;

  @ApiProperty()
  responseBodyTruncated: boolean;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityEntryDto] })
  items: ActivityEntryDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for older entries.' })
  nextCursor: string | null;
}

export class RequestSeenDto {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ enum: CLIENT_KINDS })
  client: ClientKind;
}

export class LastRequestDto extends RequestSeenDto {
  @ApiProperty({ type: 'integer' })
  status: number;
}

export class LastFailureDto extends LastRequestDto {
  @ApiProperty({ nullable: true, type: String })
  detail: string | null;

  @ApiProperty({ nullable: true, type: String })
  hint: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Its entry, while kept.' })
  entryId: string | null;
}

export class RequestRateDto {
  @ApiProperty({ type: 'integer' })
  requests: number;

  @ApiProperty({ type: 'integer' })
  errors: number;

  @ApiProperty({ description: 'errors / requests, 0 without requests.', example: 0.02 })
  errorRate: number;
}

export class LastTokenDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: 'rcs_AbCdEfGh' })
  prefix: string | null;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ format: 'date-time' })
  usedAt: string;
}

/** What "Connected, last sync from Okta 2 minutes ago" is built on. */
export class ConnectionDto {
  @ApiProperty({ description: 'An authenticated request has succeeded at least once.' })
  connected: boolean;

  @ApiProperty({ type: RequestSeenDto, nullable: true })
  firstRequest: RequestSeenDto | null;

  @ApiProperty({ type: LastRequestDto, nullable: true })
  lastRequest: LastRequestDto | null;

  @ApiProperty({ type: RequestSeenDto, nullable: true })
  lastSuccess: RequestSeenDto | null;

  @ApiProperty({ type: LastFailureDto, nullable: true })
  lastFailure: LastFailureDto | null;

  @ApiProperty({ type: RequestRateDto, description: 'From the per-minute totals of the last 60 minutes.' })
  lastHour: RequestRateDto;

  @ApiProperty({ type: RequestRateDto, description: 'From the per-minute totals of the last 24 hours.' })
  last24Hours: RequestRateDto;

  @ApiProperty({ type: LastTokenDto, nullable: true, description: 'The token that authenticated last.' })
  lastToken: LastTokenDto | null;
}
