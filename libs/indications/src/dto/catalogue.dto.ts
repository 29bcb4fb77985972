import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PILLARS, Pillar } from '@app/access';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CatalogueFilterDto {
  @ApiPropertyOptional({ enum: PILLARS })
  @IsOptional()
  @IsIn(PILLARS, { message: 'pillar is onbekend' })
  pillar?: Pillar;

  @ApiPropertyOptional({ default: false, description: 'Ook producten die niet meer worden ingezet' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'includeInactive moet true of false zijn' })
  includeInactive?: boolean;
}

export class CreateProductDto {
  @ApiProperty({ enum: PILLARS }) @IsIn(PILLARS, { message: 'pillar is onbekend' }) pillar: Pillar;

  @ApiProperty({
    example: 'wmo-woningaanpassing',
    description: 'Vaste code: kleine letters, cijfers, streepjes',
  })
  @Transform(trim)
  @IsString({ message: 'code moet tekst zijn' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'code bestaat uit kleine letters, cijfers en streepjes' })
  @MaxLength(80, { message: 'code is te lang (maximaal 80 tekens)' })
  code: string;

  @ApiProperty({ example: 'Woningaanpassing' })
  @Transform(trim)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(200, { message: 'name is te lang (maximaal 200 tekens)' })
  name: string;

  @ApiProperty({ example: 'wonen', description: 'Productcategorie in de samenvatting voor andere pijlers' })
  @Transform(trim)
  @IsString({ message: 'category moet tekst zijn' })
  @Matches(/\S/, { message: 'category mag niet leeg zijn' })
  @MaxLength(100, { message: 'category is te lang (maximaal 100 tekens)' })
  category: string;
}

/** Pillar and code never change: indications refer to them. */
export class UpdateProductDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'name moet tekst zijn' })
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  @MaxLength(200, { message: 'name is te lang (maximaal 200 tekens)' })
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'category moet tekst zijn' })
  @Matches(/\S/, { message: 'category mag niet leeg zijn' })
  @MaxLength(100, { message: 'category is te lang (maximaal 100 tekens)' })
  category?: string;

  @ApiPropertyOptional({ description: 'false: niet meer kiezen voor nieuwe indicaties' })
  @IsOptional()
  @IsBoolean({ message: 'active moet true of false zijn' })
  active?: boolean;
}
