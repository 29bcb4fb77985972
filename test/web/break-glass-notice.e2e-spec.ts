import { checkPage, login, openSession, startWebApp, unexpected, WebApp } from './web-kit';

jest.setTimeout(120_000);

/**
 * Break the glass (issue 12): the professional's teamleider is told, on the werkvoorraad, which team
 * member opened which dossier and why, and how the privacy officer judged it.
 */
describe('web app: the teamleider sees break the glass by a team member (Chromium)', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the grant with the team member, the reason and the review on the werkvoorraad', async () => {
    const { t, kit } = app;
    const jeugd = kit.bearer(await kit.as('consulentJeugd'));
    const { rows } = await t.db.query<{ id: string }>(
      `SELECT h.id FROM household h JOIN municipality m ON m.id = h.municipality_id
        WHERE m.name = 'Maastricht' AND h.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM case_team_member c JOIN user_account u ON u.id = c.user_id
                           WHERE c.household_id = h.id AND u.email = 'consulent.jeugd@demo.gezinsplan.nl')
        ORDER BY h.id LIMIT 10`,
    );
    let householdId = '';
    for (const { id } of rows) {
      const res = await t
        .http()
        .post(`/api/v1/households/${id}/break-glass`)
        .set(jeugd)
        .send({ category: 'crisis-buiten-kantoortijd', reason: 'Crisisdienst belde, regisseur met verlof' });
      if (res.status === 201) {
        householdId = id;
        break;
      }
    }
    expect(householdId).not.toBe('');

    const { page, problems, context } = await openSession(app);
    await login(page, 'teamleider@demo.gezinsplan.nl');
    const notices = page.getByTestId('break-glass-notices');
    await notices.getByRole('heading', { name: /Noodtoegang door uw teamleden \(1\)/ }).waitFor();
    const row = notices.getByRole('row', { name: /Luc Hermans/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(
      /Crisis buiten kantoortijd: Crisisdienst belde, regisseur met verlof/,
    );
    expect(await row.textContent()).toMatch(/Actief tot/);
    expect(await row.textContent()).toMatch(/Nog niet beoordeeld/);
    expect(await row.getByRole('link', { name: 'Huishouden openen' }).getAttribute('href')).toBe(
      `/huishoudens/${householdId}`,
    );
    await checkPage(page, '60-noodtoegang-teamleider');
    expect(unexpected(problems)).toEqual([]);
    await context.close();

    // A consulent (no team to lead) gets no such section.
    const other = await openSession(app);
    await login(other.page, 'consulent.wmo@demo.gezinsplan.nl');
    await other.page.getByRole('heading', { level: 2, name: /Mijn huishoudens/ }).waitFor();
    expect(await other.page.getByTestId('break-glass-notices').count()).toBe(0);
    await other.context.close();
  });
});
