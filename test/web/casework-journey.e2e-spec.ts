import { readFileSync } from 'node:fs';
import { DemoBudgetsSeeder } from '@app/budgets';
import { RequestContext } from '@app/core';
import { DemoPlansSeeder } from '@app/plans';
import { nextBsn } from '../households/household-kit';
import { LoggedIn } from '../identity/identity-kit';
import {
  announced,
  checkPage,
  LAPTOP,
  login,
  openSession,
  startWebApp,
  TABLET,
  unexpected,
  WebApp,
} from './web-kit';

/**
 * The consulent's case work and the teamleider's decision (issue 11, journeys 1 and 3) in Chromium against
 * the real API and PostgreSQL: add a member and a representative with forms and record a departure after
 * confirming; plan actions (a colleague's concurrent change is shown and nothing typed is lost) and an
 * evaluation; request maatwerkbudget from the dossier and have the teamleider decide it. Plus what each
 * role is not offered. Every page is checked with axe and photographed.
 */
jest.setTimeout(120_000);

const CONSULENT = 'consulent.wmo@demo.gezinsplan.nl';
const TEAMLEIDER = 'teamleider@demo.gezinsplan.nl';
const today = () => new Date().toISOString().slice(0, 10);

describe('web app: case work and decisions (Chromium)', () => {
  let app: WebApp;
  let sanne: LoggedIn;
  /** Active households Sanne is on, with a plan that has goals; one per test that changes them. */
  let households: string[] = [];

  beforeAll(async () => {
    app = await startWebApp();
    await app.t.app.get(RequestContext).run(async () => {
      await app.t.app.get(DemoPlansSeeder).seed();
      await app.t.app.get(DemoBudgetsSeeder).seed();
    });
    sanne = await app.kit.login(CONSULENT);
    const { rows } = await app.t.db.query<{ id: string }>(
      `SELECT h.id FROM household h
         JOIN case_team_member c ON c.household_id = h.id AND c.user_id = $1 AND c.left_at IS NULL
        WHERE h.status = 'active'
          AND EXISTS (SELECT 1 FROM plan_goal g WHERE g.household_id = h.id)
          AND EXISTS (SELECT 1 FROM household_member m WHERE m.household_id = h.id AND m.left_on IS NULL)
        ORDER BY h.id LIMIT 3`,
      [(sanne.body.user as { id: string }).id],
    );
    households = rows.map((r) => r.id);
    expect(households).toHaveLength(3);
  });

  afterAll(async () => {
    await app?.close();
  });

  const api = () => app.t.http();

  it('adds a member and a representative with forms; a departure only after confirmation', async () => {
    const { page, problems, context } = await openSession(app, TABLET);
    await login(page, CONSULENT);
    await page.goto(`/huishoudens/${households[0]}`);
    const members = page.getByTestId('members-section');
    await members.waitFor();

    await members.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Gezinslid toevoegen' });
    await form.getByRole('button', { name: 'Gezinslid opslaan' }).click();
    await form.getByText('Verbeter de fouten voordat u verdergaat').waitFor();
    expect(await page.locator('#member-givenNames-error').textContent()).toContain('Vul de voornamen in');
    await checkPage(page, '30-gezinslid-toevoegen-fouten');
    await form.getByLabel('BSN').fill(nextBsn());
    await form.getByLabel('Voornamen').fill('Noa');
    await form.getByLabel('Achternaam', { exact: true }).fill('Testdochter');
    await form.getByLabel('Geboortedatum').fill('2019-03-04');
    await form.getByRole('button', { name: 'Gezinslid opslaan' }).click();
    await members.getByRole('cell', { name: 'Noa Testdochter', exact: true }).waitFor();
    const stored = await app.t.db.query(
      `SELECT m.relation FROM household_member m JOIN person p ON p.id = m.person_id
        WHERE m.household_id = $1 AND p.family_name = 'Testdochter' AND m.left_on IS NULL`,
      [households[0]],
    );
    expect(stored.rows).toEqual([{ relation: 'child' }]);

    const representatives = page.getByTestId('representatives-section');
    await representatives.getByRole('button', { name: 'Vertegenwoordiger toevoegen' }).click();
    const rep = page.getByRole('form', { name: 'Vertegenwoordiger toevoegen' });
    await rep.getByLabel('Voor gezinslid').selectOption({ label: 'Noa Testdochter' });
    await rep.getByLabel('Soort').selectOption('mentor');
    await rep.getByLabel('Naam', { exact: true }).fill('mr. P. Testmentor');
    await rep.getByLabel('Reikwijdte').fill('zorg en welzijn');
    await checkPage(page, '31-vertegenwoordiger-toevoegen');
    await rep.getByRole('button', { name: 'Vertegenwoordiger opslaan' }).click();
    await representatives.getByRole('cell', { name: /mr\. P\. Testmentor/ }).waitFor();

    // Leaving the household is confirmed first; cancelling changes nothing.
    const leave = members.getByRole('button', { name: 'Vertrokken… Noa Testdochter' });
    await leave.click();
    const dialog = page.getByRole('dialog', { name: 'Noa Testdochter uitschrijven?' });
    await dialog.waitFor();
    await checkPage(page, '32-gezinslid-uitschrijven-bevestigen');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await members.getByText(/vertrokken/).count()).toBe(0);
    await leave.click();
    await dialog.getByRole('button', { name: 'Ja, schrijf uit' }).click();
    await members.getByText(/\(vertrokken /).waitFor();
    const left = await app.t.db.query(
      `SELECT m.left_on FROM household_member m JOIN person p ON p.id = m.person_id
        WHERE m.household_id = $1 AND p.family_name = 'Testdochter'`,
      [households[0]],
    );
    expect(left.rows[0].left_on).not.toBeNull();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('plan: an evaluation, and an action kept through a colleague’s concurrent change', async () => {
    const householdId = households[1];
    const plan = await api().get(`/api/v1/households/${householdId}/plan`).set(app.kit.bearer(sanne));
    expect(plan.status).toBe(200);
    if (plan.body.version.status === 'concept') {
      const dossier = await api().get(`/api/v1/households/${householdId}`).set(app.kit.bearer(sanne));
      const adult = (dossier.body.members as { personId: string; leftOn: string | null }[]).find(
        (m) => !m.leftOn,
      )!;
      const agreed = await api()
        .post(`/api/v1/households/${householdId}/plan/vaststellen`)
        .set(app.kit.bearer(sanne))
        .set('If-Match', plan.headers.etag)
        .send({ agreedOn: today(), agreedByPersonIds: [adult.personId] });
      expect(agreed.status).toBe(200);
    }

    const { page, problems, context } = await openSession(app, LAPTOP);
    await login(page, CONSULENT);
    await page.goto(`/huishoudens/${householdId}/plan`);
    const evaluation = page.getByTestId('plan-evaluation');
    await evaluation.waitFor();
    const evaluationsBefore = await app.t.db.query('SELECT id FROM plan_evaluation WHERE household_id = $1', [
      householdId,
    ]);
    await evaluation.getByLabel('Stand van zaken').first().selectOption('bezig');
    await evaluation.getByLabel('Uitkomst').first().fill('Betalingsregeling loopt, nog twee termijnen.');
    await checkPage(page, '33-plan-evaluatie');
    await evaluation.getByRole('button', { name: 'Evaluatie opslaan' }).click();
    await announced(page, /Evaluatie vastgelegd/);
    const evaluationsAfter = await app.t.db.query('SELECT id FROM plan_evaluation WHERE household_id = $1', [
      householdId,
    ]);
    expect(evaluationsAfter.rows.length).toBe(evaluationsBefore.rows.length + 1);

    // An action under the first goal; meanwhile a colleague changes the plan.
    const goals = page.getByTestId('plan-goals');
    await goals
      .getByRole('button', { name: /^Actie toevoegen/ })
      .first()
      .click();
    const action = page.getByRole('form', { name: /^Actie toevoegen bij doel/ });
    await action.getByLabel('Wie doet het').selectOption({ index: 1 });
    await action.getByLabel('Wat').fill('Belt de energieleverancier voor een betalingsregeling');
    await action.getByLabel('Uiterlijk op').fill(`${new Date().getFullYear() + 1}-01-15`);
    const fresh = await api().get(`/api/v1/households/${householdId}/plan`).set(app.kit.bearer(sanne));
    const colleague = await api()
      .patch(`/api/v1/households/${householdId}/plan`)
      .set(app.kit.bearer(sanne))
      .set('If-Match', fresh.headers.etag)
      .send({ ownWords: 'Gewijzigd door een collega in een ander tabblad.' });
    expect(colleague.status).toBe(200);
    await action.getByRole('button', { name: 'Actie opslaan' }).click();
    await page.getByTestId('plan-conflict').waitFor();
    await action.getByText('Niet opgeslagen: het plan is intussen gewijzigd').waitFor();
    expect(await action.getByLabel('Wat').inputValue()).toBe(
      'Belt de energieleverancier voor een betalingsregeling',
    );
    await checkPage(page, '34-plan-actie-conflict');
    await action.getByRole('button', { name: 'Actie opslaan' }).click();
    await announced(page, /Actie toegevoegd/);
    const saved = goals.getByRole('listitem').filter({ hasText: 'Belt de energieleverancier' });
    await saved.waitFor();
    await saved.getByRole('button', { name: /^Gedaan/ }).click();
    await goals
      .getByRole('listitem')
      .filter({ hasText: /^✓ .*Belt de energieleverancier/ })
      .waitFor();
    await checkPage(page, '35-plan-actie-gedaan');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('requests maatwerkbudget from the dossier; the teamleider decides it, the requester cannot', async () => {
    const householdId = households[2];
    const justification = `Wasmachine kapot; zonder wasmachine lukt de weekplanning niet (${Date.now() % 100000}).`;
    const consulent = await openSession(app, LAPTOP);
    await login(consulent.page, CONSULENT);
    await consulent.page.goto(`/huishoudens/${householdId}`);
    const budget = consulent.page.getByTestId('budget-section');
    await budget.getByRole('button', { name: 'Maatwerkbudget aanvragen' }).click();
    const form = consulent.page.getByRole('form', { name: 'Maatwerkbudget aanvragen' });
    await form.getByRole('group', { name: 'Doelen uit het gezinsplan' }).waitFor();
    await form.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await form.getByText('Verbeter de fouten voordat u verdergaat').waitFor();
    expect(await consulent.page.locator('#budget-amount-error').textContent()).toContain('Vul een bedrag in');
    await form.getByLabel('Bedrag in euro').fill('350,00');
    await form.getByRole('group', { name: 'Doelen uit het gezinsplan' }).locator('label').first().click();
    await form.getByLabel('Onderbouwing').fill(justification);
    await form.getByText('Bijzondere bijstand', { exact: true }).click();
    await form.getByLabel('Betalen aan').fill('Kringloopwinkel Maastricht');
    await checkPage(consulent.page, '36-maatwerkbudget-aanvragen');
    await form.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await announced(consulent.page, /Aanvraag maatwerkbudget ingediend/);
    const row = budget.getByRole('row').filter({ hasText: justification });
    await row.waitFor();
    expect(await row.textContent()).toContain('Ingediend, wacht op besluit');
    expect(await row.textContent()).toMatch(/€\s350,00/);
    await checkPage(consulent.page, '37-maatwerkbudget-ingediend');

    // Sanne has a mandate too, but never decides her own request: it is not in her list.
    await consulent.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Besluiten' })
      .click();
    await consulent.page.getByTestId('budget-worklist').getByRole('heading').waitFor();
    await checkPage(consulent.page, '38-besluiten-consulent');
    expect(await consulent.page.getByText(justification).count()).toBe(0);
    expect(unexpected(consulent.problems)).toEqual([]);

    const leader = await openSession(app, LAPTOP);
    await login(leader.page, TEAMLEIDER);
    await leader.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Besluiten' })
      .click();
    const pending = leader.page
      .getByTestId('budget-worklist')
      .getByRole('row')
      .filter({ hasText: justification });
    await pending.waitFor();
    await checkPage(leader.page, '39-besluiten-teamleider');
    await pending.getByRole('button', { name: /^Besluiten/ }).click();
    const dialog = leader.page.getByRole('dialog', { name: 'Besluiten over maatwerkbudget' });
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await dialog.getByText('Verbeter de fouten voordat u verdergaat').waitFor();
    await dialog.getByLabel('Besluit').selectOption('toegekend');
    await dialog.getByLabel('Motivering').fill('Past binnen doel 1; goedkoper dan een Wmo-voorziening.');
    await checkPage(leader.page, '40-besluit-nemen');
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await announced(leader.page, /Maatwerkbudget toegekend/);
    await pending.waitFor({ state: 'detached' });
    const decided = await app.t.db.query<{ status: string; amount_cents: number }>(
      'SELECT status, amount_cents::int AS amount_cents FROM budget_request WHERE justification = $1',
      [justification],
    );
    expect(decided.rows).toEqual([{ status: 'toegekend', amount_cents: 35000 }]);
    expect(unexpected(leader.problems)).toEqual([]);
    await leader.context.close();

    await consulent.page.goto(`/huishoudens/${householdId}`);
    await budget
      .getByRole('row')
      .filter({ hasText: justification })
      .filter({ hasText: 'Toegekend' })
      .waitFor();
    await consulent.context.close();
  });

  it('teamleider: caseload by risk, a case review with a leerpunt, and the casusboek', async () => {
    const { page, problems, context } = await openSession(app, LAPTOP);
    await login(page, TEAMLEIDER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Caseload' }).click();
    const caseload = page.getByTestId('caseload');
    await caseload.getByRole('heading').waitFor();
    await checkPage(page, '42-caseload');
    if (!(await caseload.getByRole('table').count())) {
      await page.getByRole('button', { name: 'Alle huishoudens van mijn teams tonen' }).click();
      await caseload.getByRole('table').waitFor();
    }
    const rows = await caseload.locator('tbody tr').all();
    const risks = (await Promise.all(rows.map((row) => row.getAttribute('data-risk')))).map(Number);
    expect(risks.length).toBeGreaterThan(0);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));

    await caseload.getByRole('link', { name: 'Casus 1', exact: true }).click();
    const reviews = page.getByTestId('reviews-section');
    await reviews.waitFor();
    const householdId = new URL(page.url()).pathname.split('/').pop();
    await reviews.getByRole('button', { name: 'Casusbespreking vastleggen' }).click();
    const form = page.getByRole('form', { name: 'Casusbespreking vastleggen' });
    await form.getByRole('button', { name: 'Bespreking opslaan' }).click();
    await form.getByText('Verbeter de fouten voordat u verdergaat').waitFor();
    await form.getByLabel('Deelnemers').fill('teamleider\nregisseur (consulent Wmo)\nKBL');
    await form.getByLabel('Bevindingen').fill('Schulden stabiel; de regie ligt duidelijk bij de consulent.');
    await form.getByLabel('Thema').selectOption('regie');
    await form.getByLabel(/^Leerpunt/).fill('Eén plan over de pijlers heen voorkwam dubbele intakes.');
    await checkPage(page, '43-casusbespreking');
    await form.getByRole('button', { name: 'Bespreking opslaan' }).click();
    await announced(page, /Casusbespreking vastgelegd/);
    await reviews.getByText('Leerpunt (Regie)').waitFor();
    const stored = await app.t.db.query(
      `SELECT l.theme FROM case_review r JOIN case_review_leerpunt l ON l.review_id = r.id WHERE r.household_id = $1`,
      [householdId],
    );
    expect(stored.rows).toContainEqual({ theme: 'regie' });

    await page.goBack();
    await caseload.getByRole('table').waitFor();
    const exportButton = page.getByRole('button', { name: /^Casusboek exporteren \(PDF/ });
    expect(await exportButton.isDisabled()).toBe(true);
    await caseload.getByLabel('Casus 1 opnemen').check();
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await announced(page, /casusboek \(PDF\) met 1 casus is gedownload/);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('offers each role only its own work', async () => {
    const offered = async (email: string) => {
      const { page, context } = await openSession(app, LAPTOP);
      await login(page, email);
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      const labels = (await nav.getByRole('link').allTextContents()).map((l) => l.trim());
      await context.close();
      return labels;
    };
    const consulent = await offered(CONSULENT);
    expect(consulent).toContain('Besluiten');
    expect(consulent).not.toContain('Spreekuur');
    expect(consulent).not.toContain('Signalen');
    const coach = await offered('financial.coach@demo.gezinsplan.nl');
    expect(coach).toEqual(expect.arrayContaining(['Spreekuur', 'Signalen']));
    expect(coach).not.toContain('Besluiten');
    const kbl = await offered('schuldhulpverlener@demo.gezinsplan.nl');
    expect(kbl).toContain('Signalen');
    expect(kbl).not.toContain('Spreekuur');
    const beleid = await offered('beleidsmedewerker@demo.gezinsplan.nl');
    for (const label of ['Spreekuur', 'Signalen', 'Besluiten']) expect(beleid).not.toContain(label);

    // A deep link to a page the role has no part in explains itself instead of failing on a 403.
    const { page, problems, context } = await openSession(app, LAPTOP);
    await login(page, CONSULENT);
    await page.goto('/signalen');
    await page
      .getByText('De signalen worden opgevolgd door de financieel coaches en de Kredietbank.')
      .waitFor();
    await checkPage(page, '41-signalen-geen-rol');
    // Only the silent session check before logging in answers 401; nothing is refused (403).
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });
});
