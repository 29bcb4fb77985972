import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PILLARS, Pillar } from '@app/access';

export class CreateReferralDto {
  @ApiProperty() @IsUUID() toOrganisationId: string;
  @ApiProperty({ example: 'Schulden boven de €10.000, aanmelding schuldhulpverlening' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() personId?: string;
}

export class AcceptReferralDto {
  @ApiProperty({ description: 'De professional van de ontvangende organisatie die in het casusteam komt' })
  @IsUUID()
  userId: string;
  @ApiPropertyOptional({ enum: PILLARS }) @IsOptional() @IsIn(PILLARS) pillar?: Pillar;
}

export class DeclineReferralDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}
