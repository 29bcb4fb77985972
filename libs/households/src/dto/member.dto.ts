import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsBsn, IsCalendarDate } from '@app/core';
import { MEMBER_RELATIONS, MemberRelation } from '../entities';
import { NewPersonDto } from './person.dto';

/** Add a member: an existing person (by BSN) or a new one. */
export class AddMemberDto {
  @ApiProperty({ enum: MEMBER_RELATIONS }) @IsIn(MEMBER_RELATIONS) relation: MemberRelation;
  @ApiProperty() @IsCalendarDate() joinedOn: string;
  @ApiPropertyOptional({ type: NewPersonDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewPersonDto)
  person?: NewPersonDto;
  @IsBsn({ optional: true }) existingBsn?: string;
}

export class EndMembershipDto {
  @ApiProperty() @IsCalendarDate() leftOn: string;
}

export class MoveMemberDto {
  @ApiProperty() @IsUUID() toHouseholdId: string;
  @ApiProperty({ description: 'Verhuisdatum: vertrek uit het oude en start in het nieuwe huishouden' })
  @IsCalendarDate()
  movedOn: string;
  @ApiProperty({ enum: MEMBER_RELATIONS }) @IsIn(MEMBER_RELATIONS) relation: MemberRelation;
}
