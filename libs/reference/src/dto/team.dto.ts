import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { trimmed } from './trimmed';

export class TeamFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'organisationId is geen geldige id' })
  organisationId?: string;
}

export class CreateTeamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID(undefined, { message: 'organisationId is geen geldige id' })
  organisationId: string;

  @ApiProperty({ example: 'SZMH Team Centrum' })
  @Transform(trimmed)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(150, { message: 'name is te lang (maximaal 150 tekens)' })
  name: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Leeg: regiobreed' })
  @IsOptional()
  @IsUUID(undefined, { message: 'municipalityId is geen geldige id' })
  municipalityId?: string | null;
}

export class UpdateTeamDto {
  @ApiPropertyOptional({ example: 'SZMH Team Centrum' })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(150, { message: 'name is te lang (maximaal 150 tekens)' })
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null: regiobreed' })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsUUID(undefined, { message: 'municipalityId is geen geldige id' })
  municipalityId?: string | null;
}
