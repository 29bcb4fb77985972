import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, IsOnOrAfter } from '@app/core';
import { REPRESENTATIVE_KINDS, RepresentativeKind } from '../entities';

export class AddRepresentativeDto {
  @ApiProperty() @IsUUID() personId: string;
  @ApiProperty({ enum: REPRESENTATIVE_KINDS }) @IsIn(REPRESENTATIVE_KINDS) kind: RepresentativeKind;
  @ApiProperty({ example: 'mr. J. Janssen' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) organisationName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) contact?: string;
  @ApiProperty({ example: 'financiën en post' }) @IsString() @IsNotEmpty() @MaxLength(500) scope: string;
  @ApiProperty() @IsCalendarDate() startsOn: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() @IsOnOrAfter('startsOn') endsOn?: string;
}
