import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { trimmed } from './trimmed';

export class NeighbourhoodFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'municipalityId is geen geldige id' })
  municipalityId?: string;
}

export class CreateNeighbourhoodDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID(undefined, { message: 'municipalityId is geen geldige id' })
  municipalityId: string;

  @ApiProperty({ example: 'Blauwdorp' })
  @Transform(trimmed)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(100, { message: 'name is te lang (maximaal 100 tekens)' })
  name: string;

  @ApiProperty({ example: 1200, minimum: 0 })
  @IsInt({ message: 'inhabitants moet een geheel getal zijn' })
  @Min(0, { message: 'inhabitants mag niet negatief zijn' })
  @Max(10_000_000, { message: 'inhabitants is onwaarschijnlijk hoog' })
  inhabitants: number;
}

export class UpdateNeighbourhoodDto {
  @ApiPropertyOptional({ example: 'Blauwdorp' })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(100, { message: 'name is te lang (maximaal 100 tekens)' })
  name?: string;

  @ApiPropertyOptional({ example: 1250, minimum: 0 })
  @IsOptional()
  @IsInt({ message: 'inhabitants moet een geheel getal zijn' })
  @Min(0, { message: 'inhabitants mag niet negatief zijn' })
  @Max(10_000_000, { message: 'inhabitants is onwaarschijnlijk hoog' })
  inhabitants?: number;
}
