import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_KINDS, OrganisationKind } from '@app/access';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { trimmed } from './trimmed';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Sociaal Team 9' })
  @Transform(trimmed)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(150, { message: 'name is te lang (maximaal 150 tekens)' })
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS, { message: `kind is onbekend (toegestaan: ${ORGANISATION_KINDS.join(', ')})` })
  kind: OrganisationKind;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ example: 'Sociaal Team 9' })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(150, { message: 'name is te lang (maximaal 150 tekens)' })
  name?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS, { message: `kind is onbekend (toegestaan: ${ORGANISATION_KINDS.join(', ')})` })
  kind?: OrganisationKind;
}
