import { readFileSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { RequestContext } from '@app/core';
import { DemoOutreachSeeder } from '@app/outreach';
import { DemoPlansSeeder } from '@app/plans';
import { createHousehold } from '../households/household-kit';
import { LoggedIn } from '../identity/identity-kit';
import { announced, checkPage, LAPTOP, login, openSession, startWebApp, unexpected, WebApp } from './web-kit';

/**
 * The remaining web gaps of issue 11 in Chromium against the real API and PostgreSQL: adding a colleague
 * to the case team with a form, "meer laden" under the caseload and the signals worklist, a lapsed
 * session while typing a case review, the casusboek as Markdown, and an evaluation while a new concept
 * version of the plan is being written. Every page is checked with axe and photographed.
 */
jest.setTimeout(120_000);

const CONSULENT = 'consulent.wmo@demo.gezinsplan.nl';
const TEAMLEIDER = 'teamleider@demo.gezinsplan.nl';
const COACH = 'financial.coach@demo.gezinsplan.nl';
const today = () => new Date().toISOString().slice(0, 10);

/** Asks the API for pages of two rows where the app asks for 100, so paging shows on the demo data. */
async function smallPages(page: Page, path: string) {
  await page.route(
    (url) => url.pathname === `/api/v1${path}`,
    (route: Route) => route.continue({ url: route.request().url().replace('pageSize=100', 'pageSize=2') }),
  );
}

describe('web app: case team, paging, lapsed session, casusboek Markdown, evaluation (Chromium)', () => {
  let app: WebApp;
  let sanne: LoggedIn;

  beforeAll(async () => {
    app = await startWebApp();
    await app.t.app.get(RequestContext).run(async () => {
      await app.t.app.get(DemoPlansSeeder).seed();
      await app.t.app.get(DemoOutreachSeeder).seed();
    });
    sanne = await app.kit.login(CONSULENT);
  });

  afterAll(async () => {
    await app?.close();
  });

  const api = () => app.t.http();

  it('adds a colleague to the case team: found by name, only who may join', async () => {
    const householdId = (await createHousehold(app.t, app.kit, sanne)).household.id;
    const { page, problems, context } = await openSession(app, LAPTOP);
    await login(page, CONSULENT);
    await page.goto(`/huishoudens/${householdId}`);
    const team = page.getByTestId('caseteam-section');
    await team.getByRole('button', { name: 'Collega toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Collega toevoegen aan het casusteam' });

    await form.getByRole('button', { name: 'Toevoegen aan casusteam' }).click();
    await form.getByText('Verbeter de fouten voordat u verdergaat').waitFor();
    await form.getByLabel('Zoek een collega op naam').fill('h');
    await form.getByRole('button', { name: 'Zoeken' }).click();
    await form.getByText('Vul minstens 2 letters van de naam in.').waitFor();

    // The regisseur herself is on the team already; Bram works only in Meerssen and Vaals.
    await form.getByLabel('Zoek een collega op naam').fill('Bram');
    await form.getByRole('button', { name: 'Zoeken' }).click();
    await form.getByText('Geen collega gevonden die aan dit casusteam kan worden toegevoegd.').waitFor();

    await form.getByLabel('Zoek een collega op naam').fill('herm');
    await form.getByRole('button', { name: 'Zoeken' }).click();
    const colleague = form.getByLabel('Collega', { exact: true });
    await colleague.waitFor();
    expect(await colleague.locator('option:checked').textContent()).toBe('Luc Hermans (SZMH, Jeugd)');
    await form.getByLabel('Rol in de casus').selectOption('pillar_contact');
    expect(await form.getByLabel(/^Pijler/).inputValue()).toBe('JEUGD');
    await checkPage(page, '50-casusteam-collega-toevoegen');
    await form.getByRole('button', { name: 'Toevoegen aan casusteam' }).click();
    await announced(page, /Luc Hermans is toegevoegd aan het casusteam/);
    await team.getByRole('cell', { name: 'Luc Hermans', exact: true }).waitFor();
    const stored = await app.t.db.query(
      `SELECT c.case_role, c.pillar FROM case_team_member c JOIN user_account u ON u.id = c.user_id
        WHERE c.household_id = $1 AND u.display_name = 'Luc Hermans' AND c.left_at IS NULL`,
      [householdId],
    );
    expect(stored.rows).toEqual([{ case_role: 'pillar_contact', pillar: 'JEUGD' }]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('pages the caseload with "meer laden" and downloads the casusboek as Markdown', async () => {
    const { page, problems, context } = await openSession(app, LAPTOP);
    await smallPages(page, '/caseload');
    await login(page, TEAMLEIDER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Caseload' }).click();
    const caseload = page.getByTestId('caseload');
    await caseload.getByRole('heading').waitFor();
    await caseload.getByText(/huishoudens getoond|geen huishoudens/).waitFor();
    if (!(await caseload.getByRole('table').count())) {
      await page.getByRole('button', { name: 'Alle huishoudens van mijn teams tonen' }).click();
      await caseload.getByRole('table').waitFor();
    }
    const rows = caseload.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const total = Number(
      (await caseload.getByText(/^2 van \d+ huishoudens getoond\.$/).textContent())!.match(/van (\d+)/)![1],
    );
    expect(total).toBeGreaterThan(2);
    await caseload.getByRole('button', { name: 'Meer huishoudens laden' }).click();
    await caseload.getByText(`4 van ${total} huishoudens getoond.`).waitFor();
    expect(await rows.count()).toBe(4);
    const risks = (await Promise.all((await rows.all()).map((row) => row.getAttribute('data-risk')))).map(
      Number,
    );
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    await caseload.getByRole('link', { name: 'Casus 4', exact: true }).waitFor();
    await checkPage(page, '51-caseload-meer-laden');

    await caseload.getByLabel('Casus 3 opnemen').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Casusboek exporteren \(Markdown/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('casusboek.md');
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^# Casusboek/);
    expect(markdown).not.toMatch(/\b\d{9}\b/); // no BSN
    await announced(page, /casusboek \(Markdown\) met 1 casus is gedownload/);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('pages the signals worklist with "meer laden"', async () => {
    const { page, problems, context } = await openSession(app, LAPTOP);
    await smallPages(page, '/outreach/signals');
    await login(page, COACH);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
    const worklist = page.getByTestId('signal-worklist');
    await worklist.getByRole('table').waitFor();
    const rows = worklist.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    await worklist.getByRole('button', { name: 'Meer signalen laden' }).click();
    await worklist.getByText(/^4 van \d+ signalen getoond\.$/).waitFor();
    const links = await Promise.all(
      (await rows.getByRole('link').all()).map((link) => link.getAttribute('href')),
    );
    expect(new Set(links).size).toBe(4);
    await checkPage(page, '52-signalen-meer-laden');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('keeps a case review being typed through a lapsed session, and saves it after logging in again', async () => {
    const { page, context } = await openSession(app, LAPTOP);
    await login(page, TEAMLEIDER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Caseload' }).click();
    const caseload = page.getByTestId('caseload');
    await caseload.getByRole('table').waitFor();
    await caseload.getByRole('link', { name: 'Casus 2', exact: true }).click();
    const reviews = page.getByTestId('reviews-section');
    await reviews.waitFor();
    const householdId = new URL(page.url()).pathname.split('/').pop();
    await reviews.getByRole('button', { name: 'Casusbespreking vastleggen' }).click();
    const form = page.getByRole('form', { name: 'Casusbespreking vastleggen' });
    await form.getByLabel('Deelnemers').fill('teamleider\nregisseur');
    const findings = 'Sessie verlopen tijdens het typen; niets mag verloren gaan.';
    await form.getByLabel('Bevindingen').fill(findings);

    // A reload loses the in-memory token; the refresh cookie and the session-stored draft bring both back.
    await page.reload();
    await reviews.getByRole('button', { name: 'Casusbespreking vastleggen' }).click();
    expect(await form.getByLabel('Bevindingen').inputValue()).toBe(findings);

    // Now the session lapses for real: no refresh cookie, and the save answers 401 once.
    await context.clearCookies();
    let rejected = false;
    await page.route('**/api/v1/households/*/case-reviews', async (route) => {
      if (!rejected && route.request().method() === 'POST') {
        rejected = true;
        return route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'urn:gezinsplan:problem:unauthenticated',
            title: 'Niet ingelogd',
            status: 401,
          }),
        });
      }
      return route.continue();
    });
    await form.getByRole('button', { name: 'Bespreking opslaan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Uw sessie is verlopen' });
    await dialog.waitFor();
    await checkPage(page, '53-casusbespreking-sessie-verlopen', { whileLoading: true });
    await dialog.getByLabel('Wachtwoord').fill('Gezinsplan-demo-2026');
    await dialog.getByRole('button', { name: 'Opnieuw inloggen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await announced(page, /Casusbespreking vastgelegd/);
    expect(rejected).toBe(true);
    const stored = await app.t.db.query(
      `SELECT findings FROM case_review WHERE household_id = $1 AND findings = $2`,
      [householdId, findings],
    );
    expect(stored.rows).toHaveLength(1);
    await context.close();
  });

  it('records an evaluation of the agreed version while a new concept version is being written', async () => {
    const { rows } = await app.t.db.query<{ id: string }>(
      `SELECT h.id FROM household h
         JOIN case_team_member c ON c.household_id = h.id AND c.user_id = $1 AND c.left_at IS NULL
        WHERE h.status = 'active' AND c.case_role = 'regisseur'
          AND EXISTS (SELECT 1 FROM plan_goal g WHERE g.household_id = h.id)
          AND EXISTS (SELECT 1 FROM household_member m WHERE m.household_id = h.id AND m.left_on IS NULL)
        ORDER BY h.id DESC LIMIT 1`,
      [(sanne.body.user as { id: string }).id],
    );
    const householdId = rows[0].id;
    const bearer = app.kit.bearer(sanne);
    let plan = await api().get(`/api/v1/households/${householdId}/plan`).set(bearer);
    if (plan.body.version.status === 'concept') {
      const dossier = await api().get(`/api/v1/households/${householdId}`).set(bearer);
      const adult = (dossier.body.members as { personId: string; leftOn: string | null }[]).find(
        (m) => !m.leftOn,
      )!;
      const agreed = await api()
        .post(`/api/v1/households/${householdId}/plan/vaststellen`)
        .set(bearer)
        .set('If-Match', plan.headers.etag)
        .send({ agreedOn: today(), agreedByPersonIds: [adult.personId] });
      expect(agreed.status).toBe(200);
      plan = await api().get(`/api/v1/households/${householdId}/plan`).set(bearer);
    }
    const agreedNumber = plan.body.version.number as number;
    const concept = await api()
      .patch(`/api/v1/households/${householdId}/plan`)
      .set(bearer)
      .set('If-Match', plan.headers.etag)
      .send({ ownWords: 'We schrijven een nieuwe versie, de vorige blijft gelden.' });
    expect(concept.status).toBe(200);
    expect(concept.body.version).toMatchObject({ status: 'concept', number: agreedNumber + 1 });

    const { page, problems, context } = await openSession(app, LAPTOP);
    await login(page, CONSULENT);
    await page.goto(`/huishoudens/${householdId}/plan`);
    await page
      .getByText(`U evalueert de doelen van versie ${agreedNumber}, de laatst vastgestelde versie`)
      .waitFor();
    const evaluation = page.getByTestId('plan-evaluation');
    await evaluation.getByLabel('Uitkomst').first().fill('Tijdens het nieuwe concept geëvalueerd.');
    await checkPage(page, '54-evaluatie-tijdens-concept');
    await evaluation.getByRole('button', { name: 'Evaluatie opslaan' }).click();
    await announced(page, /Evaluatie vastgelegd/);
    const stored = await app.t.db.query(
      `SELECT e.version_number FROM plan_evaluation e JOIN plan_evaluation_outcome o ON o.evaluation_id = e.id
        WHERE e.household_id = $1 AND o.outcome = 'Tijdens het nieuwe concept geëvalueerd.'`,
      [householdId],
    );
    expect(stored.rows).toEqual([{ version_number: agreedNumber }]);
    const after = await api().get(`/api/v1/households/${householdId}/plan`).set(bearer);
    expect(after.body.version).toMatchObject({ status: 'concept', number: agreedNumber + 1 });
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
