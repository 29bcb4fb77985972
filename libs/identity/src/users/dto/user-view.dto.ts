import { ApiProperty } from '@nestjs/swagger';
import { Pillar, PILLARS, Role, ROLES } from '@app/access';
import { UserRecord } from '../user-accounts.repository';

class UserTeamView {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() isLead: boolean;
}

/** A user as the functioneel beheerder sees them; there is no password (hash) in here, ever. */
export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: PILLARS, isArray: true }) pillars: Pillar[];
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) municipalityIds: string[];
  @ApiProperty({ type: UserTeamView, isArray: true }) teams: UserTeamView[];
  @ApiProperty({ description: 'eurocent' }) mandateCents: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lockedUntil: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) passwordChangedAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;

  static from(record: UserRecord): UserView {
    return {
      id: record.id,
      email: record.email,
      displayName: record.displayName,
      organisationId: record.organisationId,
      roles: record.roles,
      pillars: record.pillars,
      municipalityIds: record.municipalityIds,
      teams: record.teams.map((t) => ({ teamId: t.teamId, isLead: t.isLead })),
      mandateCents: record.mandateCents,
      active: record.active,
      lockedUntil: record.lockedUntil ? new Date(record.lockedUntil).toISOString() : null,
      passwordChangedAt: new Date(record.passwordChangedAt).toISOString(),
      createdAt: new Date(record.createdAt).toISOString(),
    };
  }
}

export class UserPageView {
  @ApiProperty({ type: UserView, isArray: true }) items: UserView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
