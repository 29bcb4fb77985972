import { readFileSync } from 'node:fs';
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
 * The consulent's journey in Debian's Chromium against the real API and PostgreSQL (issue 11), as far
 * as the API goes today: log in, worklist, search (index versus full view), dossier (and break the glass),
 * create a household, record and revoke a consent, refer to KBL and have KBL accept, edit the plan with a
 * colleague (conflict shown, nothing lost), agree it and download the family PDF; plus session expiry without losing
 * work, keyboard use, a tablet layout and what a role without case access is offered. Every page is
 * checked with axe-core and photographed into test-output/screenshots.
 */
jest.setTimeout(120_000);

const CONSULENT = 'consulent.wmo@demo.gezinsplan.nl';
const KBL = 'schuldhulpverlener@demo.gezinsplan.nl';
const BELEID = 'beleidsmedewerker@demo.gezinsplan.nl';
const COLLEAGUE = 'consulent.participatie@demo.gezinsplan.nl';

/** A synthetic BSN that passes the elfproef. */
function syntheticBsn(seed: number): string {
  for (let n = seed; ; n++) {
    const digits = String(100_000_000 + (n % 800_000_000))
      .padStart(9, '0')
      .split('')
      .map(Number);
    const sum = digits.slice(0, 8).reduce((acc, d, i) => acc + d * (9 - i), 0) - digits[8];
    if (sum % 11 === 0) return digits.join('');
  }
}

