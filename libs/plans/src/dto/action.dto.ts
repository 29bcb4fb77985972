import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '@app/core';
import { ActorDto } from './people.dto';

const IfPresent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

export class CreateActionDto {
  @ApiProperty({ type: ActorDto }) @IsDefined() @ValidateNested() @Type(() => ActorDto) actor: ActorDto;
  @ApiProperty({ example: 'Belt de energieleverancier voor een betalingsregeling' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description: string;
  @ApiProperty({ example: '2027-01-15' }) @IsCalendarDate() dueOn: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() done?: boolean;
}

export class UpdateActionDto {
  @ApiPropertyOptional({ type: ActorDto })
  @IfPresent()
  @IsDefined()
  @ValidateNested()
  @Type(() => ActorDto)
  actor?: ActorDto;
  @ApiPropertyOptional() @IfPresent() @IsString() @IsNotEmpty() @MaxLength(1000) description?: string;
  @ApiPropertyOptional({ example: '2027-01-15' }) @IfPresent() @IsCalendarDate() dueOn?: string;
  @ApiPropertyOptional() @IfPresent() @IsBoolean() done?: boolean;
}
