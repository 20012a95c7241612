import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Omittable } from '../../common/admin-validation';
import { MAX_BATCH_SIZE } from '../delivery-policy';
import { EVENT_TYPES } from '../event-types';

const URL_DESCRIPTION =
  'Receives the POSTs. A public http(s) address: private, loopback, link-local and metadata ' +
  'destinations are refused (WEBHOOK_ALLOWED_NETWORKS lists exceptions). Credentials in it ' +
  '(`https://user:password@…`) are sent as HTTP Basic authentication, stored sealed and never shown back.';
const BATCH_DESCRIPTION =
  `Events per POST, 1–${MAX_BATCH_SIZE}. 1 (the default): each POST is one event. More: each POST is ` +
  '`{"events":[…]}`, up to this many in sequence order, delivered or retried as a whole.';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://example.com/hooks/rollcall', description: URL_DESCRIPTION })
  @IsString()
  @MaxLength(2048)
  url: string;

  @ApiPropertyOptional({
    enum: EVENT_TYPES,
    isArray: true,
    description: 'The event types to send; empty or absent means all.',
  })
  @Omittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ example: 'Billing service' })
  @Omittable()
  @IsString()
  @Length(1, 200)
  description?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_BATCH_SIZE,
    default: 1,
    description: BATCH_DESCRIPTION,
  })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_BATCH_SIZE)
  maxBatchSize?: number;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ description: URL_DESCRIPTION })
  @Omittable()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES, isArray: true, description: 'Empty means all.' })
  @Omittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null removes it.' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsString()
  @Length(1, 200)
  description?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_BATCH_SIZE,
    description: BATCH_DESCRIPTION,
  })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_BATCH_SIZE)
  maxBatchSize?: number;
}

export class AttemptDto {
  @ApiProperty({ type: 'integer' })
  attempt: number;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({
    nullable: true,
    type: 'integer',
    description: "The receiver's HTTP status; null when none came.",
  })
  statusCode: number | null;

  @ApiProperty({ type: 'integer' })
  latencyMs: number;

  @ApiProperty({ nullable: true, type: String })
  error: string | null;
}

/** The last failed attempt of an endpoint. */
export class LastErrorDto extends PickType(AttemptDto, ['at', 'statusCode', 'error'] as const) {}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Credentials in the URL are shown as `***`.' })
  url: string;

  @ApiProperty({ enum: EVENT_TYPES, isArray: true, description: 'Empty means all.' })
  eventTypes: string[];

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_BATCH_SIZE })
  maxBatchSize: number;

  @ApiProperty({
    enum: ['active', 'failing', 'disabled'],
    description:
      '`active`: its last attempt succeeded (or none failed). `failing`: its oldest pending delivery ' +
      'failed and is retried with backoff, and everything behind it waits. `disabled`: it failed for ' +
      'the whole retry window (WEBHOOK_RETRY_WINDOW_HOURS); nothing is sent, its deliveries are ' +
      'kept and new ones queue behind them until `POST …/resume`.',
  })
  state: 'active' | 'failing' | 'disabled';

  @ApiProperty({ type: 'integer', description: 'Failed attempts since the last success.' })
  consecutiveFailures: number;

  @ApiProperty({ type: 'integer', description: 'Deliveries waiting to be sent.' })
  pending: number;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the delivery that has waited longest was queued.',
  })
  oldestPendingAt: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the oldest pending delivery is tried next.',
  })
  nextAttemptAt: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Since when it has been failing.',
  })
  failingSince: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  disabledAt: string | null;

  @ApiProperty({
    type: LastErrorDto,
    nullable: true,
    description: 'The last failed attempt, kept after a later success.',
  })
  lastError: LastErrorDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class WebhookPageDto {
  @ApiProperty({ type: [WebhookDto], description: 'Endpoints, oldest first.' })
  items: WebhookDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last.',
  })
  nextCursor: string | null;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description:
      'The Standard Webhooks signing secret (`whsec_` + base64). Shown in this response only: keep it.',
  })
  secret: string;
}

export class RotateSecretDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 168,
    default: 24,
    description:
      'Hours the old secret still signs beside the new one (each POST then carries both signatures), ' +
      'so receivers can switch without a failed verification. 0 stops it at once.',
  })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(168)
  keepPreviousHours?: number;
}

export class RotatedSecretDto {
  @ApiProperty({ description: 'The new signing secret. Shown in this response only: keep it.' })
  secret: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Until when the previous secret also signs; null when it no longer does.',
  })
  previousSecretExpiresAt: string | null;
}

export class ReplayQuery {
  @ApiProperty({ example: '1', description: 'The first sequence to deliver again.' })
  @IsString()
  @Matches(/^\d{1,18}$/, { message: 'fromSequence must be a sequence number' })
  fromSequence: string;
}

export class ReplayDto {
  @ApiProperty({
    type: 'integer',
    description: 'New deliveries queued: the held events from fromSequence on that the endpoint takes.',
  })
  queued: number;

  @ApiProperty()
  fromSequence: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description:
      'The `webhook-id` of the POST that carries it (the id of its first delivery), the same on every ' +
      'retry; null until it is first sent.',
  })
  webhookId: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  eventId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '42' })
  sequence: string | null;

  @ApiProperty({ example: 'user.created' })
  eventType: string;

  @ApiProperty({
    enum: ['pending', 'delivered', 'failed'],
    description: 'failed: a test event that was not delivered.',
  })
  status: 'pending' | 'delivered' | 'failed';

  @ApiProperty({ format: 'date-time', description: 'When a pending delivery is tried next.' })
  nextAttemptAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deliveredAt: string | null;

  @ApiProperty({ type: [AttemptDto], description: 'The attempts of the POST that carries it.' })
  attempts: AttemptDto[];
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] })
  items: DeliveryDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for older deliveries.' })
  nextCursor: string | null;
}

export class TestDeliveryDto {
  @ApiProperty()
  delivered: boolean;

  @ApiProperty({ nullable: true, type: 'integer' })
  statusCode: number | null;

  @ApiProperty({ type: 'integer' })
  latencyMs: number;

  @ApiProperty({ nullable: true, type: String })
  error: string | null;
}
