import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PILLARS, Pillar } from '@app/access';
import { CASE_ROLES, CaseRole } from '../entities';

export class AddCaseTeamMemberDto {
  @ApiProperty() @IsUUID() userId: string;
  @ApiProperty({ enum: CASE_ROLES.filter((r) => r !== 'regisseur') })
  @IsIn(CASE_ROLES.filter((r) => r !== 'regisseur'), {
    message: 'caseRole moet pillar_contact of contributor zijn; gebruik de overdracht voor de regisseur',
  })
  caseRole: Exclude<CaseRole, 'regisseur'>;
  @ApiPropertyOptional({ enum: PILLARS }) @IsOptional() @IsIn(PILLARS) pillar?: Pillar;
  @ApiPropertyOptional({ example: 'Wmo 2015 art. 2.3.2 (publieke taak)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  legalBasis?: string;
}

export class HandOverRegisseurDto {
  @ApiProperty({ description: 'De nieuwe regisseur' }) @IsUUID() userId: string;
  @ApiPropertyOptional({ enum: PILLARS }) @IsOptional() @IsIn(PILLARS) pillar?: Pillar;
}

/** A name search for colleagues to add: at least two letters, so the directory cannot be listed whole. */
export class CaseTeamCandidatesQuery {
  @ApiProperty({ description: 'Deel van de naam (minstens 2 tekens)', example: 'Her' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2, { message: 'q moet minstens 2 tekens bevatten' })
  @MaxLength(100)
  q: string;
}

/** A colleague who could join the case team: only what is needed to choose them. */
export class CaseTeamCandidateView {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organisation: string;
  @ApiProperty({ enum: PILLARS, isArray: true }) pillars: Pillar[];
}
