import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { trimmed } from './trimmed';

export class CreateMunicipalityDto {
  @ApiProperty({ example: 'beekdaelen', description: 'Korte code: kleine letters, cijfers en streepjes' })
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, {
    message: 'code bestaat uit kleine letters, cijfers en streepjes (2 tot 63 tekens)',
  })
  code: string;

  @ApiProperty({ example: 'Beekdaelen' })
  @Transform(trimmed)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(100, { message: 'name is te lang (maximaal 100 tekens)' })
  name: string;
}

export class UpdateMunicipalityDto {
  @ApiPropertyOptional({ example: 'Maastricht' })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(100, { message: 'name is te lang (maximaal 100 tekens)' })
  name?: string;
}
