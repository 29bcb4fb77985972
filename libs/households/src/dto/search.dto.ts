import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsBsn, IsCalendarDate, IsPostcode } from '@app/core';

export const SEARCH_SORTS = ['address', 'postcode', 'createdAt'] as const;

/** Posted, never put in a URL: a BSN or name in a query string ends up in logs and browser history. */
export class SearchHouseholdsDto {
  @ApiPropertyOptional({ description: 'Deel van voornaam of achternaam' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() birthDate?: string;
  @IsPostcode({ optional: true }) postcode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) houseNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) street?: string;
  @IsBsn({ optional: true }) bsn?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() municipalityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() cohort50?: boolean;
  @ApiPropertyOptional({ enum: ['active', 'closed'] })
  @IsOptional()
  @IsIn(['active', 'closed'])
  status?: string;
  @ApiPropertyOptional({ description: 'Alleen huishoudens waar ik in het casusteam zit' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 25 }) @IsOptional() @IsInt() @Min(1) @Max(100) pageSize?: number;
  @ApiPropertyOptional({ enum: SEARCH_SORTS })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: (typeof SEARCH_SORTS)[number];
}
