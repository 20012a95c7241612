import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { EVENT_TYPES } from '../event-types';

export class EventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: EVENT_TYPES })
  type: string;

  @ApiProperty({ format: 'uuid' })
  tenantId: string;

  @ApiProperty({ example: '42', description: "Increases with each of the tenant's events, in commit order." })
  sequence: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'user.* and group.created/updated: {resource} as it stood after the change (updated adds {changed}: ' +
      'attribute names); *.deleted: {id}; group.members_*: {group, members: [{value, type}]}; ' +
      'seat.*: {userId, userName, status, quota}.',
  })
  data: Record<string, unknown>;
}

export class EventPageDto {
  @ApiProperty({ type: [EventDto] })
  items: EventDto[];

  @ApiProperty({
    example: '42',
    description:
      'Always present: the feed is a tail, not a finite list. Pass as `after` to get the events that ' +
      'follow; unchanged when none did, so a consumer polls with it until new events arrive.',
  })
  cursor: string;
}

export class EventFeedQuery {
  @ApiPropertyOptional({
    description:
      'A sequence number (nextCursor of the previous page); absent: from the oldest event held. ' +
      'A cursor older than the events retention has kept answers 410.',
  })
  @IsOptional()
  @IsString()
  after?: string;

  @ApiPropertyOptional({ description: 'Events per page, 1–1000 (default 100).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}
