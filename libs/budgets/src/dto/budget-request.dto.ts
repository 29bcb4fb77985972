import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIBAN,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '@app/core';
import {
  DECISION_OUTCOMES,
  DecisionOutcome,
  REPLACED_SCHEME_CODES,
  ReplacedScheme,
} from '../replaced-schemes';
import { GivenAmount, REQUEST_AMOUNT } from './amount';

const NOT_BLANK = /\S/;

export class PayeeDto {
  @ApiProperty({ example: 'Kringloopwinkel Maastricht', description: 'Aan wie het budget wordt betaald' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'payee.name is verplicht' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'NL91ABNA0417164300' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value))
  @IsIBAN(undefined, { message: 'payee.iban is geen geldig IBAN' })
  iban?: string;
}

export class CreateBudgetRequestDto implements GivenAmount {
  @REQUEST_AMOUNT.amount amount?: string;
  @REQUEST_AMOUNT.amountCents amountCents?: number;

  @ApiProperty({ type: [String], description: 'Doelen uit het gezinsplan van dit huishouden' })
  @IsArray()
  @ArrayMinSize(1, { message: 'goalIds moet minstens één doel uit het gezinsplan bevatten' })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'goalIds bevat een ongeldige id' })
  goalIds: string[];

  @ApiProperty({ example: 'Wasmachine kapot; zonder wasmachine lukt het gezin de weekplanning niet.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'justification is verplicht' })
  @MaxLength(4000)
  justification: string;

  @ApiProperty({
    enum: REPLACED_SCHEME_CODES,
    isArray: true,
    description: 'Regelingen die dit budget vervangt',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'replacedSchemes moet minstens één regeling noemen' })
  @ArrayUnique()
  @IsIn(REPLACED_SCHEME_CODES, { each: true, message: 'replacedSchemes bevat een onbekende regeling' })
  replacedSchemes: ReplacedScheme[];

  @ApiProperty({ type: PayeeDto }) @IsDefined() @ValidateNested() @Type(() => PayeeDto) payee: PayeeDto;

  @ApiProperty({ example: '2026-12-01', description: 'Wanneer het geld nodig is' })
  @IsCalendarDate()
  wantedOn: string;

  @ApiPropertyOptional({ description: 'Het gezinslid voor wie de aanvraag is (ontvanger van het besluit)' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'Team van de aanvrager (standaard het eerste team)' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}

export class DecideBudgetRequestDto {
  @ApiProperty({ enum: DECISION_OUTCOMES }) @IsIn(DECISION_OUTCOMES) outcome: DecisionOutcome;
  @ApiProperty({ example: 'Past binnen doel 1 van het gezinsplan; goedkoper dan een Wmo-voorziening.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'motivation is verplicht' })
  @MaxLength(4000)
  motivation: string;
}

export class RecordPaymentDto implements GivenAmount {
  @REQUEST_AMOUNT.amount amount?: string;
  @REQUEST_AMOUNT.amountCents amountCents?: number;
  @ApiProperty({ example: '2026-11-25' }) @IsCalendarDate() paidOn: string;
  @ApiPropertyOptional({ example: 'factuur 2026-0412' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
  @ApiPropertyOptional({
    default: false,
    description: 'Laatste betaling: wat van de toekenning onbetaald blijft, gaat terug naar het budget',
  })
  @IsOptional()
  @IsBoolean()
  final?: boolean;
}

export class WithdrawBudgetRequestDto {
  @ApiPropertyOptional({ example: 'Het gezin heeft het zelf kunnen regelen.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class PageQueryDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page moet een geheel getal zijn' })
  @Min(1)
  @Max(10000)
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize moet een geheel getal zijn' })
  @Min(1)
  @Max(200)
  pageSize?: number;
}
