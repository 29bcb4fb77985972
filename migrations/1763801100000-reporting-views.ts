import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting (issue 10) reads other contexts' data only through these aggregate-only, parameterised
 * views: SQL functions of (municipality, from, to) that return counts, never a row per person,
 * household or indication. The reporting lib has no entities of its own and never touches the
 * case tables directly. Suppression (DESIGN.md rule 6) is applied in the application on top.
 *
 * A "provision in the period" is a granted indication (beschikking toegekend) whose provision period
 * (start, or else the beschikking date, up to the end date if any) overlaps [from, to].
 */
const PROVISION_FILTER = `
  i.municipality_id = p_municipality
  AND i.beschikking_outcome = 'toegekend'
  AND COALESCE(i.start_date, i.beschikking_date) <= p_to
  AND (i.end_date IS NULL OR i.end_date >= p_from)`;

const FUNCTIONS = [
  'reporting_age_band(date, date)',
  'reporting_monitor_clients(uuid, date, date)',
  'reporting_monitor_pillar_combinations(uuid, date, date)',
  'reporting_monitor_neighbourhoods(uuid, date, date)',
  'reporting_wmo_lead_time(uuid, date, date)',
];

export class ReportingViews1763801100000 implements MigrationInterface {
  name = 'ReportingViews1763801100000';

  async up(q: QueryRunner) {
    // The monitor's age bands, age on the reference date (the end of the period).
    await q.query(`
      CREATE FUNCTION reporting_age_band(p_birth_date date, p_on date) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN a <= 3 THEN '0-3' WHEN a <= 11 THEN '4-11' WHEN a <= 17 THEN '12-17'
          WHEN a <= 26 THEN '18-26' WHEN a <= 44 THEN '27-44' WHEN a <= 66 THEN '45-66'
          WHEN a <= 74 THEN '67-74' WHEN a <= 84 THEN '75-84' ELSE '85+' END
        FROM (SELECT extract(year FROM age(p_on, p_birth_date))::int AS a) x
      $$`);

    // Unique clients per pillar and age band: each (person, pillar) once, so the bands of a pillar add up.
    await q.query(`
      CREATE FUNCTION reporting_monitor_clients(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (pillar text, age_band text, clients integer)
      LANGUAGE sql STABLE AS $$
        WITH client_pillar AS (
          SELECT DISTINCT i.person_id, i.pillar FROM indication i WHERE ${PROVISION_FILTER}
        )
        SELECT cp.pillar, reporting_age_band(p.birth_date, p_to), count(*)::int
          FROM client_pillar cp JOIN person p ON p.id = cp.person_id
         GROUP BY 1, 2
      $$`);

    // Households by the combination of pillars they have provisions in (samenloop: two or more).
    await q.query(`
      CREATE FUNCTION reporting_monitor_pillar_combinations(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (pillars text, households integer)
      LANGUAGE sql STABLE AS $$
        WITH household_pillar AS (
          SELECT DISTINCT i.household_id, i.pillar FROM indication i WHERE ${PROVISION_FILTER}
        ), combination AS (
          SELECT household_id, string_agg(pillar, '+' ORDER BY pillar) AS pillars
            FROM household_pillar GROUP BY household_id
        )
        SELECT pillars, count(*)::int FROM combination GROUP BY pillars
      $$`);

    // Unique clients per neighbourhood (each client in the neighbourhood of their latest provision in
    // the period, so neighbourhoods add up), with the neighbourhood's inhabitants; null: no neighbourhood.
    await q.query(`
      CREATE FUNCTION reporting_monitor_neighbourhoods(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (neighbourhood_id uuid, name text, inhabitants integer, clients integer)
      LANGUAGE sql STABLE AS $$
        WITH latest AS (
          SELECT DISTINCT ON (i.person_id) i.person_id, i.household_id
            FROM indication i WHERE ${PROVISION_FILTER}
           ORDER BY i.person_id, COALESCE(i.start_date, i.beschikking_date) DESC, i.id DESC
        ), counts AS (
          SELECT h.neighbourhood_id, count(*)::int AS clients
            FROM latest l JOIN household h ON h.id = l.household_id
           GROUP BY h.neighbourhood_id
        )
        SELECT n.id, n.name, n.inhabitants, COALESCE(c.clients, 0)
          FROM neighbourhood n LEFT JOIN counts c ON c.neighbourhood_id = n.id
         WHERE n.municipality_id = p_municipality
        UNION ALL
        SELECT NULL::uuid, NULL::text, NULL::integer, c.clients FROM counts c WHERE c.neighbourhood_id IS NULL
      $$`);

    // Wmo lead time melding -> beschikking per month of the beschikking, net of suspensions: the day of
    // the melding does not count, suspended days (inclusive, within the procedure) do not count
    // (the conventions of libs/indications/src/legal-clocks.ts).
    await q.query(`
      CREATE FUNCTION reporting_wmo_lead_time(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (month text, procedures integer, net_days bigint, over_limit integer)
      LANGUAGE sql STABLE AS $$
        WITH procedure AS (
          SELECT i.beschikking_date,
                 (i.beschikking_date - i.melding_date) - COALESCE((
                   SELECT sum(LEAST(COALESCE(s.end_date, i.beschikking_date), i.beschikking_date)
                              - GREATEST(s.start_date, i.melding_date + 1) + 1)
                     FROM indication_suspension s
                    WHERE s.indication_id = i.id
                      AND s.start_date <= i.beschikking_date
                      AND COALESCE(s.end_date, i.beschikking_date) >= i.melding_date + 1), 0) AS net
            FROM indication i
           WHERE i.municipality_id = p_municipality AND i.pillar = 'WMO'
             AND i.beschikking_date BETWEEN p_from AND p_to
        )
        SELECT to_char(beschikking_date, 'YYYY-MM'), count(*)::int, sum(net)::bigint,
               (count(*) FILTER (WHERE net > 56))::int
          FROM procedure GROUP BY 1 ORDER BY 1
      $$`);

    for (const fn of FUNCTIONS) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO gezinsplan_app`);
    }
  }

  async down(q: QueryRunner) {
    for (const fn of [...FUNCTIONS].reverse()) await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
  }
}
