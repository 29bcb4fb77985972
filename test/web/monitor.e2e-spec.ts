import { RequestContext } from '@app/core';
import { DemoIndicationsSeeder } from '@app/indications';
import { DemoOutreachSeeder } from '@app/outreach';
import { checkPage, LAPTOP, login, openSession, startWebApp, TABLET, unexpected, WebApp } from './web-kit';

/**
 * The monitor page (issue 10) for a beleidsmedewerker and a teamleider: period, charts with a data
 * table beside each, suppressed figures shown as "<10" or "x", the CSV download, and no access for a
 * consulent. Real API and PostgreSQL with the demo data; axe on every state; screenshots.
 */
jest.setTimeout(120_000);

const BELEID = 'beleidsmedewerker@demo.gezinsplan.nl';
const TEAMLEIDER = 'teamleider@demo.gezinsplan.nl';
const CONSULENT = 'consulent.wmo@demo.gezinsplan.nl';

describe('web app: monitor (Chromium)', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp();
    await app.t.app.get(RequestContext).run(async () => {
      await app.t.app.get(DemoIndicationsSeeder).seed();
      await app.t.app.get(DemoOutreachSeeder).seed();
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows a beleidsmedewerker every table with a chart and suppressed cells as "<10"', async () => {
    const { page, problems, context } = await openSession(app, LAPTOP);
    await login(page, BELEID);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Monitor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Monitor sociaal domein' }).waitFor();
    // A period that holds the demo data.
    await page.getByLabel('Van', { exact: true }).fill('2025-07-01');
    await page.getByLabel('Tot en met', { exact: true }).fill('2026-06-30');
    await page.getByRole('button', { name: 'Toon monitor' }).click();
    const report = page.getByTestId('monitor-report');
    await report.waitFor();
    await page.getByTestId('monitor-bezwaren').waitFor();
    for (const heading of [
      'Unieke cliënten en huishoudens per pijler',
      'Unieke cliënten per leeftijdsklasse',
      'Ontwikkeling per kwartaal: unieke cliënten per pijler',
      'Uitkomst van bezwaren per pijler',
      'Schuldhulptrajecten naar soort',
      'Schuldhulpverlening: uitval per fase',
      'Bezoekers spreekuur per wijkservicepunt per maand',
      'Vroegsignalen per wijk en soort schuldeiser',
      'Maatwerkbudget betaald per vervangen regeling',
    ])
      expect(await report.getByRole('heading', { level: 2, name: heading }).count()).toBe(1);
    // Every table has its figures as a real table; the charts are figures with a caption.
    expect(await report.getByRole('table').count()).toBeGreaterThanOrEqual(15);
    expect(await report.locator('figure.gp-chart').count()).toBeGreaterThanOrEqual(10);
    // Suppressed cells read "<10" on screen and "minder dan 10" to a screen reader, never a number under 10.
    const cells = await report.getByRole('cell').allTextContents();
    expect(cells.some((c) => c.includes('<10'))).toBe(true);
    expect(await report.getByText('minder dan 10').first().isHidden()).toBe(false);
    await checkPage(page, '70-monitor-beleidsmedewerker');

    // Weekly spreekuur figures and the CSV download.
    await page.getByLabel('Spreekuurbezoek per').selectOption('week');
    await page.getByRole('button', { name: 'Toon monitor' }).click();
    await page
      .getByRole('heading', { level: 2, name: 'Bezoekers spreekuur per wijkservicepunt per week' })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Thema’s als CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('monitor-themas-2025-07-01-2026-06-30.csv');
    await checkPage(page, '71-monitor-per-week');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('shows a teamleider the monitor on a tablet; an invalid period is named', async () => {
    const { page, problems, context } = await openSession(app, TABLET);
    await login(page, TEAMLEIDER);
    await page.goto('/monitor');
    await page.getByTestId('monitor-report').waitFor();
    await page.getByLabel('Van', { exact: true }).fill('2026-05-01');
    await page.getByLabel('Tot en met', { exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Toon monitor' }).click();
    await page.getByRole('alert').first().waitFor();
    await checkPage(page, '72-monitor-teamleider-fout');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('offers a consulent no monitor', async () => {
    const { page, context } = await openSession(app, LAPTOP);
    await login(page, CONSULENT);
    expect(
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Monitor' })
        .count(),
    ).toBe(0);
    await page.goto('/monitor');
    await page.getByText('De monitor is er voor beleidsmedewerkers en teamleiders.').waitFor();
    await checkPage(page, '73-monitor-consulent');
    await context.close();
  });
});
