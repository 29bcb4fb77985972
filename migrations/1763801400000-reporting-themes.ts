import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of the monitor (issue 10): quarterly development per pillar, bezwaar outcomes, SHV
 * (first contact, trajectories by type, drop-out per phase), spreekuur, vroegsignalering and
 * maatwerkbudget per replaced scheme. Like 1763801100000: aggregate-only SQL functions of
 * (municipality, from, to) owned by reporting, never a row per person; suppression is applied on top
 * in the application. Dates of spreekuur contacts are local (Europe/Amsterdam) calendar days.
 */
const PROVISION_FILTER = `
  i.municipality_id = p_municipality
  AND i.beschikking_outcome = 'toegekend'
  AND COALESCE(i.start_date, i.beschikking_date) <= p_to
  AND (i.end_date IS NULL OR i.end_date >= p_from)`;

const CONTACT_DAY = `(c.contact_at AT TIME ZONE 'Europe/Amsterdam')::date`;

const FUNCTIONS = [
  'reporting_monitor_quarterly(uuid, date, date)',
  'reporting_bezwaar_outcomes(uuid, date, date)',
  'reporting_shv_first_contact(uuid, date, date)',
  'reporting_shv_trajectories(uuid, date, date)',
  'reporting_shv_dropout(uuid, date, date)',
  'reporting_wijkservicepunten(uuid)',
  'reporting_spreekuur_visits(uuid, date, date, text)',
  'reporting_spreekuur_topics(uuid, date, date)',
  'reporting_spreekuur_referrals(uuid, date, date)',
  'reporting_neighbourhood_names(uuid)',
  'reporting_signals(uuid, date, date)',
  'reporting_budget_schemes(uuid, date, date)',
];

/**
 * Unique clients per pillar and age band (1763801100000), with the band from date comparisons against
 * thresholds computed once instead of an age() per row (BENCHMARKS.md B3, finding 5: ~5x faster).
 * Age on p_to is at most N exactly when the birth date is after p_to minus N + 1 years.
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

/** The definition of 1763801100000, restored by down(). */
const ORIGINAL_CLIENTS = `
  CREATE OR REPLACE FUNCTION reporting_monitor_clients(p_municipality uuid, p_from date, p_to date)
  RETURNS TABLE (pillar text, age_band text, clients integer)
  LANGUAGE sql STABLE AS $$
    WITH client_pillar AS (
      SELECT DISTINCT i.person_id, i.pillar FROM indication i WHERE ${PROVISION_FILTER}
    )
    SELECT cp.pillar, reporting_age_band(p.birth_date, p_to), count(*)::int
      FROM client_pillar cp JOIN person p ON p.id = cp.person_id
     GROUP BY 1, 2
  $$`;

export class ReportingThemes1763801400000 implements MigrationInterface {
  name = 'ReportingThemes1763801400000';

