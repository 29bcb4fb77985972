import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class StartRetentionRunDto {
  @ApiProperty({ description: 'true: alleen tonen wat zou veranderen; false: anonimiseren' })
  @IsBoolean({ message: 'dryRun moet true of false zijn' })
  dryRun: boolean;
}

export class ListRetentionRunsQuery {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page moet een geheel getal zijn' })
  @Min(1, { message: 'page moet minstens 1 zijn' })
  page: number = 1;
  @ApiPropertyOptional({ default: 25, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize moet een geheel getal zijn' })
  @Min(1, { message: 'pageSize moet minstens 1 zijn' })
  @Max(100, { message: 'pageSize mag hoogstens 100 zijn' })
  pageSize: number = 25;
}
