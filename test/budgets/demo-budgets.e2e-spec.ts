import { DemoBudgetsSeeder } from '@app/budgets';
import { DemoHouseholdsSeeder } from '@app/households';
import { DemoPlansSeeder } from '@app/plans';
import { MUNICIPALITY_IDS, TEAM_IDS } from '@app/reference';
import { IdentityKit } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';
import { BudgetKit, createBudgetTestApp } from './budget-kit';

describe('budgets: demo data and the overviews (issue 7)', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let budgets: BudgetKit;

  beforeAll(async () => {
    ({ t, kit, budgets } = await createBudgetTestApp());
    await t.app.get(DemoHouseholdsSeeder).seed();
    await t.app.get(DemoPlansSeeder).seed();
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  const snapshot = async () =>
    (
      await t.db.query(
        `SELECT b.municipality_id, b.amount_cents::text, b.committed_cents::text, b.paid_cents::text,
                (SELECT array_agg(r.status || ':' || r.amount_cents || ':' || r.paid_cents ORDER BY r.requested_on, r.amount_cents)
                   FROM budget_request r WHERE r.budget_id = b.id) AS requests
           FROM budget b ORDER BY b.municipality_id`,
      )
    ).rows;

  it('seeds 2026 budgets for the six municipalities and requests in every state, consistently', async () => {
    const first = await t.app.get(DemoBudgetsSeeder).seed();
    expect(first.budgets).toBe(6);
    expect(first.requests).toBeGreaterThanOrEqual(7);
    const { rows } = await t.db.query<{ status: string }>(
      `SELECT DISTINCT status FROM budget_request ORDER BY 1`,
    );
    expect(rows.map((r) => r.status)).toEqual([
      'afgewezen',
      'betaald',
      'ingediend',
      'ingetrokken',
      'toegekend',
    ]);
    const overview = await budgets.get('/budgets?year=2026', 'functioneelBeheerder');
    expect(overview.body).toHaveLength(6);
    for (const budget of overview.body) expect(budget.ledgerConsistent).toBe(true);
    const maastricht = overview.body.find(
      (b: { municipalityId: string }) => b.municipalityId === MUNICIPALITY_IDS.maastricht,
    );
    expect(maastricht).toMatchObject({ amount: '250000.00', committed: '1650.00', paid: '875.00' });
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await snapshot();
    expect(await t.app.get(DemoBudgetsSeeder).seed()).toEqual({ budgets: 0, requests: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('breaks the use down per team, per replaced scheme and per status', async () => {
    const res = await budgets.get(`/budgets/${MUNICIPALITY_IDS.maastricht}/2026`, 'teamleider');
    expect(res.status).toBe(200);
    expect(res.body.byTeam).toEqual([
      expect.objectContaining({
        teamId: TEAM_IDS.szmhNoordwest,
        team: expect.any(String),
        paidCents: 87_500,
      }),
    ]);
    const scheme = (code: string) =>
      res.body.byReplacedScheme.find((s: { scheme: string }) => s.scheme === code);
    expect(scheme('leerlingenvervoer')).toMatchObject({
      requests: 1,
      paidCents: 27_500,
      label: 'Leerlingenvervoer',
    });
    expect(scheme('bijzondere-bijstand').requests).toBe(3);
    const status = (s: string) => res.body.byStatus.find((r: { status: string }) => r.status === s);
    expect(status('toegekend')).toMatchObject({ requests: 2, committedCents: 165_000, paidCents: 60_000 });
    expect(status('ingediend').requestedCents).toBe(154_950);
  });

  it('puts the submitted requests on the teamleider worklist', async () => {
    const res = await budgets.get('/budget-requests/worklist', 'teamleider');
    expect(res.body.items.map((r: { amount: string }) => r.amount).sort()).toEqual(['1200.00', '349.50']);
  });
});
