import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Response } from 'supertest';
import { DemoUserKey } from '@app/identity';
import { MUNICIPALITY_IDS } from '@app/reference';
import { IdentityKit } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';
import { BudgetKit, createBudgetTestApp, TestCase } from './budget-kit';

const PROBLEM = /application\/problem\+json/;

/** The text of a PDF answer (pdftotext), whitespace folded so wrapped lines match. */
function pdfText(res: Response): string {
  const dir = mkdtempSync(join(tmpdir(), 'budget-letter-'));
  try {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, res.body as Buffer);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('budgets: requests, four eyes, mandate, letters and who sees what (issue 7)', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let budgets: BudgetKit;
  let c: TestCase;
  let other: TestCase;

  const letter = async (id: string, as: DemoUserKey = 'consulentWmo') =>
    kit.seen(
      await t
        .http()
        .get(`/api/v1/budget-requests/${id}/decision-letter`)
        .set(await budgets.auth(as))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        }),
    );

  beforeAll(async () => {
    ({ t, kit, budgets } = await createBudgetTestApp());
    c = await budgets.household(2);
    other = await budgets.household(1);
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  it('refuses a request while the municipality has no budget for the year', async () => {
    const res = await budgets.submit(c);
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/nog geen maatwerkbudget 2026/);
    expect(await budgets.counts()).toMatchObject({ budget: 0, budget_request: 0 });
    expect((await budgets.setBudget({ amount: '25000.00' })).status).toBe(200);
  });

  it('lets only the functioneel beheerder set budgets, within their municipalities; the path is checked', async () => {
    expect((await budgets.setBudget({ amount: '1.00' }, undefined, undefined, 'consulentWmo')).status).toBe(
      403,
    );
    expect((await budgets.setBudget({ amount: '1.00' }, undefined, undefined, 'teamleider')).status).toBe(
      403,
    );
    const year = await budgets.setBudget({ amount: '1.00' }, undefined, 1999);
    expect(year.status).toBe(400);
    expect(year.body.errors[0].field).toBe('year');
    const float = await budgets.setBudget({ amount: 1000 });
    expect(float.status).toBe(400);
    expect(float.body.errors[0].field).toBe('amount');
    // The teamleider sees the Maastricht budget, not a Vaals one.
    expect((await budgets.setBudget({ amount: '5000.00' }, MUNICIPALITY_IDS.vaals)).status).toBe(200);
    expect((await budgets.get(`/budgets/${MUNICIPALITY_IDS.vaals}/2026`, 'teamleider')).status).toBe(404);
    const overview = await budgets.get('/budgets?year=2026', 'teamleider');
    expect(overview.body.map((b: { municipality: string }) => b.municipality)).toEqual(['Maastricht']);
    const all = await budgets.get('/budgets?year=2026', 'functioneelBeheerder');
    expect(all.body).toHaveLength(2);
    expect((await budgets.get('/budgets?year=2026', 'sociaalTeamMedewerker')).status).toBe(403);
  });

  it.each([
    ['amount', { amount: '10.005' }],
    ['amount', { amount: '-5.00' }],
    ['amount', { amount: '0.00' }],
    ['amount', { amount: 'tien euro' }],
    ['amount', { amount: '10,00' }],
    ['amount', { amount: 10.5 }],
    ['amount', { amount: '1000000.01' }],
    ['amount', { amount: undefined }],
    ['amountCents', { amount: undefined, amountCents: 0 }],
    ['amountCents', { amount: undefined, amountCents: -100 }],
    ['amountCents', { amount: undefined, amountCents: 10.5 }],
    ['amountCents', { amount: undefined, amountCents: '1000' }],
    ['amountCents', { amount: '10.00', amountCents: 1000 }],
    ['goalIds', { goalIds: [] }],
    ['replacedSchemes.0', { replacedSchemes: ['toeslag'] }],
    ['payee.iban', { payee: { name: 'X', iban: 'NL00 BANK 0000 0000 00' } }],
    ['wantedOn', { wantedOn: '2026-02-30' }],
    ['wantedOn', { wantedOn: '2026-11-19' }],
  ])('refuses a bad %s (%j) with 400 naming the field; nothing is written', async (field, overrides) => {
    const before = await budgets.counts();
    const res = await budgets.submit(c, overrides);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field.replace('.0', ''));
    expect(await budgets.counts()).toEqual(before);
  });

  it('refuses a goal that is not in this household plan (400, goalIds), nothing written', async () => {
    const before = await budgets.counts();
    const unknown = await budgets.submit(c, { goalIds: ['0b7d3c52-1c0e-4f4e-9f52-6a4d8c1e2f30'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('goalIds.0');
    const foreign = await budgets.submit(c, { goalIds: [c.goalIds[0], other.goalIds[0]] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toBe('goalIds.1');
    const stranger = await budgets.submit(c, { personId: other.personIds[0] });
    expect(stranger.body.errors[0].field).toBe('personId');
    expect(await budgets.counts()).toEqual(before);
  });

  it('stores exact cents from a euro string, and the request as submitted', async () => {
    const res = await budgets.submit(c, { amount: '1234.56', goalIds: c.goalIds, personId: c.personIds[0] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      amountCents: 123_456,
      amount: '1234.56',
      status: 'ingediend',
      goalIds: c.goalIds,
      payee: { name: 'Kringloopwinkel Maastricht', iban: 'NL91ABNA0417164300' },
      replacedSchemes: [{ code: 'bijzondere-bijstand', label: 'Bijzondere bijstand' }],
      requestedBy: { name: 'Sanne Janssen' },
    });
    const { rows } = await t.db.query(
      `SELECT amount_cents::text AS cents FROM budget_request WHERE id = $1`,
      [res.body.id],
    );
    expect(rows[0].cents).toBe('123456');
    const detail = await budgets.get(`/budget-requests/${res.body.id}`, 'consulentWmo');
    expect(detail.body.goals.map((g: { id: string }) => g.id).sort()).toEqual([...c.goalIds].sort());
  });

  it('four eyes: the requester cannot decide their own request (403), even within mandate', async () => {
    const id = await budgets.submitted(c, { amount: '100.00' });
    const res = await budgets.decide(id, 'consulentWmo');
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/vier-ogenprincipe/);
    expect((await budgets.get(`/budget-requests/${id}`, 'consulentWmo')).body.status).toBe('ingediend');
  });

  it('mandate: a consulent on the case team cannot decide EUR 600 (403); the teamleider can', async () => {
    const participatie = await budgets.userId('consulentParticipatie');
    const join = await t
      .http()
      .post(`/api/v1/households/${c.householdId}/case-team`)
      .set(await budgets.auth('consulentWmo'))
      .send({ userId: participatie, caseRole: 'pillar_contact', pillar: 'PARTICIPATIE' });
    expect(join.status).toBe(201);
    const big = await budgets.submitted(c, { amount: '600.00' });
    const small = await budgets.submitted(c, { amount: '500.00' });

    const worklist = await budgets.get('/budget-requests/worklist', 'consulentParticipatie');
    const waiting = worklist.body.items.map((r: { id: string }) => r.id);
    expect(waiting).toContain(small);
    expect(waiting).not.toContain(big);
    expect((await budgets.get('/budget-requests/worklist', 'consulentWmo')).body.items).toEqual([]);

    const refused = await budgets.decide(big, 'consulentParticipatie');
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/mandaat/);
    expect((await budgets.decide(small, 'consulentParticipatie')).status).toBe(200);
    const leader = await budgets.get('/budget-requests/worklist', 'teamleider');
    expect(leader.body.items.map((r: { id: string }) => r.id)).toContain(big);
    expect((await budgets.decide(big, 'teamleider')).status).toBe(200);
    const after = await budgets.get('/budget-requests/worklist', 'teamleider');
    expect(after.body.items.map((r: { id: string }) => r.id)).not.toContain(big);
  });

  it('withdrawal: only by the requester; a decision on a withdrawn request is refused, nothing written', async () => {
    const id = await budgets.submitted(c, { amount: '75.00' });
    const stranger = kit.seen(
      await t
        .http()
        .post(`/api/v1/budget-requests/${id}/withdraw`)
        .set(await budgets.auth('teamleider'))
        .send({}),
    );
    expect(stranger.status).toBe(403);
    const withdrawn = kit.seen(
      await t
        .http()
        .post(`/api/v1/budget-requests/${id}/withdraw`)
        .set(await budgets.auth('consulentWmo'))
        .send({ reason: 'Via Stichting Leergeld geregeld' }),
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('ingetrokken');
    const before = await budgets.counts();
    const ledger = await budgets.ledger();
    const decision = await budgets.decide(id, 'teamleider', undefined, `late-${id}`);
    expect(decision.status).toBe(409);
    expect(await budgets.counts()).toEqual(before);
    expect(await budgets.ledger()).toEqual(ledger);
  });

  it('withdrawing an unpaid grant gives the amount back to the budget', async () => {
    const id = await budgets.submitted(c, { amount: '250.00' });
    await budgets.decide(id, 'teamleider');
    const before = await budgets.ledger();
    const res = kit.seen(
      await t
        .http()
        .post(`/api/v1/budget-requests/${id}/withdraw`)
        .set(await budgets.auth('consulentWmo'))
        .send({}),
    );
    expect(res.body).toMatchObject({ status: 'ingetrokken', releasedCents: 25_000, outstandingCents: 0 });
    const after = await budgets.ledger();
    expect(after.committedCents).toBe(before.committedCents - 25_000);
    expect(after.ledgerCommittedCents).toBe(after.committedCents);
  });

  it('writes a Dutch decision letter with amount, motivation, the bezwaar clause and the representative', async () => {
    const represent = kit.seen(
      await t
        .http()
        .post(`/api/v1/households/${c.householdId}/representatives`)
        .set(await budgets.auth('consulentWmo'))
        .send({
          personId: c.personIds[0],
          kind: 'bewindvoerder',
          name: 'mr. P. Hermans',
          organisationName: 'Bewindvoering Zuid',
          scope: 'financiën',
          startsOn: '2026-01-01',
        }),
    );
    expect(represent.status).toBe(201);
    const id = await budgets.submitted(c, { amount: '450.00', personId: c.personIds[0] });
    expect((await letter(id)).status).toBe(409);
    const motivation =
      'Goedkoper dan een Wmo-voorziening en nodig voor doel 1 van het gezinsplan (kenmerk 4711).';
    expect((await budgets.decide(id, 'teamleider', { outcome: 'toegekend', motivation })).status).toBe(200);

    const res = await letter(id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/pdf/);
    expect(res.headers['content-disposition']).toMatch(/besluit-maatwerkbudget-MWB-2026-/);
    const text = pdfText(res);
    expect(text).toContain(motivation);
    expect(text).toContain('€ 450,00');
    expect(text).toContain('Wij kennen u een maatwerkbudget toe');
    expect(text).toContain('binnen 6 weken');
    expect(text).toContain('bezwaar');
    expect(text).toContain('uiterlijk op 1 januari 2027');
    expect(text).toContain('Anouk Bemelmans');
    expect(text).toContain('Afschrift aan: mr. P. Hermans (Bewindvoering Zuid), bewindvoerder');
    expect(text).toContain('Doel 1: rust in de financiën');
    expect(text).toContain('Joep Smeets');

    const refusedId = await budgets.submitted(c, { amount: '99.99' });
    await budgets.decide(refusedId, 'teamleider', {
      outcome: 'afgewezen',
      motivation: 'Valt buiten de doelen van het plan.',
    });
    const refusal = pdfText(await letter(refusedId));
    expect(refusal).toContain('Wij wijzen uw aanvraag af');
    expect(refusal).toContain('Valt buiten de doelen van het plan.');
    expect(refusal).toContain('binnen 6 weken');
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_audit WHERE resource_type = 'BudgetDecisionLetter' AND action = 'export'`,
    );
    expect(rows[0].n).toBe(2);
  });

  describe('visibility (access rules 1, 2, 5, 9)', () => {
    let id: string;
    beforeAll(async () => {
      id = await budgets.submitted(other, { amount: '42.00' });
    });

    it('shows the request to the case team and the teamleider, in the list and in the dossier', async () => {
      for (const user of ['consulentWmo', 'teamleider'] as const) {
        expect((await budgets.get(`/budget-requests/${id}`, user)).status).toBe(200);
        const list = await budgets.get(`/households/${other.householdId}/budget-requests`, user);
        expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
        expect(list.body.totals).toEqual({ requestedCents: 4_200, committedCents: 0, paidCents: 0 });
      }
      const dossier = await budgets.get(`/households/${other.householdId}`, 'consulentWmo');
      expect(dossier.body.budget.requests.map((r: { id: string }) => r.id)).toEqual([id]);
      expect(dossier.body.budget.totals.requestedCents).toBe(4_200);
    });

    it('hides it from a professional of the municipality who is not on the case (404, no dossier section)', async () => {
      expect((await budgets.get(`/budget-requests/${id}`, 'consulentJeugd')).status).toBe(404);
      expect(
        (await budgets.get(`/households/${other.householdId}/budget-requests`, 'consulentJeugd')).status,
      ).toBe(404);
      expect((await budgets.get('/budget-requests/worklist', 'consulentJeugd')).body.items).toEqual([]);
      const dossier = await budgets.get(`/households/${other.householdId}`, 'consulentJeugd');
      expect(dossier.body.access).toBe('index');
      expect(dossier.body.budget).toBeUndefined();
      const decision = await budgets.decide(id, 'consulentJeugd');
      expect(decision.status).toBe(404);
    });

    it('hides it from another municipality (404) and from roles without case content (403)', async () => {
      expect((await budgets.get(`/budget-requests/${id}`, 'consulentHeuvelland')).status).toBe(404);
      expect((await budgets.decide(id, 'consulentHeuvelland')).status).toBe(404);
      expect((await budgets.get(`/budget-requests/${id}`, 'functioneelBeheerder')).status).toBe(403);
      expect((await budgets.get(`/budget-requests/${id}`, 'beleidsmedewerker')).status).toBe(403);
    });

    it('logs the refusals as denied attempts', async () => {
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM access_audit WHERE outcome = 'denied' AND processing_activity_id LIKE 'budgets.%'`,
      );
      expect(rows[0].n).toBeGreaterThan(0);
    });
  });
});
