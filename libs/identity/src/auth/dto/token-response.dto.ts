import { ApiProperty } from '@nestjs/swagger';
import {
  AuthenticatedUser,
  ORGANISATION_KINDS,
  OrganisationKind,
  Pillar,
  PILLARS,
  Role,
  ROLES,
} from '@app/access';

export class AuthenticatedUserDto implements AuthenticatedUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ example: 'Sanne Janssen' }) displayName: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) organisationKind: OrganisationKind;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: PILLARS, isArray: true }) pillars: Pillar[];
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) municipalityIds: string[];
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) teamIds: string[];
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) ledTeamIds: string[];
  @ApiProperty({ example: 50000, description: 'Mandaat maatwerkbudget in eurocent' }) mandateCents: number;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'JWT; meesturen als Authorization: Bearer <token>' }) accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ example: 900, description: 'Geldigheid van het access token in seconden' })
  expiresIn: number;
  @ApiProperty({ type: AuthenticatedUserDto }) user: AuthenticatedUserDto;
}
