import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { NestedObject } from '../../common/admin-validation';

export class QuotaDto {
  @ApiProperty({ example: 50, description: 'The size of the quota.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e15)
  amount: number;

  @ApiProperty({ example: 'GB', description: 'Its unit, as the product understands it.' })
  @IsString()
  @Length(1, 32)
  unit: string;
}

export class UpdateSeatDto {
  @ApiProperty({ type: QuotaDto, nullable: true, description: "This seat's quota; null removes it." })
  @ValidateIf((_, v) => v !== null)
  @NestedObject(() => QuotaDto)
  quota: QuotaDto | null;
}

export class SeatDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  userName: string;

  @ApiProperty({ enum: ['invited', 'claimed', 'released'] })
  status: 'invited' | 'claimed' | 'released';

  @ApiProperty({ type: QuotaDto, nullable: true })
  quota: QuotaDto | null;

  @ApiProperty({ format: 'date-time' })
  assignedAt: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  claimedAt: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  releasedAt: string | null;
}

export class SeatUsageDto {
  @ApiProperty({ nullable: true, type: 'integer', description: 'The seat limit; null means unlimited.' })
  limit: number | null;

  @ApiProperty({ type: 'integer', description: 'Seats held: one per active user.' })
  used: number;

  @ApiProperty({ nullable: true, type: 'integer', description: 'Seats still free; null when unlimited.' })
  available: number | null;

  @ApiProperty({ type: 'integer', description: 'Seats assigned whose user has not signed in yet.' })
  invited: number;

  @ApiProperty({ type: 'integer', description: 'Seats whose user has signed in.' })
  claimed: number;

  @ApiProperty({ description: 'More seats in use than the limit (after the limit was lowered).' })
  overAllocated: boolean;
}

export class SeatsOverviewDto extends SeatUsageDto {
  @ApiProperty({ type: [SeatDto], description: 'A page of seats, oldest assignment first.' })
  items: SeatDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page of seats.' })
  nextCursor: string | null;
}

export class SeatHistoryEntryDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ description: 'The userName when it happened (the user may be gone since).' })
  userName: string;

  @ApiProperty({ enum: ['assigned', 'released'] })
  action: 'assigned' | 'released';

  @ApiProperty({ type: QuotaDto, nullable: true })
  quota: QuotaDto | null;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class SeatHistoryPageDto {
  @ApiProperty({ type: [SeatHistoryEntryDto] })
  items: SeatHistoryEntryDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page.' })
  nextCursor: string | null;
}
