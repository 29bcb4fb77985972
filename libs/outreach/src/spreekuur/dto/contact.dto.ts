import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsOnOrAfter } from '@app/core';
import {
  CONSENT_METHODS,
  ConsentMethod,
  LINK_BASES,
  LinkBasis,
  REFERRAL_TARGETS,
  ReferralTarget,
  SPREEKUUR_TOPICS,
  SpreekuurTopic,
} from '../../outreach.vocabulary';
import { OptionalBooleanQuery } from '../../query-params';

/** Linking a contact to a household (and one of its members) records why that is lawful. */
export class ContactLinkDto {
  @ApiProperty() @IsUUID() householdId: string;
  @ApiPropertyOptional({ description: 'Een lid van het huishouden' })
  @IsOptional()
  @IsUUID()
  personId?: string;
  @ApiProperty({ enum: LINK_BASES }) @IsIn(LINK_BASES) basis: LinkBasis;
  @ApiPropertyOptional({
    description: 'Bij publieke taak; standaard Wgs art. 3 en 4a',
    example: 'Wgs art. 3 en 4a (publieke taak schuldhulpverlening)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  legalBasis?: string;
  @ApiPropertyOptional({ description: 'Verplicht bij toestemming', example: '2026-11-20' })
  @ValidateIf((o: ContactLinkDto) => o.basis === 'toestemming' || o.consentGivenOn !== undefined)
  @IsCalendarDate()
  consentGivenOn?: string;
  @ApiPropertyOptional({ enum: CONSENT_METHODS, description: 'Verplicht bij toestemming' })
  @ValidateIf((o: ContactLinkDto) => o.basis === 'toestemming' || o.consentMethod !== undefined)
  @IsIn(CONSENT_METHODS)
  consentMethod?: ConsentMethod;
}

export class ContactReferralDto {
  @ApiProperty({ enum: REFERRAL_TARGETS }) @IsIn(REFERRAL_TARGETS) to: ReferralTarget;
  @ApiPropertyOptional({ description: 'Welk sociaal team (verplicht bij sociaal-team)' })
  @ValidateIf((o: ContactReferralDto) => o.to === 'sociaal-team' || o.organisationId !== undefined)
  @IsUUID()
  organisationId?: string;
  @ApiPropertyOptional({ description: 'Naam van de ontvanger (verplicht bij other)', example: 'Voedselbank' })
  @ValidateIf((o: ContactReferralDto) => o.to === 'other' || o.other !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  other?: string;
  @ApiPropertyOptional({ description: 'Reden voor de verwijzing in het dossier (bij een gekoppeld contact)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

/** A spreekuur contact, entered fast: only the topics are required. */
export class CreateContactDto {
  @ApiPropertyOptional({ description: 'Standaard: mijn vaste spreekuurlocatie' })
  @IsOptional()
  @IsUUID()
  wijkservicepuntId?: string;
  @ApiPropertyOptional({ description: 'Standaard: nu', example: '2026-11-20T10:15:00+01:00' })
  @IsOptional()
  @IsDateString({ strict: true })
  contactAt?: string;
  @ApiProperty({ enum: SPREEKUUR_TOPICS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SPREEKUUR_TOPICS.length)
  @ArrayUnique()
  @IsIn(SPREEKUUR_TOPICS, { each: true })
  topics: SpreekuurTopic[];
  @ApiPropertyOptional({ type: ContactLinkDto, description: 'Leeg: anoniem contact' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactLinkDto)
  link?: ContactLinkDto;
  @ApiPropertyOptional({ type: ContactReferralDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactReferralDto)
  referral?: ContactReferralDto;
  @ApiPropertyOptional({ description: 'Korte notitie, zonder namen of BSN' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
  @ApiPropertyOptional({ example: '2026-12-04' }) @IsOptional() @IsCalendarDate() followUpOn?: string;
}

export class UpdateContactDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() followUpOn?: string;
  @ApiPropertyOptional({ description: 'De opvolging is gedaan op deze datum' })
  @IsOptional()
  @IsCalendarDate()
  followUpDoneOn?: string;
}

export class ListContactsQuery {
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() @IsOnOrAfter('from') to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() wijkservicepuntId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() householdId?: string;
  @ApiPropertyOptional({ description: 'Alleen mijn eigen contacten' })
  @OptionalBooleanQuery()
  mine?: boolean;
  @ApiPropertyOptional({ description: 'Alleen contacten met een openstaande opvolging tot en met vandaag' })
  @OptionalBooleanQuery()
  followUpDue?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export const FIGURE_PERIODS = ['week', 'month'] as const;
export type FigurePeriod = (typeof FIGURE_PERIODS)[number];

export class FiguresQuery {
  @ApiPropertyOptional({ enum: FIGURE_PERIODS, default: 'week' })
  @IsOptional()
  @IsIn(FIGURE_PERIODS)
  period?: FigurePeriod;
  @ApiPropertyOptional({ description: 'Standaard: 12 weken of 12 maanden terug' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ description: 'Standaard: vandaag' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('from')
  to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() municipalityId?: string;
}
