import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PILLARS, Pillar } from '@app/access';
import { IsCalendarDate, IsOnOrAfter } from '@app/core';
import { FORMS, ProvisionForm, Threat, THREATS } from '../entities';
import { INDICATION_STATUSES, IndicationStatus } from '../indication-state-machine';

export class CreateIndicationDto {
  @ApiProperty({ description: 'Het gezinslid voor wie de indicatie is' })
  @IsUUID(undefined, { message: 'personId is geen geldige id' })
  personId: string;

  @ApiProperty({ enum: PILLARS }) @IsIn(PILLARS, { message: 'pillar is onbekend' }) pillar: Pillar;

  @ApiProperty({ description: 'Product uit de catalogus van deze pijler' })
  @IsUUID(undefined, { message: 'productId is geen geldige id' })
  productId: string;

  @ApiProperty({ example: '2026-03-02', description: 'Melding (SHV: de hulpvraag)' })
  @IsCalendarDate()
  meldingDate: string;

  @ApiPropertyOptional({ example: '2026-03-16', description: 'Aanvraag (niet bij SHV)' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('meldingDate')
  aanvraagDate?: string;

  @ApiPropertyOptional({ description: 'SHV: datum van het eerste gesprek' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('meldingDate')
  firstConversationDate?: string;

  @ApiPropertyOptional({
    enum: THREATS,
    description: 'SHV: dreigende situatie (eerste gesprek binnen 3 werkdagen)',
  })
  @IsOptional()
  @IsIn(THREATS, { message: 'threat is onbekend' })
  threat?: Threat;

  @ApiPropertyOptional({ enum: FORMS, description: 'Zorg in natura of persoonsgebonden budget (Wmo, Jeugd)' })
  @IsOptional()
  @IsIn(FORMS, { message: 'form moet ZiN of PGB zijn' })
  form?: ProvisionForm;

  @ApiPropertyOptional({ example: 'Zorgaanbieder Maasoever' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  provider?: string;

  @ApiPropertyOptional({ description: 'Hulpvraag of reden' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;
}

/** Details that may change during the procedure; the procedure's dates change through its own steps. */
export class UpdateIndicationDto {
  @ApiPropertyOptional({ enum: FORMS })
  @IsOptional()
  @IsIn(FORMS, { message: 'form moet ZiN of PGB zijn' })
  form?: ProvisionForm;

  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) provider?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) notes?: string;

  @ApiPropertyOptional({ enum: THREATS, description: 'SHV, vóór het eerste gesprek' })
  @IsOptional()
  @IsIn(THREATS, { message: 'threat is onbekend' })
  threat?: Threat;

  @ApiPropertyOptional({ description: 'Begin van de voorziening (alleen na toekenning)' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ description: 'Einde van de voorziening (alleen na toekenning)' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('startDate')
  endDate?: string;
}

export class ListIndicationsDto {
  @ApiPropertyOptional({ enum: PILLARS })
  @IsOptional()
  @IsIn(PILLARS, { message: 'pillar is onbekend' })
  pillar?: Pillar;

  @ApiPropertyOptional({ enum: INDICATION_STATUSES })
  @IsOptional()
  @IsIn(INDICATION_STATUSES, { message: 'status is onbekend' })
  status?: IndicationStatus;

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
