import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { trimmed } from './trimmed';

export class WijkservicepuntFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'municipalityId is geen geldige id' })
  municipalityId?: string;
}

export class CreateWijkservicepuntDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID(undefined, { message: 'municipalityId is geen geldige id' })
  municipalityId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID(undefined, { message: 'neighbourhoodId is geen geldige id' })
  neighbourhoodId?: string | null;

  @ApiProperty({ example: 'Wijkservicepunt Malberg' })
  @Transform(trimmed)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(100, { message: 'name is te lang (maximaal 100 tekens)' })
  name: string;
}

export class UpdateWijkservicepuntDto {
  @ApiPropertyOptional({ example: 'Wijkservicepunt Malberg' })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(100, { message: 'name is te lang (maximaal 100 tekens)' })
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null: geen buurt' })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsUUID(undefined, { message: 'neighbourhoodId is geen geldige id' })
  neighbourhoodId?: string | null;
}
