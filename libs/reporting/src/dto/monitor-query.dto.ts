import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, IsOnOrAfter } from '@app/core';

export class MonitorQuery {
  @ApiPropertyOptional({ description: 'Gemeente; mag weg als u voor één gemeente werkt' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @ApiPropertyOptional({
    description: 'Begin van de periode (JJJJ-MM-DD); standaard 1 januari van het jaar van "to"',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Einde van de periode (JJJJ-MM-DD); standaard vandaag' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('from')
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Ook via Accept: text/csv' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
