import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import type { ConsentCategory } from '@app/access';
import { IsCalendarDate } from '@app/core';
import { CONSENT_CATEGORIES, CONSENT_METHODS, ConsentMethod } from '../entities';

export class GiveConsentDto {
  @ApiProperty({ description: 'Het volwassen gezinslid dat toestemming geeft' }) @IsUUID() personId: string;
  @ApiProperty({ description: 'De organisatie die mag inzien' }) @IsUUID() organisationId: string;
  @ApiProperty({ enum: CONSENT_CATEGORIES }) @IsIn(CONSENT_CATEGORIES) category: ConsentCategory;
  @ApiProperty({ example: '2026-11-01' }) @IsCalendarDate() givenOn: string;
  @ApiProperty({ enum: CONSENT_METHODS }) @IsIn(CONSENT_METHODS) method: ConsentMethod;
}

export class RevokeConsentDto {
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDate() revokedOn: string;
}
