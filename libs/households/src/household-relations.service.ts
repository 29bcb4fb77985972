import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuthenticatedUser,
  ConsentCategory,
  HouseholdRelations,
  HouseholdRelationsSource,
  householdSet,
} from '@app/access';
import { Clock } from '@app/core';
import { CASE_WORKER_DIRECTORY, CaseWorkerDirectory } from './case-worker-directory';

interface RelationsRow {
  case_team: string[];
  regisseur: string[];
  led_teams: string[];
  break_glass: string[];
  consents: { householdId: string; category: ConsentCategory }[];
}

/** A user's relations to households, read in one round trip at the start of each request. */
@Injectable()
export class HouseholdRelationsService implements HouseholdRelationsSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CASE_WORKER_DIRECTORY) private readonly directory: CaseWorkerDirectory,
    private readonly clock: Clock,
  ) {}

  async relationsFor(user: AuthenticatedUser): Promise<HouseholdRelations> {
    const colleagues = user.ledTeamIds.length ? await this.directory.userIdsInTeams(user.ledTeamIds) : [];
    const [row] = await this.dataSource.query<RelationsRow[]>(
      `SELECT
         ARRAY(SELECT household_id FROM case_team_member WHERE left_at IS NULL AND user_id = $1) AS case_team,
         ARRAY(SELECT household_id FROM case_team_member
               WHERE left_at IS NULL AND user_id = $1 AND case_role = 'regisseur') AS regisseur,
         ARRAY(SELECT DISTINCT household_id FROM case_team_member
               WHERE left_at IS NULL AND user_id = ANY($2::uuid[])) AS led_teams,
         ARRAY(SELECT household_id FROM break_glass_grant WHERE user_id = $1 AND expires_at > $4) AS break_glass,
         COALESCE((SELECT json_agg(json_build_object('householdId', household_id, 'category', category))
                   FROM consent WHERE organisation_id = $3 AND given_on <= $5::date
                   AND (revoked_on IS NULL OR revoked_on > $5::date)), '[]') AS consents`,
      [user.id, colleagues, user.organisationId, this.clock.now(), this.clock.today()],
    );
    return {
      caseTeam: row.case_team,
      regisseur: row.regisseur,
      ledTeams: user.roles.includes('teamleider') ? ledTeamHouseholds(row.led_teams, colleagues) : [],
      breakGlass: row.break_glass,
      consents: row.consents,
    };
  }
}

/** The same set as `led_teams` above, as a subquery for list queries (no id per parameter). */
function ledTeamHouseholds(ids: string[], colleagues: string[]) {
  return householdSet(
    ids,
    (param) =>
      `SELECT household_id FROM case_team_member WHERE left_at IS NULL AND user_id = ANY(${param(colleagues)}::uuid[])`,
  );
}