  async up(q: QueryRunner) {
    await q.query(FAST_CLIENTS);

    // Unique clients per pillar with a provision in each calendar quarter (clipped to the period).
    await q.query(`
      CREATE FUNCTION reporting_monitor_quarterly(p_municipality uuid, p_from date, p_to date)
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
      $$`);

    // Bezwaren decided in the period, by the pillar of their indication and the outcome.
    await q.query(`
      CREATE FUNCTION reporting_bezwaar_outcomes(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (pillar text, outcome text, bezwaren integer)
      LANGUAGE sql STABLE AS $$
        SELECT i.pillar, b.outcome, count(*)::int
          FROM indication_bezwaar b JOIN indication i ON i.id = b.indication_id
         WHERE b.municipality_id = p_municipality AND b.decision_date BETWEEN p_from AND p_to
         GROUP BY 1, 2
      $$`);

    // SHV: calendar days from melding to the first conversation, per month of that conversation.
    // Wgs art. 4a: the first conversation within four weeks (28 days) of the melding.
    await q.query(`
      CREATE FUNCTION reporting_shv_first_contact(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (month text, procedures integer, total_days bigint, over_limit integer)
      LANGUAGE sql STABLE AS $$
        SELECT to_char(i.first_conversation_date, 'YYYY-MM'), count(*)::int,
               sum(i.first_conversation_date - i.melding_date)::bigint,
               (count(*) FILTER (WHERE i.first_conversation_date - i.melding_date > 28))::int
          FROM indication i
         WHERE i.municipality_id = p_municipality AND i.pillar = 'SHV'
           AND i.first_conversation_date BETWEEN p_from AND p_to
         GROUP BY 1 ORDER BY 1
      $$`);

    // SHV trajectories (granted SHV provisions running in the period) by product, every product listed.
    await q.query(`
      CREATE FUNCTION reporting_shv_trajectories(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (code text, name text, trajectories integer)
      LANGUAGE sql STABLE AS $$
        SELECT p.code, p.name, count(i.id)::int
          FROM product p
          LEFT JOIN indication i ON i.product_id = p.id AND ${PROVISION_FILTER}
         WHERE p.pillar = 'SHV'
         GROUP BY p.code, p.name
      $$`);

    // SHV drop-out per phase in the period: aanmelding (melding, withdrawn before the first
    // conversation) and intake (first conversation, then withdrawn or buiten behandeling before a
    // beschikking). The data has no planned end of a running trajectory, so that phase is not counted.
    await q.query(`
      CREATE FUNCTION reporting_shv_dropout(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (phase text, started integer, dropped_out integer)
      LANGUAGE sql STABLE AS $$
        WITH shv AS (SELECT * FROM indication i WHERE i.municipality_id = p_municipality AND i.pillar = 'SHV')
        SELECT 'aanmelding',
               (count(*) FILTER (WHERE melding_date BETWEEN p_from AND p_to))::int,
               (count(*) FILTER (WHERE status = 'ingetrokken' AND first_conversation_date IS NULL
                                   AND withdrawn_on BETWEEN p_from AND p_to))::int
          FROM shv
        UNION ALL
        SELECT 'intake',
               (count(*) FILTER (WHERE first_conversation_date BETWEEN p_from AND p_to))::int,
               (count(*) FILTER (WHERE (status = 'ingetrokken' AND first_conversation_date IS NOT NULL
                                        AND withdrawn_on BETWEEN p_from AND p_to)
                                    OR (beschikking_outcome = 'buiten_behandeling'
                                        AND beschikking_date BETWEEN p_from AND p_to)))::int
          FROM shv
      $$`);

    await q.query(`
      CREATE FUNCTION reporting_wijkservicepunten(p_municipality uuid)
      RETURNS TABLE (id uuid, name text)
      LANGUAGE sql STABLE AS $$
        SELECT w.id, w.name FROM wijkservicepunt w WHERE w.municipality_id = p_municipality
      $$`);

    // Spreekuur contacts (visits) per wijkservicepunt and ISO week ('week') or month (otherwise).
    await q.query(`
      CREATE FUNCTION reporting_spreekuur_visits(p_municipality uuid, p_from date, p_to date, p_grain text)
      RETURNS TABLE (period text, wijkservicepunt_id uuid, visits integer)
      LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN p_grain = 'week' THEN to_char(${CONTACT_DAY}, 'IYYY-"W"IW')
                    ELSE to_char(${CONTACT_DAY}, 'YYYY-MM') END,
               c.wijkservicepunt_id, count(*)::int
          FROM spreekuur_contact c
         WHERE c.municipality_id = p_municipality
           AND c.contact_at >= (p_from::timestamp AT TIME ZONE 'Europe/Amsterdam')
           AND c.contact_at < ((p_to + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')
         GROUP BY 1, 2
      $$`);

    // Topics per wijkservicepunt: a contact counts once for each of its topics.
    await q.query(`
      CREATE FUNCTION reporting_spreekuur_topics(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (wijkservicepunt_id uuid, topic text, contacts integer)
      LANGUAGE sql STABLE AS $$
        SELECT c.wijkservicepunt_id, t.topic, count(*)::int
          FROM spreekuur_contact c CROSS JOIN LATERAL unnest(c.topics) AS t(topic)
         WHERE c.municipality_id = p_municipality
           AND c.contact_at >= (p_from::timestamp AT TIME ZONE 'Europe/Amsterdam')
           AND c.contact_at < ((p_to + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')
         GROUP BY 1, 2
      $$`);

    // Referrals per wijkservicepunt: every contact once, 'geen' without a referral.
    await q.query(`
      CREATE FUNCTION reporting_spreekuur_referrals(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (wijkservicepunt_id uuid, referral text, contacts integer)
      LANGUAGE sql STABLE AS $$
        SELECT c.wijkservicepunt_id, COALESCE(c.referral_to, 'geen'), count(*)::int
          FROM spreekuur_contact c
         WHERE c.municipality_id = p_municipality
           AND c.contact_at >= (p_from::timestamp AT TIME ZONE 'Europe/Amsterdam')
           AND c.contact_at < ((p_to + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')
         GROUP BY 1, 2
      $$`);

    await q.query(`
      CREATE FUNCTION reporting_neighbourhood_names(p_municipality uuid)
      RETURNS TABLE (id uuid, name text)
      LANGUAGE sql STABLE AS $$
        SELECT n.id, n.name FROM neighbourhood n WHERE n.municipality_id = p_municipality
      $$`);

    // Vroegsignalering: signals received in the period by neighbourhood (null: not matched to one),
    // creditor type and follow-up outcome ('open': none yet), with their outreach attempts
    // (vervolgacties) and first conversations.
    await q.query(`
      CREATE FUNCTION reporting_signals(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (neighbourhood_id uuid, creditor_type text, outcome text, signals integer,
                     attempts integer, first_conversations integer)
      LANGUAGE sql STABLE AS $$
        SELECT s.neighbourhood_id, s.creditor_type, COALESCE(s.outcome, 'open'), count(*)::int,
               COALESCE(sum(a.n), 0)::int,
               (count(*) FILTER (WHERE s.first_conversation_on IS NOT NULL))::int
          FROM arrears_signal s
          LEFT JOIN LATERAL (SELECT count(*) AS n FROM arrears_signal_attempt x WHERE x.signal_id = s.id) a
            ON true
         WHERE s.municipality_id = p_municipality AND s.received_on BETWEEN p_from AND p_to
         GROUP BY 1, 2, 3
      $$`);

    // Maatwerkbudget paid in the period per replaced scheme: a request that replaces several schemes
    // counts in each of them (so the schemes do not add up to the total).
    await q.query(`
      CREATE FUNCTION reporting_budget_schemes(p_municipality uuid, p_from date, p_to date)
      RETURNS TABLE (scheme text, households integer, paid_cents bigint)
      LANGUAGE sql STABLE AS $$
        WITH paid AS (
          SELECT p.request_id, sum(p.amount_cents) AS cents
            FROM budget_payment p
           WHERE p.municipality_id = p_municipality AND p.paid_on BETWEEN p_from AND p_to
           GROUP BY 1
        ), per_request AS (
          SELECT r.household_id, r.replaced_schemes, paid.cents
            FROM paid JOIN budget_request r ON r.id = paid.request_id
        )
        SELECT s.scheme, count(DISTINCT pr.household_id)::int, sum(pr.cents)::bigint
          FROM per_request pr CROSS JOIN LATERAL unnest(pr.replaced_schemes) AS s(scheme)
         GROUP BY 1
        UNION ALL
        SELECT NULL, count(DISTINCT household_id)::int, COALESCE(sum(cents), 0)::bigint FROM per_request
      $$`);

    for (const fn of FUNCTIONS) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO gezinsplan_app`);
    }
  }

  async down(q: QueryRunner) {
    for (const fn of [...FUNCTIONS].reverse()) await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    await q.query(ORIGINAL_CLIENTS);
  }
}
