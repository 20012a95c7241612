import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export const DEFAULT_ADMIN_PAGE_SIZE = 50;
export const MAX_ADMIN_PAGE_SIZE = 500;

/** `?limit=&cursor=` of the admin API's keyset-paginated listings. */
export class AdminPageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ADMIN_PAGE_SIZE)
  limit: number = DEFAULT_ADMIN_PAGE_SIZE;

  @IsOptional()
  @IsString()
  cursor?: string;
}
