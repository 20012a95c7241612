import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export const DEFAULT_ADMIN_PAGE_SIZE = 50;
export const MAX_ADMIN_PAGE_SIZE = 500;

/** `?limit=&cursor=` of the admin API's keyset-paginated listings. */
export class AdminPageQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_ADMIN_PAGE_SIZE,
    default: DEFAULT_ADMIN_PAGE_SIZE,
    description: `Items per page, 1–${MAX_ADMIN_PAGE_SIZE} (default ${DEFAULT_ADMIN_PAGE_SIZE}).`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ADMIN_PAGE_SIZE)
  limit: number = DEFAULT_ADMIN_PAGE_SIZE;

  @ApiPropertyOptional({
    type: String,
    description: 'The nextCursor of the previous page; absent: the first page.',
  })
  @IsOptional()
  @IsString()
  cursor?: string;
}
