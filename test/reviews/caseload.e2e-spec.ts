import { ReviewFlagsService } from '@app/reviews';
import { addDays, FixedClock } from '@app/core';
import { IdentityKit } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';
import { otherTeamleider, reviewsApp, teamleiderEmail, TODAY, userIdOf } from './review-kit';

interface Row {
  householdId: string;
  regisseur: { name: string } | null;
  pillars: string[];
  plan: {
    hasPlan: boolean;
    lastAgreedOn: string | null;
    nextEvaluationOn: string | null;
    overdueGoals: number;
  };
  proceduresNearDeadline: number;
  proceduresOverDeadline: number;
  budgetUsedCents: number;
  lastContactOn: string | null;
  lastReviewOn: string | null;
  daysSinceReview: number | null;
  flags: { kind: string; since: string }[];
  riskScore: number;
  riskComponents: { key: string; points: number; value: number }[];
}

/** Issue 9: the teamleider's caseload over the 50-gezinnen cohort of the demo seed. */
describe('reviews: caseload', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let clock: FixedClock;

  beforeAll(async () => {
    ({ t, kit, clock } = await reviewsApp());
  });
  afterAll(() => t.close());

  /** Every figure computed straight from the tables, independently of the application code. */
  async function expected() {
    const lead = await userIdOf(t, teamleiderEmail);
    const { rows } = await t.db.query(
      `WITH colleagues AS (
         SELECT ut.user_id FROM user_team ut
          WHERE ut.team_id IN (SELECT team_id FROM user_team WHERE user_id = $1 AND is_lead)),
       scope AS (
         SELECT h.id FROM household h
          WHERE h.cohort_50 AND h.status = 'active'
            AND h.municipality_id IN (SELECT municipality_id FROM user_municipality WHERE user_id = $1)
            AND EXISTS (SELECT 1 FROM case_team_member c WHERE c.household_id = h.id AND c.left_at IS NULL
                          AND c.user_id IN (SELECT user_id FROM colleagues)))
       SELECT s.id AS "householdId",
         (SELECT u.display_name FROM case_team_member c JOIN user_account u ON u.id = c.user_id
           WHERE c.household_id = s.id AND c.left_at IS NULL AND c.case_role = 'regisseur') AS regisseur,
         ARRAY(SELECT DISTINCT c.pillar FROM case_team_member c
           WHERE c.household_id = s.id AND c.left_at IS NULL AND c.pillar IS NOT NULL ORDER BY 1) AS pillars,
         EXISTS (SELECT 1 FROM plan p WHERE p.household_id = s.id) AS "hasPlan",
         (SELECT max(v.agreed_on)::text FROM plan_version v WHERE v.household_id = s.id
           AND v.status = 'vastgesteld') AS "lastAgreedOn",
         (SELECT p.next_evaluation_on::text FROM plan p WHERE p.household_id = s.id) AS "nextEvaluationOn",
         (SELECT count(*)::int FROM plan p JOIN plan_version v ON v.plan_id = p.id AND v.number = p.latest_version
           JOIN plan_goal g ON g.version_id = v.id
           WHERE p.household_id = s.id AND g.status IN ('open', 'bezig') AND g.target_date < $2::date) AS "overdueGoals",
         (SELECT count(*)::int FROM indication i WHERE i.household_id = s.id
           AND i.deadline BETWEEN $2::date AND $2::date + 10) AS near,
         (SELECT count(*)::int FROM indication i WHERE i.household_id = s.id AND i.deadline < $2::date) AS over,
         (SELECT coalesce(sum(r.amount_cents - r.released_cents), 0)::int FROM budget_request r
           WHERE r.household_id = s.id AND r.status IN ('toegekend', 'betaald')) AS budget,
         (SELECT (max(sc.contact_at) AT TIME ZONE 'Europe/Amsterdam')::date::text FROM spreekuur_contact sc
           WHERE sc.household_id = s.id) AS "lastContactOn",
         (SELECT max(cr.reviewed_on)::text FROM case_review cr WHERE cr.household_id = s.id) AS "lastReviewOn",
         ($2::date - (SELECT max(cr.reviewed_on) FROM case_review cr WHERE cr.household_id = s.id)) AS "daysSince"
       FROM scope s ORDER BY s.id`,
      [lead, TODAY],
    );
    return rows;
  }

  async function caseload(auth: Record<string, string>, query = 'cohort=true&pageSize=500') {
    const res = await t.http().get(`/api/v1/caseload?${query}`).set(auth);
    expect(res.status).toBe(200);
    return res.body as { items: Row[]; total: number; today: string };
  }

  it('shows the teamleider every cohort household of the team, each figure as seeded', async () => {
    const want = await expected();
    const got = await caseload(kit.bearer(await kit.as('teamleider')));
    expect(got.today).toBe(TODAY);
    expect(got.total).toBe(want.length);
    expect(want.length).toBeGreaterThan(10);
    expect(want.length).toBeLessThan(50); // households of other teams' regisseurs only are not on it
    const byId = new Map(got.items.map((r) => [r.householdId, r]));
    expect([...byId.keys()].sort()).toEqual(want.map((w) => w.householdId));
    for (const w of want) {
      const row = byId.get(w.householdId)!;
      expect({
        householdId: row.householdId,
        regisseur: row.regisseur?.name ?? null,
        pillars: row.pillars,
        hasPlan: row.plan.hasPlan,
        lastAgreedOn: row.plan.lastAgreedOn,
        nextEvaluationOn: row.plan.nextEvaluationOn,
        overdueGoals: row.plan.overdueGoals,
        near: row.proceduresNearDeadline,
        over: row.proceduresOverDeadline,
        budget: row.budgetUsedCents,
        lastContactOn: row.lastContactOn,
        lastReviewOn: row.lastReviewOn,
        daysSince: row.daysSinceReview,
      }).toEqual(w);
    }
    // The seed makes the figures meaningful: each kind occurs somewhere.
    const some = (f: (r: Row) => unknown) => got.items.some((r) => !!f(r));
    expect(some((r) => r.plan.lastAgreedOn)).toBe(true);
    expect(some((r) => r.plan.overdueGoals)).toBe(true);
    expect(some((r) => r.proceduresNearDeadline + r.proceduresOverDeadline)).toBe(true);
    expect(some((r) => r.budgetUsedCents)).toBe(true);
    expect(some((r) => r.lastReviewOn)).toBe(true);
    expect(some((r) => r.lastReviewOn === null)).toBe(true);
  });

  it('sorts by a risk score whose components add up and explain it', async () => {
    const { items } = await caseload(kit.bearer(await kit.as('teamleider')));
    for (const [i, row] of items.entries()) {
      expect(row.riskComponents.reduce((s, c) => s + c.points, 0)).toBe(row.riskScore);
      if (i > 0) expect(items[i - 1].riskScore).toBeGreaterThanOrEqual(row.riskScore);
      const points = (key: string) => row.riskComponents.find((c) => c.key === key)?.points ?? 0;
      expect(points('over-deadline')).toBe(3 * row.proceduresOverDeadline);
      expect(points('near-deadline')).toBe(row.proceduresNearDeadline);
      expect(points('overdue-goals')).toBe(Math.min(5, row.plan.overdueGoals));
      expect(points('no-agreed-plan')).toBe(row.plan.lastAgreedOn ? 0 : 2);
      expect(points('flags')).toBe(row.flags.length);
    }
    expect(new Set(items.map((r) => r.riskScore)).size).toBeGreaterThan(2);
  });

  it('without the cohort filter also lists the team’s other households; paging keeps the total', async () => {
    const auth = kit.bearer(await kit.as('teamleider'));
    const all = await caseload(auth, 'pageSize=500');
    const cohort = await caseload(auth);
    expect(all.total).toBeGreaterThan(cohort.total);
    const page2 = await caseload(auth, 'cohort=true&pageSize=5&page=2');
    expect(page2.total).toBe(cohort.total);
    expect(page2.items.map((r) => r.householdId)).toEqual(
      cohort.items.slice(5, 10).map((r) => r.householdId),
    );
  });

  it('shows a teamleider of another team none of these households, and refuses other roles', async () => {
    const cohort = await caseload(kit.bearer(await kit.as('teamleider')));
    const other = await caseload(await otherTeamleider(t, kit), 'pageSize=500');
    const theirs = new Set(other.items.map((r) => r.householdId));
    expect(cohort.items.filter((r) => theirs.has(r.householdId))).toEqual([]);
    const consulent = await t
      .http()
      .get('/api/v1/caseload')
      .set(kit.bearer(await kit.as('consulentWmo')));
    expect(consulent.status).toBe(403);
    const bad = await t
      .http()
      .get('/api/v1/caseload?pageSize=5000')
      .set(kit.bearer(await kit.as('teamleider')));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('pageSize');
  });

  it('logs the read of the households it shows', async () => {
    const { items } = await caseload(kit.bearer(await kit.as('teamleider')), 'cohort=true&pageSize=3');
    const { rows } = await t.db.query<{ data_subject_id: string }>(
      `SELECT data_subject_id FROM processing_log WHERE resource_type = 'Caseload'
        AND trace_id = (SELECT trace_id FROM processing_log WHERE resource_type = 'Caseload' ORDER BY id DESC LIMIT 1)`,
    );
    expect(rows.map((r) => r.data_subject_id).sort()).toEqual(items.map((r) => r.householdId).sort());
  });

  describe('the daily flags', () => {
    afterAll(() => clock.set(new Date(`${TODAY}T10:00:00Z`)));

    it('flags exactly the households whose review is overdue or whose plan went unevaluated too long', async () => {
      clock.set(new Date('2027-01-10T05:00:00Z'));
      const today = '2027-01-10';
      const run = await t.app.get(ReviewFlagsService).run();
      const limit = addDays(today, -7 * 12);
      const { rows: want } = await t.db.query<{ household_id: string; kind: string; since: string }>(
        `SELECT household_id, 'review_overdue' AS kind, next_review_on::text AS since FROM (
           SELECT DISTINCT ON (household_id) household_id, next_review_on FROM case_review
            ORDER BY household_id, reviewed_on DESC, created_at DESC) l
          JOIN household h ON h.id = l.household_id AND h.status = 'active'
          WHERE next_review_on < $1::date
         UNION ALL
         SELECT p.household_id, 'no_evaluation',
                coalesce((SELECT max(e.evaluated_on) FROM plan_evaluation e WHERE e.plan_id = p.id), p.created_on)::text
           FROM plan p JOIN household h ON h.id = p.household_id AND h.status = 'active'
          WHERE coalesce((SELECT max(e.evaluated_on) FROM plan_evaluation e WHERE e.plan_id = p.id), p.created_on)
                < $2::date
         ORDER BY 1, 2`,
        [today, limit],
      );
      const { rows: got } = await t.db.query(
        `SELECT household_id, kind, since::text FROM review_flag ORDER BY 1, 2`,
      );
      expect(got).toEqual(want);
      expect(want.some((w) => w.kind === 'review_overdue')).toBe(true);
      expect(run).toEqual({
        today,
        reviewOverdue: want.filter((w) => w.kind === 'review_overdue').length,
        noEvaluation: want.filter((w) => w.kind === 'no_evaluation').length,
      });

      // In the caseload (as a risk component) and in the regisseur's worklist.
      const { items } = await caseload(kit.bearer(await kit.as('teamleider')));
      for (const row of items) {
        expect(row.flags.map((f) => f.kind).sort()).toEqual(
          want.filter((w) => w.household_id === row.householdId).map((w) => w.kind),
        );
      }
      const regisseur = await userIdOf(t, 'consulent.wmo@demo.gezinsplan.nl');
      const { rows: mine } = await t.db.query<{ household_id: string }>(
        `SELECT household_id FROM case_team_member WHERE user_id = $1 AND case_role = 'regisseur' AND left_at IS NULL`,
        [regisseur],
      );
      const res = await t
        .http()
        .get('/api/v1/worklists/plans')
        .set(kit.bearer(await kit.as('consulentWmo')));
      expect(res.status).toBe(200);
      const minePlain = new Set(mine.map((r) => r.household_id));
      const expectedFlags = want.filter((w) => minePlain.has(w.household_id));
      expect(expectedFlags.length).toBeGreaterThan(0);
      expect(
        (res.body.flags as { householdId: string; kind: string }[])
          .map((f) => `${f.householdId}:${f.kind}`)
          .sort(),
      ).toEqual(expectedFlags.map((w) => `${w.household_id}:${w.kind}`).sort());
    });

    it('replaces the flags on the next run (a new review clears the overdue flag)', async () => {
      clock.set(new Date('2027-01-10T05:00:00Z'));
      const flags = t.app.get(ReviewFlagsService);
      await flags.run();
      const { rows } = await t.db.query<{ household_id: string; municipality_id: string }>(
        `SELECT household_id, municipality_id FROM review_flag WHERE kind = 'review_overdue' LIMIT 1`,
      );
      const reviewer = await userIdOf(t, teamleiderEmail);
      await t.db.query(
        `INSERT INTO case_review (household_id, municipality_id, reviewed_on, reviewer_id, findings, next_review_on)
         VALUES ($1, $2, '2027-01-09', $3, 'Opnieuw besproken', '2027-04-01')`,
        [rows[0].household_id, rows[0].municipality_id, reviewer],
      );
      await flags.run();
      const { rowCount } = await t.db.query(
        `SELECT 1 FROM review_flag WHERE household_id = $1 AND kind = 'review_overdue'`,
        [rows[0].household_id],
      );
      expect(rowCount).toBe(0);
    });
  });
});
