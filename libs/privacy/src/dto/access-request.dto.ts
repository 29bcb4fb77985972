import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsBsn, IsCalendarDate } from '@app/core';
import { Channel, CHANNELS } from '../labels';

export class RegisterAccessRequestDto {
  @IsBsn() bsn: string;
  @ApiProperty({
    example: '2026-11-02',
    description: 'Dag van ontvangst; de termijn van een maand loopt vanaf hier',
  })
  @IsCalendarDate()
  receivedOn: string;
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: `channel moet een van ${CHANNELS.join(', ')} zijn` })
  channel: Channel;
}

export const ACCESS_REQUEST_STATUSES = ['open', 'overdue', 'delivered'] as const;

export class ListAccessRequestsQuery {
  @ApiPropertyOptional({ enum: ACCESS_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(ACCESS_REQUEST_STATUSES, { message: 'status moet open, overdue of delivered zijn' })
  status?: (typeof ACCESS_REQUEST_STATUSES)[number];
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page moet een geheel getal zijn' })
  @Min(1, { message: 'page moet minstens 1 zijn' })
  page: number = 1;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize moet een geheel getal zijn' })
  @Min(1, { message: 'pageSize moet minstens 1 zijn' })
  @Max(200, { message: 'pageSize mag hoogstens 200 zijn' })
  pageSize: number = 50;
}

export const ACCESS_EXPORT_FORMATS = ['pdf', 'json'] as const;

/** Producing the export is a write (it records when it was made), so it is a POST. */
export class ExportAccessRequestDto {
  @ApiProperty({ enum: ACCESS_EXPORT_FORMATS, description: 'pdf om te lezen, json voor machines' })
  @IsIn(ACCESS_EXPORT_FORMATS, { message: 'format moet pdf of json zijn' })
  format: (typeof ACCESS_EXPORT_FORMATS)[number];
}

export class RecordDeliveryDto {
  @ApiProperty({ example: '2026-11-20', description: 'Dag waarop de inzage aan de betrokkene is verstrekt' })
  @IsCalendarDate()
  deliveredOn: string;
}

/** AVG art. 12 lid 3: once, within the first month, with a reason the person was told. */
export class ExtendAccessRequestDto {
  @ApiProperty({
    example: 'Het verzoek betreft gegevens uit vijf domeinen en drie organisaties over tien jaar.',
    description: 'Waarom de termijn met twee maanden wordt verlengd (complexiteit of aantal verzoeken)',
  })
  @IsString({ message: 'reason moet tekst zijn' })
  @MinLength(10, { message: 'Geef een reden van minstens 10 tekens' })
  @MaxLength(2000, { message: 'De reden mag hoogstens 2000 tekens zijn' })
  reason: string;
  @ApiProperty({
    example: '2026-11-25',
    description:
      'Dag waarop de betrokkene over de verlenging en de reden is ingelicht (binnen de eerste maand)',
  })
  @IsCalendarDate()
  informedOn: string;
}
