import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** limit/offset paging of the user-administration lists. */
export class PageQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit moet een geheel getal zijn' })
  @Min(1, { message: 'limit moet minstens 1 zijn' })
  @Max(200, { message: 'limit mag hoogstens 200 zijn' })
  limit: number = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset moet een geheel getal zijn' })
  @Min(0, { message: 'offset mag niet negatief zijn' })
  offset: number = 0;
}
