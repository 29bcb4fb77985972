import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsBsn, IsCalendarDate } from '@app/core';
import { MEMBER_RELATIONS, MemberRelation } from '../entities';

export class NewPersonDto {
  @IsBsn() bsn: string;
  @ApiProperty({ example: 'Anna Maria' }) @IsString() @IsNotEmpty() @MaxLength(200) givenNames: string;
  @ApiPropertyOptional({ example: 'van' }) @IsOptional() @IsString() @MaxLength(20) familyNamePrefix?: string;
  @ApiProperty({ example: 'Dijk' }) @IsString() @IsNotEmpty() @MaxLength(200) familyName: string;
  @ApiProperty({ example: '1985-04-12' }) @IsCalendarDate() birthDate: string;
}

export class NewMemberDto extends NewPersonDto {
  @ApiProperty({ enum: MEMBER_RELATIONS }) @IsIn(MEMBER_RELATIONS) relation: MemberRelation;
  @ApiProperty({ example: '2024-01-01' }) @IsCalendarDate() joinedOn: string;
}