describe('web app: consulent journey (Chromium)', () => {
  let app: WebApp;
  const street = `Teststraat ${Date.now() % 100000}`;
  let householdPath = '';

  beforeAll(async () => {
    app = await startWebApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves the built web app with its CSP and a fallback for deep links, not for the API', async () => {
    const page = await app.t.http().get('/huishoudens/00000000-0000-4000-8000-000000000000');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).toContain('<div id="root">');
    const api = await app.t.http().get('/api/v1/does-not-exist');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    const asset = await app.t.http().get('/assets/missing.js');
    expect(asset.status).toBe(404);
  });

  it('logs in with the keyboard only; a wrong password is explained', async () => {
    const { page, problems, context } = await openSession(app);
    await page.goto('/');
    await page.waitForURL('**/inloggen');
    await checkPage(page, '01-inloggen');

    // The skip link is the first stop and leads to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Direct naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');

    await page.getByLabel('E-mailadres').fill(CONSULENT);
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: /wachtwoord/i })
      .waitFor();
    await checkPage(page, '02-inloggen-fout');

    await page.getByLabel('Wachtwoord').fill('Gezinsplan-demo-2026');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('worklist, search with index and full rows, and both kinds of dossier', async () => {
    const { page, problems, context } = await openSession(app);
    await login(page, CONSULENT);
    await page.getByRole('heading', { name: /Mijn huishoudens \(\d+\)/ }).waitFor();
    await checkPage(page, '03-werkvoorraad');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Huishouden zoeken' }).waitFor();
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('heading', { name: /Resultaten \(\d+\)/ }).waitFor();
    const indexRows = page.locator('tr[data-access="index"]');
    const fullRows = page.locator('tr[data-access="full"]');
    expect(await indexRows.count()).toBeGreaterThan(0);
    expect(await fullRows.count()).toBeGreaterThan(0);
    expect(await indexRows.first().textContent()).toContain('Alleen verwijsindex');
    expect(await fullRows.first().textContent()).toContain('Volledig dossier');
    await announced(page, /huishoudens gevonden/);
    await checkPage(page, '04-zoeken-resultaten');

    // An index row: address, pillars and whom to call, no case content.
    await indexRows.first().getByRole('link').click();
    await page.getByTestId('index-notice').waitFor();
    expect(await page.getByTestId('index-notice').textContent()).toContain('Bel de regisseur');
    expect(await page.getByTestId('members-section').count()).toBe(0);
    expect(await page.getByRole('link', { name: /Verwijzen/ }).count()).toBe(0);
    await checkPage(page, '05-dossier-index');

    // Break the glass on it: a reason, then 24 hours of flagged access to the dossier.
    await page.getByRole('button', { name: 'Noodtoegang aanvragen…' }).click();
    const glass = page.getByRole('dialog', { name: 'Noodtoegang tot dit dossier' });
    await glass.getByLabel('Aanleiding').selectOption('regisseur-onbereikbaar');
    await glass.getByLabel('Reden').fill('Melding huiselijk geweld, regisseur vandaag niet bereikbaar.');
    await checkPage(page, '05b-noodtoegang');
    await glass.getByRole('button', { name: 'Noodtoegang openen' }).click();
    await page.getByTestId('members-section').waitFor();
    expect(await page.getByText('Noodtoegang', { exact: true }).count()).toBe(1);
    // Break-glass access reads, it does not make the reader a case-team member who may change the case.
    expect(await page.getByRole('link', { name: /Verwijzen/ }).count()).toBe(0);

    // Back to the results (kept in memory), then a household the consulent works on.
    await page.goBack();
    await page.getByRole('heading', { name: /Resultaten \(\d+\)/ }).waitFor();
    await fullRows.first().getByRole('link').click();
    await page.getByTestId('members-section').waitFor();
    await page.getByTestId('caseteam-section').waitFor();
    await page.getByTestId('consents-section').waitFor();
    await checkPage(page, '06-dossier-volledig');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('creates a household: field errors next to the fields, then the new dossier', async () => {
    const { page, problems, context } = await openSession(app);
    await login(page, CONSULENT);
    await page.getByRole('link', { name: 'Nieuw huishouden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw huishouden' }).waitFor();

    // Client-side check first: nothing filled in.
    await page.getByRole('button', { name: 'Huishouden aanmaken' }).click();
    await page.getByText('Verbeter de fouten voordat u verdergaat').waitFor();
    expect(await page.locator('#household-street-error').textContent()).toContain('Vul de straat in');
    await checkPage(page, '07-nieuw-huishouden-fouten');

    await page.getByLabel('Straat').fill(street);
    await page.getByLabel('Huisnummer').fill('12a');
    await page.getByLabel('Postcode').fill('6221 AB');
    await page.getByLabel('Plaats').fill('Maastricht');
    const member = page.getByRole('group', { name: 'Gezinslid 1' });
    // A BSN that is already registered: the API's 409 lands next to the BSN field.
    const taken = await app.t.db.query<{ bsn: string }>('SELECT bsn FROM person LIMIT 1');
    await member.getByLabel('BSN').fill(taken.rows[0].bsn);
    await member.getByLabel('Voornamen').fill('Anna Maria');
    await member.getByLabel('Achternaam').fill('Dijk');
    await member.getByLabel('Geboortedatum').fill('1985-04-12');
    await page.getByRole('button', { name: 'Huishouden aanmaken' }).click();
    await page.locator('#household-members-0-bsn-error').waitFor();
    expect(await page.locator('#household-members-0-bsn-error').textContent()).toContain('al geregistreerd');

    await member.getByLabel('BSN').fill(syntheticBsn(Date.now() % 700_000_000));
    await page.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    const child = page.getByRole('group', { name: 'Gezinslid 2' });
    await child.getByLabel('BSN').fill(syntheticBsn((Date.now() + 7_777) % 700_000_000));
    await child.getByLabel('Voornamen').fill('Sem');
    await child.getByLabel('Achternaam').fill('Dijk');
    await child.getByLabel('Geboortedatum').fill('2016-06-11');
    await page.getByRole('button', { name: 'Huishouden aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`${street} 12a`) }).waitFor();
    householdPath = new URL(page.url()).pathname;
    await page.getByTestId('members-section').getByText('Anna Maria Dijk').waitFor();
    expect(await page.getByTestId('caseteam-section').textContent()).toContain('Regisseur');
    await checkPage(page, '08-dossier-nieuw-huishouden');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('records a consent and revokes it only after confirmation', async () => {
    const { page, problems, context } = await openSession(app);
    await login(page, CONSULENT);
    await page.goto(householdPath);
    const consents = page.getByTestId('consents-section');
    await consents.waitFor();
    await consents.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await consents.getByLabel('Gezinslid').selectOption({ label: 'Anna Maria Dijk' });
    await consents.getByLabel('Organisatie').selectOption({ label: 'Kredietbank Limburg' });
    await consents.getByLabel('Waarvoor').selectOption({ label: 'Het hele gezinsplan' });
    await consents.getByRole('button', { name: 'Toestemming opslaan' }).click();
    const revoke = consents.getByRole('button', {
      name: /Intrekken: Het hele gezinsplan voor Kredietbank Limburg/,
    });
    await revoke.waitFor();

    // Cancelling changes nothing.
    await revoke.click();
    const dialog = page.getByRole('dialog', { name: 'Toestemming intrekken?' });
    await dialog.waitFor();
    await checkPage(page, '09-toestemming-intrekken-bevestigen');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await consents.textContent()).toContain('Geldig');

    await revoke.click();
    await dialog.getByRole('button', { name: 'Ja, trek de toestemming in' }).click();
    await consents.getByText(/^Ingetrokken /).waitFor();
    expect(await consents.getByRole('button', { name: /Intrekken:/ }).count()).toBe(0);
    await checkPage(page, '10-toestemming-ingetrokken');
    const { rows } = await app.t.db.query('SELECT revoked_on FROM consent WHERE revoked_on IS NOT NULL');
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('refers the household to KBL, and KBL accepts it from its incoming referrals', async () => {
    const consulent = await openSession(app);
    await login(consulent.page, CONSULENT);
    await consulent.page.goto(householdPath);
    await consulent.page.getByRole('link', { name: 'Verwijzen naar een andere organisatie' }).click();
    await consulent.page
      .getByRole('heading', { level: 1, name: 'Verwijzen naar een andere organisatie' })
      .waitFor();
    await consulent.page.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await consulent.page.locator('#referral-reason-error').waitFor();
    await checkPage(consulent.page, '11-verwijzen-fouten');
    await consulent.page.getByLabel('Naar organisatie').selectOption({ label: 'Kredietbank Limburg' });
    await consulent.page
      .getByLabel('Reden van de verwijzing')
      .fill('Schulden boven de 10.000 euro; aanmelding schuldhulpverlening.');
    await consulent.page.getByRole('button', { name: 'Verwijzing versturen' }).click();
    const referrals = consulent.page.getByTestId('referrals-section');
    await referrals.getByText('Schulden boven de 10.000 euro').waitFor();
    expect(await referrals.textContent()).toContain('Open');
    await checkPage(consulent.page, '12-dossier-met-verwijzing');
    expect(unexpected(consulent.problems)).toEqual([]);
    await consulent.context.close();

    const kbl = await openSession(app);
    await login(kbl.page, KBL);
    await kbl.page.getByRole('link', { name: 'Verwijzingen', exact: true }).click();
    const table = kbl.page.getByTestId('incoming-referrals');
    await table.waitFor();
    await checkPage(kbl.page, '13-verwijzingen-inkomend');
    await table.getByRole('button', { name: new RegExp(`Accepteren: ${street}`) }).click();
    const dialog = kbl.page.getByRole('dialog');
    await dialog.getByLabel('Uw pijler in deze casus').selectOption('SHV');
    await checkPage(kbl.page, '14-verwijzing-accepteren');
    await dialog.getByRole('button', { name: 'Accepteren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await announced(kbl.page, /geaccepteerd/);
    // KBL is now on the case team and sees the dossier.
    await kbl.page.goto(householdPath);
    await kbl.page
      .getByTestId('caseteam-section')
      .getByRole('cell', { name: /Tom Habets/ })
      .waitFor();
    expect(unexpected(kbl.problems)).toEqual([]);
    await kbl.context.close();
  });

  it('edits the plan with a colleague: the conflict is shown, nothing is lost; agree a version; family PDF', async () => {
    // Ilse (consulent Participatie) joins the case team, so two people work on the plan at once.
    const sanneApi = await app.kit.login(CONSULENT);
    const ilseApi = await app.kit.login(COLLEAGUE);
    const householdId = householdPath.split('/').pop();
    const joined = await app.t
      .http()
      .post(`/api/v1/households/${householdId}/case-team`)
      .set(app.kit.bearer(sanneApi))
      .send({
        userId: (ilseApi.body.user as { id: string }).id,
        caseRole: 'contributor',
        pillar: 'PARTICIPATIE',
      });
    expect(joined.status).toBe(201);

    const sanne = await openSession(app);
    await login(sanne.page, CONSULENT);
    await sanne.page.goto(householdPath);
    await sanne.page.getByRole('link', { name: 'Gezinsplan opstellen' }).click();
    await sanne.page.getByRole('heading', { level: 1, name: /Gezinsplan/ }).waitFor();
    const words = sanne.page.getByLabel('In de woorden van het gezin');
    await words.fill('Wij willen rust over geld.');
    await sanne.page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await announced(sanne.page, /opgeslagen/);

    // Ilse opens the same plan and saves her change first.
    const ilse = await openSession(app);
    await login(ilse.page, COLLEAGUE);
    await ilse.page.goto(`${householdPath}/plan`);
    const ilseWords = ilse.page.getByLabel('In de woorden van het gezin');
    expect(await ilseWords.inputValue()).toBe('Wij willen rust over geld.');
    await ilseWords.fill('Wij willen rust over geld en werk voor mama.');

    await words.fill('Wij willen rust over geld en dat Sem graag naar school gaat.');
    await ilse.page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await announced(ilse.page, /opgeslagen/);

    // Sanne saves on the revision she read: 412, both texts shown, hers kept.
    await sanne.page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await sanne.page.getByTestId('plan-conflict').waitFor();
    expect(await sanne.page.getByTestId('plan-words-theirs').textContent()).toContain('werk voor mama');
    expect(await sanne.page.getByLabel('Uw tekst').inputValue()).toBe(
      'Wij willen rust over geld en dat Sem graag naar school gaat.',
    );
    await checkPage(sanne.page, '15a-plan-conflict');
    await sanne.page
      .getByLabel('Uw tekst')
      .fill('Wij willen rust over geld, werk voor mama en dat Sem graag naar school gaat.');
    await sanne.page.getByRole('button', { name: 'Mijn tekst opslaan' }).click();
    await announced(sanne.page, /opgeslagen/);
    await sanne.page.getByTestId('plan-conflict').waitFor({ state: 'detached' });

    // A goal, then agree the version with the family (after confirmation) and download its PDF.
    const goal = sanne.page.getByRole('form', { name: 'Doel toevoegen' });
    await goal.getByLabel('Leefgebied').selectOption('financien');
    await goal.getByLabel('Doel').fill('Over een jaar geen achterstand meer bij de energieleverancier');
    await goal.getByLabel('Eigenaar').selectOption({ label: 'Anna Maria Dijk (gezinslid)' });
    await goal.getByLabel('Streefdatum').fill(`${new Date().getFullYear() + 1}-06-01`);
    await goal.getByRole('button', { name: 'Doel toevoegen' }).click();
    await sanne.page.getByTestId('plan-goals').getByText('Over een jaar geen achterstand').waitFor();
    const agree = sanne.page.getByTestId('plan-agree');
    // The design system draws its own checkbox over the native one: click the label, as a person does.
    await agree.getByText('Anna Maria Dijk').click();
    expect(await agree.getByRole('checkbox', { name: 'Anna Maria Dijk' }).isChecked()).toBe(true);
    await agree.getByRole('button', { name: 'Vaststellen…' }).click();
    const dialog = sanne.page.getByRole('dialog', { name: /vaststellen\?/ });
    await dialog.getByRole('button', { name: 'Ja, stel het plan vast' }).click();
    await announced(sanne.page, /vastgesteld/);
    await checkPage(sanne.page, '15b-plan-vastgesteld');
    const [download] = await Promise.all([
      sanne.page.waitForEvent('download'),
      sanne.page.getByRole('button', { name: 'PDF van versie 1' }).click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(unexpected(sanne.problems)).toEqual([]);
    await sanne.context.close();
    await ilse.context.close();
  });

  it('keeps typed work through a lapsed session: re-login dialog, then the request is retried', async () => {
    const { page, context } = await openSession(app);
    await login(page, CONSULENT);
    await page.getByRole('link', { name: 'Nieuw huishouden' }).click();
    await page.getByLabel('Straat').fill('Concepthof');
    // A reload loses the in-memory token; the refresh cookie and the session-stored draft bring both back.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Nieuw huishouden' }).waitFor();
    expect(await page.getByLabel('Straat').inputValue()).toBe('Concepthof');

    // Now the session lapses for real: no refresh cookie, and the next API call answers 401.
    await page.getByRole('link', { name: 'Zoeken' }).click();
    await page.getByLabel('Straat').fill('Akerstraat');
    await context.clearCookies();
    let rejected = false;
    await page.route('**/api/v1/households/search', async (route) => {
      if (!rejected) {
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
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Uw sessie is verlopen' });
    await dialog.waitFor();
    // The interrupted search is still pending behind the dialog, so its loading message stays.
    await checkPage(page, '15-sessie-verlopen', { whileLoading: true });
    await dialog.getByLabel('Wachtwoord').fill('Gezinsplan-demo-2026');
    await dialog.getByRole('button', { name: 'Opnieuw inloggen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: /Resultaten \(\d+\)/ }).waitFor();
    expect(rejected).toBe(true);
    expect(await page.getByLabel('Straat').inputValue()).toBe('Akerstraat');
    await context.close();
  });

  it('works on a tablet', async () => {
    const { page, problems, context } = await openSession(app, TABLET);
    await login(page, CONSULENT);
    await checkPage(page, '16-tablet-werkvoorraad');
    await page.goto(householdPath);
    await page.getByTestId('members-section').waitFor();
    await checkPage(page, '17-tablet-dossier');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('offers a role without case access no search, no household and no dossier actions', async () => {
    const { page, context } = await openSession(app, LAPTOP);
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill(BELEID);
    await page.getByLabel('Wachtwoord').fill('Gezinsplan-demo-2026');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link', { name: 'Zoeken' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Nieuw huishouden' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Verwijzingen' }).count()).toBe(0);
    await checkPage(page, '18-beleidsmedewerker');
    await context.close();
  });
});
