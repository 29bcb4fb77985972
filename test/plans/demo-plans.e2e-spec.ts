import { DemoHouseholdsSeeder } from '@app/households';
import { DemoPlansSeeder } from '@app/plans';
import { ORGANISATION_IDS } from '@app/reference';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit } from '../identity/identity-kit';
import { PlanKit } from './plan-kit';

/** Issue 6: demo plans for most demo households; idempotent and deterministic. */
describe('plans: demo data', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let plans: PlanKit;

  const seed = async (app: TestApp) => {
    await new IdentityKit(app).seedDemoUsers();
    await app.app.get(DemoHouseholdsSeeder).seed();
    return app.app.get(DemoPlansSeeder).seed();
  };

  /** The seeded content in a stable order, without generated ids and timestamps. */
  const fingerprint = async (app: TestApp) => {
    const { rows } = await app.db.query(
      `SELECT h.postcode, h.house_number, p.revision, p.latest_version, p.created_on::text, p.next_evaluation_on::text,
              v.number, v.status, v.own_words, v.agreed_on::text, g.position, g.life_domain, g.description,
              g.owner_type, g.target_date::text, g.status AS goal_status, g.internal_note,
              (SELECT string_agg(a.description || a.due_on || a.done, '|' ORDER BY a.position)
                 FROM plan_action a WHERE a.version_id = g.version_id AND a.goal_id = g.id) AS actions
       FROM plan p JOIN household h ON h.id = p.household_id
       JOIN plan_version v ON v.plan_id = p.id JOIN plan_goal g ON g.version_id = v.id
       ORDER BY h.postcode, h.house_number, h.street, v.number, g.position`,
    );
    return rows;
  };

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp();
    kit = new IdentityKit(t);
    plans = new PlanKit(t, kit);
  });
  afterAll(() => t.close());

  it('gives most demo households a plan, with goals in several life domains', async () => {
    const result = await seed(t);
    const { rows } = await t.db.query<{ households: string; plans: string; domains: string; agreed: string }>(
      `SELECT (SELECT count(*) FROM household WHERE status = 'active') AS households,
              (SELECT count(*) FROM plan) AS plans,
              (SELECT count(DISTINCT life_domain) FROM plan_goal) AS domains,
              (SELECT count(*) FROM plan_version WHERE status = 'vastgesteld') AS agreed`,
    );
    const [counts] = rows;
    expect(result.plans).toBe(Number(counts.plans));
    expect(Number(counts.plans)).toBeGreaterThan(Number(counts.households) / 2);
    expect(Number(counts.plans)).toBeLessThan(Number(counts.households));
    expect(Number(counts.domains)).toBeGreaterThanOrEqual(6);
    expect(Number(counts.agreed)).toBeGreaterThan(5);
    const { rows: perPlan } = await t.db.query<{ n: string }>(
      `SELECT count(DISTINCT g.life_domain) AS n FROM plan p JOIN plan_goal g ON g.plan_id = p.id
       AND g.version_id = (SELECT id FROM plan_version v WHERE v.plan_id = p.id AND v.number = p.latest_version)
       GROUP BY p.id`,
    );
    expect(perPlan.every((r) => Number(r.n) >= 2)).toBe(true);
  });

  it('is consistent: revisions match the change log, agreed versions have members, no date before the plan', async () => {
    const { rows } = await t.db.query<{ problem: string }>(
      `SELECT 'revision' AS problem FROM plan p
         WHERE p.revision <> (SELECT max(revision) FROM plan_change c WHERE c.plan_id = p.id)
       UNION ALL SELECT 'target' FROM plan_goal g JOIN plan p ON p.id = g.plan_id WHERE g.target_date < p.created_on
       UNION ALL SELECT 'latest' FROM plan p
         WHERE p.latest_version <> (SELECT max(number) FROM plan_version v WHERE v.plan_id = p.id)`,
    );
    expect(rows).toEqual([]);
  });

  it('puts overdue goals and evaluations on the regisseurs’ worklists', async () => {
    const res = await plans.get('consulentWmo', '/worklists/plans');
    expect(res.status).toBe(200);
    const kinds = new Set(res.body.items.map((i: { kind: string }) => i.kind));
    expect(kinds).toEqual(new Set(['goal', 'evaluation']));
    expect(res.body.items.every((i: { daysOverdue: number }) => i.daysOverdue > 0)).toBe(true);
  });

  it('shows KBL other life domains only of households that gave KBL a PLAN consent (SQL filter)', async () => {
    const res = await plans.get('schuldhulpverlener', '/worklists/plans?scope=all&kind=goal&pageSize=200');
    expect(res.status).toBe(200);
    const { rows } = await t.db.query<{ household_id: string }>(
      `SELECT household_id FROM consent WHERE organisation_id = $1 AND category = 'PLAN' AND revoked_on IS NULL`,
      [ORGANISATION_IDS.kbl],
    );
    const consented = new Set(rows.map((r) => r.household_id));
    const items = res.body.items as { householdId: string; lifeDomain: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      if (item.lifeDomain !== 'financien') expect(consented.has(item.householdId)).toBe(true);
    }
  });

  it('is idempotent and deterministic', async () => {
    const before = await fingerprint(t);
    expect(await t.app.get(DemoPlansSeeder).seed()).toEqual({ plans: 0 });
    expect(await fingerprint(t)).toEqual(before);
    const other = await createTestApp();
    try {
      await seed(other);
      expect(await fingerprint(other)).toEqual(before);
    } finally {
      await other.close();
    }
  });

  it('leaks nothing', () => kit.expectNothingLeaked());
});
