import { IdentityKit } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';
import { BudgetKit, createBudgetTestApp, TestCase } from './budget-kit';

const MOTIVATION = { outcome: 'toegekend', motivation: 'Past bij het doel in het gezinsplan.' };

describe('budgets: the ledger never overspends, also under concurrency (issue 7)', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let budgets: BudgetKit;
  let c: TestCase;

  beforeAll(async () => {
    ({ t, kit, budgets } = await createBudgetTestApp());
    c = await budgets.household(2);
    await budgets.auth('teamleider'); // one login, before the parallel calls (the login is rate limited)
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  it('grants exactly the affordable ones of 50 parallel decisions; the ledger is exact to the cent', async () => {
    // Room for exactly 10 requests of EUR 123,45 (+ 1 cent to spare, so rounding would show).
    expect((await budgets.setBudget({ amount: '1234.51' })).status).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await budgets.submitted(c, { amount: '123.45' }));

    const answers = await Promise.all(ids.map((id) => budgets.decide(id, 'teamleider', MOTIVATION)));

    const granted = answers.filter((r) => r.status === 200);
    const refused = answers.filter((r) => r.status !== 200);
    expect(granted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) {
      expect(r.status).toBe(422);
      expect(r.body.reason).toBe('budget-exhausted');
      expect(r.body.detail).toMatch(/overschrijden/);
      expect(r.body.remainingCents).toBe(1);
    }
    const ledger = await budgets.ledger();
    expect(ledger).toEqual({
      amountCents: 123_451,
      committedCents: 123_450,
      paidCents: 0,
      ledgerCommittedCents: 123_450,
      ledgerPaidCents: 0,
    });
    const { rows } = await t.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM budget_request GROUP BY status ORDER BY status`,
    );
    expect(rows).toEqual([
      { status: 'ingediend', n: 40 },
      { status: 'toegekend', n: 10 },
    ]);
    const { rows: within } = await t.db.query(
      `SELECT bool_and(committed_cents + paid_cents <= amount_cents) AS ok FROM budget`,
    );
    expect(within[0].ok).toBe(true);
    const { rows: entries } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM budget_ledger_entry WHERE kind = 'commitment'`,
    );
    expect(entries[0].n).toBe(10);
    const overview = await budgets.get('/budgets?year=2026', 'teamleider');
    expect(overview.body).toEqual([
      expect.objectContaining({ remaining: '0.01', committed: '1234.50', ledgerConsistent: true }),
    ]);
  });

  it('holds the CHECK as a backstop: the database refuses an overspent budget even from SQL', async () => {
    await expect(
      t.db.query(`UPDATE budget SET committed_cents = amount_cents + 1 - paid_cents`),
    ).rejects.toMatchObject({ code: '23514', constraint: 'budget_never_overspent' });
    await expect(
      t.db.query(`UPDATE budget_request SET decided_by = requested_by WHERE status = 'toegekend'`),
    ).rejects.toMatchObject({
      code: '23514',
      constraint: 'budget_request_four_eyes',
    });
  });

  it('refuses to lower a budget below what is committed plus paid, naming the field; raising works', async () => {
    const before = await budgets.ledger();
    const lower = await budgets.setBudget({ amount: '1000.00' });
    expect(lower.status).toBe(422);
    expect(lower.body.errors).toEqual([{ field: 'amount', message: expect.any(String) }]);
    const lowerCents = await budgets.setBudget({ amountCents: 123_449 });
    expect(lowerCents.status).toBe(422);
    expect(lowerCents.body.errors[0].field).toBe('amountCents');
    expect(await budgets.ledger()).toEqual(before);
    const exact = await budgets.setBudget({ amount: '1234.50' });
    expect(exact.status).toBe(200);
    expect(exact.body).toMatchObject({ amountCents: 123_450, remainingCents: 0 });
    const raised = await budgets.setBudget({ amount: '5000.00' });
    expect(raised.body).toMatchObject({ amount: '5000.00', remaining: '3765.50' });
  });

  it('replays a decision with the same Idempotency-Key: the first answer, no second effect', async () => {
    const id = await budgets.submitted(c, { amount: '200.00' });
    const key = `decision-${id}`;
    const first = await budgets.decide(id, 'teamleider', MOTIVATION, key);
    expect(first.status).toBe(200);
    const counts = await budgets.counts();
    const ledger = await budgets.ledger();
    const again = await budgets.decide(id, 'teamleider', MOTIVATION, key);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await budgets.counts()).toEqual(counts);
    expect(await budgets.ledger()).toEqual(ledger);
    // Same key, different body: refused, nothing changes.
    const other = await budgets.decide(
      id,
      'teamleider',
      { outcome: 'afgewezen', motivation: 'Toch niet.' },
      key,
    );
    expect(other.status).toBe(422);
    expect(other.body.errors[0].field).toBe('Idempotency-Key');
    // Without a key, deciding twice is a state conflict.
    expect((await budgets.decide(id, 'teamleider', MOTIVATION)).status).toBe(409);
    expect(await budgets.counts()).toEqual(counts);
  });

  it('answers concurrent repeats of one key once', async () => {
    const id = await budgets.submitted(c, { amount: '10.00' });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => budgets.decide(id, 'teamleider', MOTIVATION, `burst-${id}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers.filter((a) => a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM budget_ledger_entry WHERE request_id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('pays in parts up to the grant; a repeated payment key pays once; overpayment is refused', async () => {
    const id = await budgets.submitted(c, { amount: '300.00' });
    expect((await budgets.decide(id, 'teamleider')).status).toBe(200);
    const before = await budgets.ledger();

    const first = await budgets.pay(
      id,
      'teamleider',
      { amount: '100.00', paidOn: '2026-11-20' },
      `pay-1-${id}`,
    );
    expect(first.status).toBe(201);
    expect(first.body.request).toMatchObject({ status: 'toegekend', paid: '100.00', outstanding: '200.00' });
    const replay = await budgets.pay(
      id,
      'teamleider',
      { amount: '100.00', paidOn: '2026-11-20' },
      `pay-1-${id}`,
    );
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    const mismatch = await budgets.pay(
      id,
      'teamleider',
      { amount: '100.01', paidOn: '2026-11-20' },
      `pay-1-${id}`,
    );
    expect(mismatch.status).toBe(422);

    const counts = await budgets.counts();
    const over = await budgets.pay(id, 'teamleider', { amount: '200.01', paidOn: '2026-11-20' });
    expect(over.status).toBe(422);
    expect(over.body.errors).toEqual([{ field: 'amount', message: expect.any(String) }]);
    expect(over.body.outstandingCents).toBe(20_000);
    expect(await budgets.counts()).toEqual(counts);

    const rest = await budgets.pay(id, 'teamleider', { amountCents: 20_000, paidOn: '2026-11-20' });
    expect(rest.status).toBe(201);
    expect(rest.body.request).toMatchObject({ status: 'betaald', paidCents: 30_000, outstandingCents: 0 });
    expect((await budgets.pay(id, 'teamleider', { amount: '0.01', paidOn: '2026-11-20' })).status).toBe(409);

    const after = await budgets.ledger();
    expect(after.committedCents).toBe(before.committedCents - 30_000);
    expect(after.paidCents).toBe(before.paidCents + 30_000);
    expect(after.ledgerCommittedCents).toBe(after.committedCents);
    expect(after.ledgerPaidCents).toBe(after.paidCents);
  });

  it('a final payment below the grant gives the rest back to the budget', async () => {
    const id = await budgets.submitted(c, { amount: '80.00' });
    await budgets.decide(id, 'teamleider');
    const before = await budgets.ledger();
    const res = await budgets.pay(id, 'teamleider', { amount: '65.50', paidOn: '2026-11-20', final: true });
    expect(res.status).toBe(201);
    expect(res.body.request).toMatchObject({ status: 'betaald', paidCents: 6_550, releasedCents: 1_450 });
    const after = await budgets.ledger();
    expect(after.committedCents).toBe(before.committedCents - 8_000);
    expect(after.paidCents).toBe(before.paidCents + 6_550);
    expect(after.ledgerCommittedCents).toBe(after.committedCents);
  });

  it('refuses a payment before the decision date or in the future, and on a refused request', async () => {
    const id = await budgets.submitted(c, { amount: '20.00' });
    await budgets.decide(id, 'teamleider');
    expect(
      (await budgets.pay(id, 'teamleider', { amount: '20.00', paidOn: '2026-11-21' })).body.errors[0].field,
    ).toBe('paidOn');
    expect(
      (await budgets.pay(id, 'teamleider', { amount: '20.00', paidOn: '2026-11-01' })).body.errors[0].field,
    ).toBe('paidOn');
    const refused = await budgets.submitted(c, { amount: '20.00' });
    await budgets.decide(refused, 'teamleider', {
      outcome: 'afgewezen',
      motivation: 'Geen doel uit het plan.',
    });
    expect((await budgets.pay(refused, 'teamleider', { amount: '20.00', paidOn: '2026-11-20' })).status).toBe(
      409,
    );
  });
});
