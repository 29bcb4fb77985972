import { RequestContext } from '@app/core';
import { DemoOutreachSeeder } from '@app/outreach';
import { nextBsn } from '../households/household-kit';
import { csv, csvLine } from '../outreach/outreach-kit';
import {
  announced,
  checkPage,
  login,
  openSession,
  startWebApp,
  TABLET_LANDSCAPE,
  unexpected,
  WebApp,
} from './web-kit';

/**
 * The financial coach's journey (issue 11, journey 2) on a tablet held landscape, with touch: log an
 * anonymous spreekuur contact in a few taps, link a contact to a household (with its legal basis and a
 * referral to KBL), work a vroegsignalering signal (attempts, outcome) and upload a signals CSV with a
 * progress indicator and a report per line. Real API and PostgreSQL; axe on every page; screenshots.
 */
jest.setTimeout(120_000);

const COACH = 'financial.coach@demo.gezinsplan.nl';
const todayInDutch = () =>
  new Date().toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });

describe('web app: financial coach journey on a tablet (Chromium)', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp();
    await app.t.app.get(RequestContext).run(() => app.t.app.get(DemoOutreachSeeder).seed());
  });

  afterAll(async () => {
    await app?.close();
  });

  const countContacts = async (where: string) =>
    (await app.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM spreekuur_contact WHERE ${where}`))
      .rows[0].n;

  it('logs an anonymous contact in a few taps: location and time are filled in', async () => {
    const { page, problems, context } = await openSession(app, TABLET_LANDSCAPE, { touch: true });
    await login(page, COACH);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Spreekuur' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Spreekuur' }).waitFor();
    await page.getByTestId('recent-contacts').getByRole('table').waitFor();
    const location = page.getByLabel('Locatie');
    expect(await location.locator('option:checked').textContent()).toBe(
      'Wijkservicepunt Nazareth (mijn vaste locatie)',
    );
    expect(await page.getByLabel('Tijdstip').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await checkPage(page, '20-coach-spreekuur');

    // Nothing chosen: the summary names the topics; nothing is stored.
    const anonymousBefore = await countContacts('household_id IS NULL');
    await page.getByRole('button', { name: 'Contact vastleggen' }).tap();
    await page.getByText('Verbeter de fouten voordat u verdergaat').waitFor();
    expect(await page.locator('#contact-topics-error').textContent()).toContain(
      'Kies minstens één onderwerp',
    );
    await checkPage(page, '21-coach-spreekuur-fout');

    // Two taps: a topic, then save.
    await page.getByText('Schulden', { exact: true }).tap();
    await page.getByRole('button', { name: 'Contact vastleggen' }).tap();
    await announced(page, /Anoniem contact vastgelegd/);
    expect(await countContacts('household_id IS NULL')).toBe(anonymousBefore + 1);
    // The form is fresh for the next visitor, and the contact heads the list.
    expect(await page.getByRole('checkbox', { name: 'Schulden' }).isChecked()).toBe(false);
    await page
      .getByTestId('recent-contacts')
      .getByRole('row')
      .nth(1)
      .filter({ hasText: new RegExp(`^${todayInDutch()} .*Schulden.*Anoniem`) })
      .waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('links a contact to a household on the public-task basis and refers it to KBL', async () => {
    const { rows } = await app.t.db.query<{ id: string; postcode: string; house_number: string }>(
      `SELECT h.id, h.postcode, h.house_number FROM household h
         JOIN municipality m ON m.id = h.municipality_id
        WHERE m.name = 'Maastricht' AND h.status = 'active' AND h.house_number IS NOT NULL
          AND (SELECT count(*) FROM household o WHERE o.postcode = h.postcode AND o.house_number = h.house_number) = 1
        ORDER BY h.postcode LIMIT 1`,
    );
    const household = rows[0];
    const { page, problems, context } = await openSession(app, TABLET_LANDSCAPE, { touch: true });
    await login(page, COACH);
    await page.goto('/spreekuur');
    await page.getByText('Budget en rondkomen', { exact: true }).tap();
    await page.getByText('Koppelen aan een huishouden (niet anoniem)').tap();
    await page.getByLabel('Postcode').fill(household.postcode);
    await page.getByLabel('Huisnummer').fill(household.house_number);
    await page.getByRole('button', { name: 'Huishouden zoeken' }).tap();
    await page
      .getByRole('button', { name: /^Koppelen aan / })
      .first()
      .tap();
    await page.getByTestId('picked-household').waitFor();
    expect(await page.getByLabel('Grondslag voor het koppelen').inputValue()).toBe('publieke-taak');
    await page.getByLabel('Verwezen naar').selectOption('kbl');
    await checkPage(page, '22-coach-contact-koppelen');
    await page.getByRole('button', { name: 'Contact vastleggen' }).tap();
    await announced(page, /Contact vastgelegd en gekoppeld/);

    const stored = await app.t.db.query<{ basis: string; referral_to: string; referral_id: string | null }>(
      `SELECT basis, referral_to, referral_id FROM spreekuur_contact WHERE household_id = $1
        ORDER BY created_at DESC LIMIT 1`,
      [household.id],
    );
    expect(stored.rows[0]).toMatchObject({ basis: 'publieke-taak', referral_to: 'kbl' });
    // A linked visitor referred to KBL is a real referral in the household's dossier.
    expect(stored.rows[0].referral_id).not.toBeNull();
    // The list is reloaded: the linked contact is in it.
    await page
      .getByTestId('recent-contacts')
      .getByRole('row')
      .filter({ hasText: 'Budget en rondkomen' })
      .filter({ hasText: 'Gekoppeld' })
      .waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('works a signal from the worklist: attempts first, "geen contact" only after two', async () => {
    const { page, problems, context } = await openSession(app, TABLET_LANDSCAPE, { touch: true });
    await login(page, COACH);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).tap();
    const worklist = page.getByTestId('signal-worklist');
    await worklist.getByRole('table').waitFor();
    // Highest priority first.
    const priorities = await worklist.locator('tbody tr td:nth-child(2) .ams-badge').allTextContents();
    const rank = { hoog: 3, verhoogd: 2, normaal: 1 } as Record<string, number>;
    const ranks = priorities.map((p) => rank[p.trim()]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    await checkPage(page, '23-coach-signalen');

    await worklist.locator('tbody tr').first().getByRole('link').tap();
    await page.getByRole('heading', { name: 'Uitkomst vastleggen' }).waitFor();
    const signalId = new URL(page.url()).pathname.split('/').pop();
    const outcome = page.getByLabel('Uitkomst', { exact: true });
    expect(await outcome.locator('option', { hasText: 'Geen contact' }).count()).toBe(0);
    await checkPage(page, '24-coach-signaal');

    for (const kind of ['telefoon', 'brief']) {
      const before = await page.getByTestId('signal-attempts').locator('tbody tr').count();
      await page.getByLabel('Hoe').selectOption(kind);
      await page.getByRole('button', { name: 'Poging vastleggen' }).tap();
      await announced(page, /Contactpoging vastgelegd/);
      await page.getByTestId('signal-attempts').locator('tbody tr').nth(before).waitFor();
    }
    await outcome.selectOption('geen_contact');
    await page.getByRole('button', { name: 'Uitkomst opslaan' }).tap();
    await page.getByTestId('signal-outcome').filter({ hasText: 'Geen contact op' }).waitFor();
    const { rows } = await app.t.db.query<{ outcome: string; attempts: number }>(
      `SELECT outcome, (SELECT count(*)::int FROM arrears_signal_attempt a WHERE a.signal_id = s.id) AS attempts
         FROM arrears_signal s WHERE id = $1`,
      [signalId],
    );
    expect(rows[0]).toEqual({ outcome: 'geen_contact', attempts: 2 });
    await checkPage(page, '25-coach-signaal-afgehandeld');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('uploads a signals CSV with a progress indicator and reads the report per line', async () => {
    const { page, problems, context } = await openSession(app, TABLET_LANDSCAPE, { touch: true });
    await login(page, COACH);
    await page.goto('/signalen');
    await page.getByTestId('signal-worklist').getByRole('table').waitFor();
    const creditor = `Woonpunt Test ${Date.now() % 100000}`;
    const bsn = nextBsn();
    const file = csv(
      csvLine({ bsn, creditor, postcode: '6221 AB', houseNumber: 7 }),
      csvLine({ bsn, creditor, postcode: '6221 AB', houseNumber: 7 }),
      csvLine({ bsn: '123456789', creditor }),
    );
    const signalsBefore = (
      await app.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM arrears_signal')
    ).rows[0].n;

    // Without a file: the field says so, nothing is sent.
    await page.getByRole('button', { name: 'Bestand inlezen' }).tap();
    expect(await page.locator('#signals-file-error').textContent()).toContain('Kies een CSV-bestand');

    // The answer is held back a moment so the progress indicator can be seen.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/outreach/signals/imports', async (route) => {
      await held;
      await route.continue();
    });
    await page
      .getByLabel('CSV-bestand met signalen')
      .setInputFiles({ name: 'signalen.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
    await page.getByRole('button', { name: 'Bestand inlezen' }).tap();
    await page.getByTestId('upload-progress').waitFor();
    expect(await page.getByRole('button', { name: 'Bezig met inlezen…' }).isDisabled()).toBe(true);
    await checkPage(page, '26-coach-signalen-uploaden', { whileLoading: true });
    release();

    const report = page.getByTestId('import-report');
    await report.waitFor();
    await announced(page, /1 opgenomen, 1 dubbel, 1 afgekeurd/);
    expect(await report.locator('tr[data-status="accepted"]').count()).toBe(1);
    expect(await report.locator('tr[data-status="duplicate"]').count()).toBe(1);
    const invalid = report.locator('tr[data-status="invalid"]');
    expect(await invalid.textContent()).toContain('bsn');
    expect(await invalid.textContent()).not.toContain('123456789');
    await checkPage(page, '27-coach-signalen-verslag');
    const signalsAfter = (
      await app.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM arrears_signal')
    ).rows[0].n;
    expect(signalsAfter).toBe(signalsBefore + 1);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
