import { Response } from 'supertest';
import { Clock, FixedClock } from '@app/core';
import { DEMO_EMAILS, DemoUserKey } from '@app/identity';
import { MUNICIPALITY_IDS } from '@app/reference';
import { createHousehold } from '../households/household-kit';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';

/** Budget tests run on a fixed day in 2026, so the budget year and every date are the same on each run. */
export const TODAY = '2026-11-20';
export const YEAR = 2026;
export const MAASTRICHT = MUNICIPALITY_IDS.maastricht;

export const BUDGET_TABLES = [
  'budget',
  'budget_request',
  'budget_payment',
  'budget_ledger_entry',
  'budget_idempotency_key',
] as const;

export async function createBudgetTestApp(): Promise<{ t: TestApp; kit: IdentityKit; budgets: BudgetKit }> {
  const clock = new FixedClock(new Date(`${TODAY}T10:00:00Z`));
  const t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
  const kit = new IdentityKit(t);
  await kit.seedDemoUsers();
  return { t, kit, budgets: new BudgetKit(t, kit) };
}

export interface TestCase {
  householdId: string;
  personIds: string[];
  goalIds: string[];
}

/** Budgets, households with plan goals, requests and decisions over the public API. */
export class BudgetKit {
  constructor(
    private readonly t: TestApp,
    private readonly kit: IdentityKit,
  ) {}

  async auth(user: DemoUserKey) {
    return this.kit.bearer(await this.kit.as(user));
  }

  async userId(user: DemoUserKey): Promise<string> {
    const { rows } = await this.t.db.query<{ id: string }>('SELECT id FROM user_account WHERE email = $1', [
      DEMO_EMAILS[user],
    ]);
    return rows[0].id;
  }

  async setBudget(
    body: object,
    municipalityId: string = MAASTRICHT,
    year = YEAR,
    as: DemoUserKey = 'functioneelBeheerder',
  ) {
    return this.kit.seen(
      await this.t
        .http()
        .put(`/api/v1/budgets/${municipalityId}/${year}`)
        .set(await this.auth(as))
        .send(body),
    );
  }

  /** A Maastricht household of the Wmo consulent (regisseur) with a plan of one or more goals. */
  async household(
    goals = 1,
    as: DemoUserKey = 'consulentWmo',
    overrides: Record<string, unknown> = {},
  ): Promise<TestCase> {
    const created = await createHousehold(this.t, this.kit, await this.kit.as(as), overrides);
    const householdId = created.household.id;
    const personIds = created.members.map((m) => m.personId);
    let etag = '"0"';
    let goalIds: string[] = [];
    for (let i = 0; i < goals; i++) {
      const res = this.kit.seen(
        await this.t
          .http()
          .post(`/api/v1/households/${householdId}/plan/goals`)
          .set(await this.auth(as))
          .set('If-Match', etag)
          .send({
            lifeDomain: i % 2 ? 'wonen' : 'financien',
            description: `Doel ${i + 1}: rust in de financiën`,
            owner: { type: 'member', id: personIds[0] },
            targetDate: '2027-06-01',
          }),
      );
      if (res.status !== 200 && res.status !== 201)
        throw new Error(`goal not created: ${res.status} ${res.text}`);
      etag = res.headers.etag as string;
      goalIds = (res.body.version.goals as { id: string }[]).map((g) => g.id);
    }
    return { householdId, personIds, goalIds };
  }

  requestBody(c: TestCase, overrides: Record<string, unknown> = {}) {
    return {
      amount: '450.00',
      goalIds: c.goalIds.slice(0, 1),
      justification: 'Wasmachine kapot; zonder wasmachine lukt de weekplanning niet.',
      replacedSchemes: ['bijzondere-bijstand'],
      payee: { name: 'Kringloopwinkel Maastricht', iban: 'NL91 ABNA 0417 1643 00' },
      wantedOn: '2026-12-01',
      ...overrides,
    };
  }

  async submit(c: TestCase, overrides: Record<string, unknown> = {}, as: DemoUserKey = 'consulentWmo') {
    return this.kit.seen(
      await this.t
        .http()
        .post(`/api/v1/households/${c.householdId}/budget-requests`)
        .set(await this.auth(as))
        .send(this.requestBody(c, overrides)),
    );
  }

  /** Submits and expects 201; returns the request id. */
  async submitted(c: TestCase, overrides: Record<string, unknown> = {}, as: DemoUserKey = 'consulentWmo') {
    const res = await this.submit(c, overrides, as);
    if (res.status !== 201) throw new Error(`request not submitted: ${res.status} ${res.text}`);
    return res.body.id as string;
  }

  async decide(
    id: string,
    as: DemoUserKey,
    body: object = { outcome: 'toegekend', motivation: 'Past bij het doel in het gezinsplan.' },
    idempotencyKey?: string,
  ): Promise<Response> {
    let req = this.t
      .http()
      .post(`/api/v1/budget-requests/${id}/decision`)
      .set(await this.auth(as));
    if (idempotencyKey) req = req.set('Idempotency-Key', idempotencyKey);
    return this.kit.seen(await req.send(body));
  }

  async pay(id: string, as: DemoUserKey, body: object, idempotencyKey?: string): Promise<Response> {
    let req = this.t
      .http()
      .post(`/api/v1/budget-requests/${id}/payments`)
      .set(await this.auth(as));
    if (idempotencyKey) req = req.set('Idempotency-Key', idempotencyKey);
    return this.kit.seen(await req.send(body));
  }

  async get(path: string, as: DemoUserKey): Promise<Response> {
    return this.kit.seen(
      await this.t
        .http()
        .get(`/api/v1${path}`)
        .set(await this.auth(as)),
    );
  }

  async counts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of BUDGET_TABLES) {
      const { rows } = await this.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = rows[0].n;
    }
    return counts;
  }

  /** The budget row and what its ledger adds up to. */
  async ledger(municipalityId: string = MAASTRICHT, year = YEAR) {
    const { rows } = await this.t.db.query<{
      amount: string;
      committed: string;
      paid: string;
      ledger_committed: string;
      ledger_paid: string;
    }>(
      `SELECT b.amount_cents AS amount, b.committed_cents AS committed, b.paid_cents AS paid,
              coalesce((SELECT sum(committed_delta_cents) FROM budget_ledger_entry e WHERE e.budget_id = b.id), 0) AS ledger_committed,
              coalesce((SELECT sum(paid_delta_cents) FROM budget_ledger_entry e WHERE e.budget_id = b.id), 0) AS ledger_paid
         FROM budget b WHERE b.municipality_id = $1 AND b.year = $2`,
      [municipalityId, year],
    );
    const r = rows[0];
    return {
      amountCents: Number(r.amount),
      committedCents: Number(r.committed),
      paidCents: Number(r.paid),
      ledgerCommittedCents: Number(r.ledger_committed),
      ledgerPaidCents: Number(r.ledger_paid),
    };
  }
}
