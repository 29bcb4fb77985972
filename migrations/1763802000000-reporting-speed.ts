import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Region-scale speed of the monitor (issue 10, BENCHMARKS.md B3). Every monitor section read all of
 * `indication` (a sequential scan of ~300 MB at region scale, repeated by each parallel worker) and
 * the quarterly development joined every provision once per quarter. Now:
 * - a partial covering index on granted provisions, ordered by person and pillar, so the sections read
 *   a municipality's provisions from a ~30 MB index-only scan already in DISTINCT order;
 * - the quarterly development in one pass: each provision yields the quarters it overlaps (clipped to
 *   the period) through generate_series, then each (quarter, pillar, person) is counted once.
 * The figures are the same (test/reporting).
 */
const PROVISION_FILTER = `
  i.municipality_id = p_municipality
  AND i.beschikking_outcome = 'toegekend'
  AND COALESCE(i.start_date, i.beschikking_date) <= p_to
  AND (i.end_date IS NULL OR i.end_date >= p_from)`;

const ONE_PASS_QUARTERLY = `
  CREATE OR REPLACE FUNCTION reporting_monitor_quarterly(p_municipality uuid, p_from date, p_to date)
  RETURNS TABLE (quarter text, pillar text, clients integer)
  LANGUAGE sql STABLE AS $$
    WITH membership AS (
      SELECT DISTINCT q.start AS quarter, i.pillar, i.person_id
        FROM indication i
        CROSS JOIN LATERAL generate_series(
          date_trunc('quarter', GREATEST(COALESCE(i.start_date, i.beschikking_date), p_from)::timestamp),
          LEAST(i.end_date, p_to)::timestamp,
          interval '3 months') AS q(start)
       WHERE ${PROVISION_FILTER}
    )
    SELECT to_char(m.quarter, 'YYYY-"K"Q'), m.pillar, count(*)::int
      FROM membership m
     GROUP BY m.quarter, m.pillar
  $$`;

/** The definition of 1763801400000, restored by down(). */
const QUARTER_JOIN_QUARTERLY = `
  CREATE OR REPLACE FUNCTION reporting_monitor_quarterly(p_municipality uuid, p_from date, p_to date)
  RETURNS TABLE (quarter text, pillar text, clients integer)
  LANGUAGE sql STABLE AS $$
    WITH quarter AS (
      SELECT to_char(s, 'YYYY-"K"Q') AS label,
             GREATEST(s::date, p_from) AS q_from,
             LEAST((s + interval '3 months' - interval '1 day')::date, p_to) AS q_to
        FROM generate_series(date_trunc('quarter', p_from::timestamp), p_to::timestamp, interval '3 months') s
    )
    SELECT q.label, i.pillar, count(DISTINCT i.person_id)::int
      FROM quarter q
      JOIN indication i ON i.municipality_id = p_municipality
       AND i.beschikking_outcome = 'toegekend'
       AND COALESCE(i.start_date, i.beschikking_date) <= q.q_to
       AND (i.end_date IS NULL OR i.end_date >= q.q_from)
     GROUP BY 1, 2
  $$`;

/**
 * The age bands from date thresholds (the definition of 1763801400000), stated again because databases
 * migrated while 1763801400000 still had the age() per row kept that slower body.
 */
const FAST_CLIENTS = `
  CREATE OR REPLACE FUNCTION reporting_monitor_clients(p_municipality uuid, p_from date, p_to date)
  RETURNS TABLE (pillar text, age_band text, clients integer)
  LANGUAGE sql STABLE AS $$
    WITH client_pillar AS (
      SELECT DISTINCT i.person_id, i.pillar FROM indication i WHERE ${PROVISION_FILTER}
    ), limits AS (
      SELECT (p_to - interval '4 years')::date AS y4, (p_to - interval '12 years')::date AS y12,
             (p_to - interval '18 years')::date AS y18, (p_to - interval '27 years')::date AS y27,
             (p_to - interval '45 years')::date AS y45, (p_to - interval '67 years')::date AS y67,
             (p_to - interval '75 years')::date AS y75, (p_to - interval '85 years')::date AS y85
    )
    SELECT cp.pillar,
           CASE WHEN p.birth_date > l.y4 THEN '0-3' WHEN p.birth_date > l.y12 THEN '4-11'
                WHEN p.birth_date > l.y18 THEN '12-17' WHEN p.birth_date > l.y27 THEN '18-26'
                WHEN p.birth_date > l.y45 THEN '27-44' WHEN p.birth_date > l.y67 THEN '45-66'
                WHEN p.birth_date > l.y75 THEN '67-74' WHEN p.birth_date > l.y85 THEN '75-84'
                ELSE '85+' END,
           count(*)::int
      FROM client_pillar cp JOIN person p ON p.id = cp.person_id CROSS JOIN limits l
     GROUP BY 1, 2
  $$`;

export class ReportingSpeed1763802000000 implements MigrationInterface {
  name = 'ReportingSpeed1763802000000';

  async up(q: QueryRunner) {
    await q.query(`
      CREATE INDEX indication_provision ON indication (municipality_id, person_id, pillar)
        INCLUDE (household_id, start_date, beschikking_date, end_date, id)
        WHERE beschikking_outcome = 'toegekend'`);
    await q.query(ONE_PASS_QUARTERLY);
    await q.query(FAST_CLIENTS);
  }

  async down(q: QueryRunner) {
    await q.query(QUARTER_JOIN_QUARTERLY);
    await q.query(`DROP INDEX indication_provision`);
  }
}
