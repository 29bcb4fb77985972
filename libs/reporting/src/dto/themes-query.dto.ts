import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MonitorQuery } from './monitor-query.dto';

export class ThemesQuery extends MonitorQuery {
  @ApiPropertyOptional({
    enum: ['week', 'month'],
    description: 'Bezoekers spreekuur per week of per maand (standaard)',
  })
  @IsOptional()
  @IsIn(['week', 'month'])
  spreekuurPer?: 'week' | 'month';
}
