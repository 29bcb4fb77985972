import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { FLAG_KINDS, FlagKind } from '../entities';

export const CASELOAD_SORTS = ['risk', 'days-since-review'] as const;

export class CaseloadQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: alleen de 50-gezinnenaanpak' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'cohort moet true of false zijn' })
  cohort?: 'true' | 'false';
  @ApiPropertyOptional({
    enum: CASELOAD_SORTS,
    default: 'risk',
    description: 'risk: hoogste risicoscore eerst',
  })
  @IsOptional()
  @IsIn(CASELOAD_SORTS, { message: 'sort moet risk of days-since-review zijn' })
  sort?: (typeof CASELOAD_SORTS)[number];
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export class RiskComponentDto {
  @ApiProperty({ example: 'over-deadline' }) key: string;
  @ApiProperty({ example: 'Procedures over de wettelijke termijn' }) label: string;
  @ApiProperty({ description: 'De waarde waarop de punten berekend zijn' }) value: number;
  @ApiProperty() points: number;
}

export class RegisseurDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() organisation: string;
}

export class PlanStateDto {
  @ApiProperty() hasPlan: boolean;
  @ApiProperty({ nullable: true, type: String }) lastAgreedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) nextEvaluationOn: string | null;
  @ApiProperty({ description: 'Volgende evaluatie ligt in het verleden' }) evaluationOverdue: boolean;
  @ApiProperty({ description: 'Open of lopende doelen over hun streefdatum' }) overdueGoals: number;
}

export class CaseloadFlagDto {
  @ApiProperty({ enum: FLAG_KINDS }) kind: FlagKind;
  @ApiProperty() label: string;
  @ApiProperty() since: string;
}

export class CaseloadRowDto {
  @ApiProperty() householdId: string;
  @ApiProperty() municipalityId: string;
  @ApiProperty() cohort50: boolean;
  @ApiProperty({ type: RegisseurDto, nullable: true }) regisseur: RegisseurDto | null;
  @ApiProperty({ type: [String], description: 'Pijlers in het casusteam' }) pillars: string[];
  @ApiProperty({ type: PlanStateDto }) plan: PlanStateDto;
  @ApiProperty({ description: 'Procedures met een termijn binnen 10 dagen' }) proceduresNearDeadline: number;
  @ApiProperty({ description: 'Procedures over de wettelijke termijn' }) proceduresOverDeadline: number;
  @ApiProperty({ description: 'Toegekend en betaald maatwerkbudget in eurocent' }) budgetUsedCents: number;
  @ApiProperty({ nullable: true, type: String, description: 'Laatste spreekuurcontact' }) lastContactOn:
    string | null;
  @ApiProperty({ nullable: true, type: String }) lastReviewOn: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Leeg: nog nooit besproken' }) daysSinceReview:
    number | null;
  @ApiProperty({ nullable: true, type: String }) nextReviewOn: string | null;
  @ApiProperty({ type: [CaseloadFlagDto] }) flags: CaseloadFlagDto[];
  @ApiProperty({ description: 'Som van de punten van de onderdelen' }) riskScore: number;
  @ApiProperty({ type: [RiskComponentDto], description: 'De uitleg van de score' })
  riskComponents: RiskComponentDto[];
}

export class CaseloadPageDto {
  @ApiProperty({ type: [CaseloadRowDto] }) items: CaseloadRowDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'De datum waarvoor alles berekend is' }) today: string;
}
