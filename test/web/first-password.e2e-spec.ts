import { randomUUID } from 'node:crypto';
import { MUNICIPALITY_IDS, ORGANISATION_IDS } from '@app/reference';
import { checkPage, LAPTOP, openSession, startWebApp, unexpected, WebApp } from './web-kit';

jest.setTimeout(120_000);

/**
 * A new consulent logs in with the one-time password the second functioneel beheerder handed over
 * (vier ogen) and must choose their own password before the werkvoorraad opens (Chromium, axe).
 */
describe('web app: first login with a one-time password (Chromium)', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function newConsulent() {
    const { t, kit } = app;
    const email = `eerste.login.${randomUUID().slice(0, 8)}@szmh.example`;
    const requested = kit.seen(
      await t
        .http()
        .post('/api/v1/users')
        .set(kit.bearer(await kit.as('functioneelBeheerder')))
        .send({
          email,
          displayName: 'Eerste Login',
          organisationId: ORGANISATION_IDS.szmh,
          roles: ['consulent'],
          pillars: ['WMO'],
          municipalityIds: [MUNICIPALITY_IDS.maastricht],
        }),
    );
    expect(requested.status).toBe(202);
    const approved = kit.seen(
      await t
        .http()
        .post(`/api/v1/user-changes/${requested.body.id}/approve`)
        .set(kit.bearer(await kit.secondBeheerder())),
    );
    expect(approved.status).toBe(200);
    return { email, oneTimePassword: approved.body.oneTimePassword as string };
  }

  it('asks for an own password after a login with a one-time password, then opens the werkvoorraad', async () => {
    const { email, oneTimePassword } = await newConsulent();
    const { page, problems, context } = await openSession(app, LAPTOP);
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(oneTimePassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eigen wachtwoord kiezen' }).waitFor();
    await checkPage(page, 'first-password-form');

    // Checked in the browser first: too short, and the repeat differs.
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
    await page.getByLabel('Herhaal nieuw wachtwoord').fill('anders');
    await page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await page.getByText('Kies een wachtwoord van minstens 12 tekens.').first().waitFor();
    await page.getByText('De wachtwoorden zijn niet gelijk.').first().waitFor();
    await checkPage(page, 'first-password-errors');

    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Mijn-eigen-wachtwoord-2026');
    await page.getByLabel('Herhaal nieuw wachtwoord').fill('Mijn-eigen-wachtwoord-2026');
    await page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();

    const login = await app.t
      .http()
      .post('/api/v1/auth/login')
      .send({ email, password: 'Mijn-eigen-wachtwoord-2026' });
    expect(login.status).toBe(200);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
