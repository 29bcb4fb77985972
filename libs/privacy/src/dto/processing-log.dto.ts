import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsBsn, IsCalendarDate, IsOnOrAfter } from '@app/core';

const ACTIVITY_ID = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** The person a log question is about: by BSN (posted, never in a URL) or by id (also for anonymised persons). */
export class PersonSelectionDto {
  @IsBsn({ optional: true }) bsn?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'In plaats van het BSN, bijv. voor een geanonimiseerde persoon',
  })
  @IsOptional()
  @IsUUID(undefined, { message: 'personId is geen geldige id' })
  personId?: string;
}

/** Posted, never put in a URL: a BSN in a query string ends up in logs and browser history. */
export class ProcessingLogFilterDto extends PersonSelectionDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'householdId is geen geldige id' })
  householdId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'De medewerker die verwerkte' })
  @IsOptional()
  @IsUUID(undefined, { message: 'userId is geen geldige id' })
  userId?: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Vanaf deze dag (Europe/Amsterdam)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Tot en met deze dag (Europe/Amsterdam)' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('from')
  to?: string;
  @ApiPropertyOptional({ enum: ['allowed', 'denied'] })
  @IsOptional()
  @IsIn(['allowed', 'denied'], { message: 'outcome moet allowed of denied zijn' })
  outcome?: 'allowed' | 'denied';
  @ApiPropertyOptional({ example: 'households.dossier.read' })
  @IsOptional()
  @Matches(ACTIVITY_ID, { message: 'activityId is geen verwerkingsactiviteit uit het register' })
  activityId?: string;
  @ApiPropertyOptional({ description: 'Alleen verwerkingen onder noodtoegang (break the glass)' })
  @IsOptional()
  @IsBoolean({ message: 'breakGlass moet true of false zijn' })
  breakGlass?: boolean;
}

export class SearchProcessingLogDto extends ProcessingLogFilterDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsInt({ message: 'page moet een geheel getal zijn' })
  @Min(1, { message: 'page moet minstens 1 zijn' })
  page?: number;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @IsInt({ message: 'pageSize moet een geheel getal zijn' })
  @Min(1, { message: 'pageSize moet minstens 1 zijn' })
  @Max(200, { message: 'pageSize mag hoogstens 200 zijn' })
  pageSize?: number;
}

export class PersonAccessesDto extends PersonSelectionDto {
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('from')
  to?: string;
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsInt({ message: 'page moet een geheel getal zijn' })
  @Min(1, { message: 'page moet minstens 1 zijn' })
  page?: number;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @IsInt({ message: 'pageSize moet een geheel getal zijn' })
  @Min(1, { message: 'pageSize moet minstens 1 zijn' })
  @Max(200, { message: 'pageSize mag hoogstens 200 zijn' })
  pageSize?: number;
}

export const LOG_EXPORT_FORMATS = ['csv', 'json'] as const;

export class ExportProcessingLogDto extends ProcessingLogFilterDto {
  @ApiProperty({ enum: LOG_EXPORT_FORMATS })
  @IsIn(LOG_EXPORT_FORMATS, { message: 'format moet csv of json zijn' })
  format: (typeof LOG_EXPORT_FORMATS)[number];
}
