import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUrl, Length } from 'class-validator';
import { EVENT_TYPES } from '../event-types';

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://product.example.com/hooks/rollcall',
    description: 'Receives a POST per event.',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url: string;

  @ApiPropertyOptional({
    enum: EVENT_TYPES,
    isArray: true,
    description: 'The event types to send; empty or absent means all.',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ example: 'Billing service' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  description?: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  url: string;

  @ApiProperty({ enum: EVENT_TYPES, isArray: true, description: 'Empty means all.' })
  eventTypes: string[];

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({
    enum: ['active', 'failing'],
    description: 'failing after 5 failed attempts in a row; active again after a success.',
  })
  status: 'active' | 'failing';

  @ApiProperty()
  consecutiveFailures: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'The signing secret. Shown in this response only: keep it.' })
  secret: string;
}

export class AttemptDto {
  @ApiProperty()
  attempt: number;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: "The receiver's HTTP status; null when none came.",
  })
  statusCode: number | null;

  @ApiProperty()
  latencyMs: number;

  @ApiProperty({ nullable: true, type: String })
  error: string | null;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  eventId: string | null;

  @ApiProperty({ example: 'user.created' })
  eventType: string;

  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] })
  status: 'pending' | 'delivered' | 'failed';

  @ApiProperty({ format: 'date-time', description: 'When a pending delivery is tried next.' })
  nextAttemptAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deliveredAt: string | null;

  @ApiProperty({ type: [AttemptDto] })
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

  @ApiProperty({ nullable: true, type: Number })
  statusCode: number | null;

  @ApiProperty()
  latencyMs: number;

  @ApiProperty({ nullable: true, type: String })
  error: string | null;
}
