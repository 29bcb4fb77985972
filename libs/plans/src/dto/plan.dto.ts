import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsOnOrAfter } from '@app/core';
import { GOAL_STATUSES, GoalStatus } from '../life-domains';

export class UpdateOwnWordsDto {
  @ApiProperty({ example: 'Wij willen rust in ons hoofd over geld en dat Noah weer graag naar school gaat.' })
  @IsString()
  @MaxLength(5000)
  ownWords: string;
}

export class AgreePlanDto {
  @ApiProperty({ example: '2026-11-20', description: 'De dag waarop het gezin met het plan instemde' })
  @IsCalendarDate()
  agreedOn: string;
  @ApiProperty({ type: [String], description: 'personIds van de gezinsleden die instemden' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  agreedByPersonIds: string[];
  @ApiPropertyOptional({ example: '2027-02-20', description: 'Wanneer we het plan samen evalueren' })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('agreedOn')
  nextEvaluationOn?: string;
}

export class EvaluationOutcomeDto {
  @ApiProperty() @IsUUID() goalId: string;
  @ApiProperty({ enum: GOAL_STATUSES }) @IsIn(GOAL_STATUSES) status: GoalStatus;
  @ApiProperty({ example: 'De betalingsregeling loopt; nog twee termijnen.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  outcome: string;
}

export class CreateEvaluationDto {
  @ApiProperty({ example: '2027-02-20' }) @IsCalendarDate() evaluatedOn: string;
  @ApiProperty({ example: '2027-05-20' })
  @IsCalendarDate()
  @IsOnOrAfter('evaluatedOn')
  nextEvaluationOn: string;
  @ApiProperty({ type: [EvaluationOutcomeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EvaluationOutcomeDto)
  outcomes: EvaluationOutcomeDto[];
}

export class CompareVersionsDto {
  @ApiProperty({ example: 1 }) @Type(() => Number) @IsInt() @Min(1) @Max(100000) from: number;
  @ApiProperty({ example: 2 }) @Type(() => Number) @IsInt() @Min(1) @Max(100000) to: number;
}

export class PageDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page?: number;
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export const WORKLIST_SCOPES = ['regisseur', 'all'] as const;
export const WORKLIST_KINDS = ['goal', 'evaluation'] as const;

export class PlanWorklistQueryDto extends PageDto {
  @ApiPropertyOptional({
    enum: WORKLIST_SCOPES,
    default: 'regisseur',
    description: 'regisseur: huishoudens waarvan u de regisseur bent; all: alles wat u mag zien',
  })
  @IsOptional()
  @IsIn(WORKLIST_SCOPES)
  scope?: (typeof WORKLIST_SCOPES)[number];
  @ApiPropertyOptional({ enum: WORKLIST_KINDS, description: 'Alleen doelen of alleen evaluaties' })
  @IsOptional()
  @IsIn(WORKLIST_KINDS)
  kind?: (typeof WORKLIST_KINDS)[number];
}
