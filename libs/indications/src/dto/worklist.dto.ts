import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PILLARS, Pillar } from '@app/access';

export const WORKLIST_SCOPES = ['mine', 'team'] as const;
export const WORKLIST_DUE = ['all', 'soon', 'overdue'] as const;

export class WorklistQueryDto {
  @ApiPropertyOptional({
    enum: WORKLIST_SCOPES,
    default: 'mine',
    description: 'mine: procedures die ik behandel; team: die mijn teams behandelen',
  })
  @IsOptional()
  @IsIn(WORKLIST_SCOPES, { message: 'scope moet mine of team zijn' })
  scope?: (typeof WORKLIST_SCOPES)[number];

  @ApiPropertyOptional({
    enum: WORKLIST_DUE,
    default: 'all',
    description: 'soon: termijn verloopt binnen 10 dagen; overdue: verlopen; all: beide',
  })
  @IsOptional()
  @IsIn(WORKLIST_DUE, { message: 'due moet all, soon of overdue zijn' })
  due?: (typeof WORKLIST_DUE)[number];

  @ApiPropertyOptional({ enum: PILLARS })
  @IsOptional()
  @IsIn(PILLARS, { message: 'pillar is onbekend' })
  pillar?: Pillar;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page moet een geheel getal zijn' })
  @Min(1, { message: 'page moet minstens 1 zijn' })
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize moet een geheel getal zijn' })
  @Min(1, { message: 'pageSize moet minstens 1 zijn' })
  @Max(200, { message: 'pageSize mag hoogstens 200 zijn' })
  pageSize?: number;
}
