import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '@app/core';
import { GOAL_STATUSES, GoalStatus, LIFE_DOMAIN_CODES, LifeDomain } from '../life-domains';
import { OwnerDto } from './people.dto';

/** Present or absent, but never null: for fields of a change that cannot be cleared. */
const IfPresent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

export class CreateGoalDto {
  @ApiProperty({ enum: LIFE_DOMAIN_CODES }) @IsIn(LIFE_DOMAIN_CODES) lifeDomain: LifeDomain;
  @ApiProperty({ example: 'Wij hebben over een jaar geen schulden meer bij de energieleverancier' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description: string;
  @ApiProperty({ type: OwnerDto }) @IsDefined() @ValidateNested() @Type(() => OwnerDto) owner: OwnerDto;
  @ApiProperty({ example: '2027-06-01' }) @IsCalendarDate() targetDate: string;
  @ApiPropertyOptional({ enum: GOAL_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(GOAL_STATUSES)
  status?: GoalStatus;
  @ApiPropertyOptional({ type: [String], description: 'Ids van indicaties waar dit doel op steunt' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  indicationIds?: string[];
  @ApiPropertyOptional({
    description: 'Interne notitie voor professionals; komt nooit in de PDF voor het gezin',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  internalNote?: string | null;
}

export class UpdateGoalDto {
  @ApiPropertyOptional({ enum: LIFE_DOMAIN_CODES })
  @IfPresent()
  @IsIn(LIFE_DOMAIN_CODES)
  lifeDomain?: LifeDomain;
  @ApiPropertyOptional() @IfPresent() @IsString() @IsNotEmpty() @MaxLength(1000) description?: string;
  @ApiPropertyOptional({ type: OwnerDto })
  @IfPresent()
  @IsDefined()
  @ValidateNested()
  @Type(() => OwnerDto)
  owner?: OwnerDto;
  @ApiPropertyOptional({ example: '2027-06-01' }) @IfPresent() @IsCalendarDate() targetDate?: string;
  @ApiPropertyOptional({ enum: GOAL_STATUSES }) @IfPresent() @IsIn(GOAL_STATUSES) status?: GoalStatus;
  @ApiPropertyOptional({ type: [String] })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  indicationIds?: string[];
  @ApiPropertyOptional({ description: 'null wist de notitie' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  internalNote?: string | null;
}
