import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PILLARS, Pillar } from '@app/access';
import { IsCalendarDate, IsPostcode } from '@app/core';
import { NewMemberDto } from './person.dto';

export class AddressDto {
  @ApiProperty({ example: 'Brusselseweg' }) @IsString() @IsNotEmpty() @MaxLength(200) street: string;
  @ApiProperty({ example: '12a' }) @IsString() @IsNotEmpty() @MaxLength(20) houseNumber: string;
  @IsPostcode() postcode: string;
  @ApiProperty({ example: 'Maastricht' }) @IsString() @IsNotEmpty() @MaxLength(100) city: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() neighbourhoodId?: string;
}

export class CreateHouseholdDto extends AddressDto {
  @ApiProperty() @IsUUID() municipalityId: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() cohort50?: boolean;
  @ApiProperty({ type: [NewMemberDto] })
  @ValidateNested({ each: true })
  @Type(() => NewMemberDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  members: NewMemberDto[];
  @ApiPropertyOptional({ description: 'Regisseur; standaard de aanmaker' })
  @IsOptional()
  @IsUUID()
  regisseurUserId?: string;
  @ApiPropertyOptional({ enum: PILLARS, description: 'Pijler van de regisseur op deze casus' })
  @IsOptional()
  @IsIn(PILLARS)
  regisseurPillar?: Pillar;
}

export class UpdateHouseholdDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) street?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20) houseNumber?: string;
  @IsPostcode({ optional: true }) postcode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) city?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() neighbourhoodId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() cohort50?: boolean;
}

export class CloseHouseholdDto {
  @ApiProperty({ example: '2026-11-01' }) @IsCalendarDate() closedOn: string;
  @ApiProperty({ example: 'Doelen behaald' }) @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}
