import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
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
