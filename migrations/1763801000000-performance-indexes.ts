import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes found missing by the region-scale benchmarks (issue 14; BENCHMARKS.md has the EXPLAIN ANALYZE
 * output before and after). Each one serves a statement that runs on every request of its kind:
 *
 * - case_team_member (household_id): the dossier lists the whole case team, former members included,
 *   so the partial indexes (left_at IS NULL) do not apply; it was a parallel sequential scan of the
 *   table on every dossier read.
 * - case_team_member (user_id, household_id) INCLUDE (case_role) WHERE left_at IS NULL replaces
 *   (user_id): the relations read at the start of every request (a teamleider's team covers thousands
 *   of households) becomes index-only scans instead of a heap fetch per household.
 * - consent (organisation_id) replaces the partial index (WHERE revoked_on IS NULL): the relations read
 *   asks for consents not revoked *yet* (revoked_on IS NULL OR revoked_on > today), which the partial
 *   index cannot answer; it was a sequential scan of all consents on every request.
 * - household_member (person_id): search by name, BSN or birth date goes from person to membership; the
 *   only index with person_id first was the GiST exclusion constraint, slow for equality lookups.
 * - person lower(given_names) trigram: the name search matches family name OR given names; with a
 *   trigram index on only one of them the planner had to scan every person.
 */
export class PerformanceIndexes1763801000000 implements MigrationInterface {
  name = 'PerformanceIndexes1763801000000';

  async up(q: QueryRunner) {
    await q.query(`CREATE INDEX case_team_member_household ON case_team_member (household_id)`);
    await q.query(
      `CREATE INDEX case_team_member_user_households ON case_team_member (user_id, household_id)
         INCLUDE (case_role) WHERE left_at IS NULL`,
    );
    await q.query(`DROP INDEX case_team_member_user`);
    await q.query(`CREATE INDEX consent_organisation_all ON consent (organisation_id)`);
    await q.query(`DROP INDEX consent_organisation`);
    await q.query(`CREATE INDEX household_member_person ON household_member (person_id)`);
    await q.query(
      `CREATE INDEX person_given_names_trgm ON person USING gin (lower(given_names) gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner) {
    await q.query(`DROP INDEX person_given_names_trgm`);
    await q.query(`DROP INDEX household_member_person`);
    await q.query(`CREATE INDEX consent_organisation ON consent (organisation_id) WHERE revoked_on IS NULL`);
    await q.query(`DROP INDEX consent_organisation_all`);
    await q.query(`CREATE INDEX case_team_member_user ON case_team_member (user_id) WHERE left_at IS NULL`);
    await q.query(`DROP INDEX case_team_member_user_households`);
    await q.query(`DROP INDEX case_team_member_household`);
  }
}
