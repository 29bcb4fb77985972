import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DEMO_EMAILS, DEMO_SECOND_BEHEERDER } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS } from '@app/reference';
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

jest.setTimeout(180_000);

/**
 * Gebruikersbeheer in the browser (1024x768, axe): beheerder A asks for a consulent account (vier ogen),
 * cannot approve it; beheerder B approves and sees the one-time password once, or rejects with a reason;
 * the new consulent logs in with that password and chooses an own one.
 */
describe('web app: gebruikersbeheer with vier ogen (Chromium)', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const unique = () => randomUUID().slice(0, 8);

  /** The design system draws its own checkbox over the native one: click the label, as a person does. */
  async function toggle(page: Page, group: string, label: string) {
    await page.locator(`#user-${group}`).getByText(label, { exact: true }).click();
  }

  async function openUsers(page: Page) {
    await page.getByRole('link', { name: 'Gebruikersbeheer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gebruikersbeheer' }).waitFor();
  }

  async function changeStatus(email: string) {
    const { t, kit } = app;
    const all = [];
    for (const status of ['pending', 'approved', 'rejected', 'withdrawn']) {
      const res = kit.seen(
        await t
          .http()
          .get(`/api/v1/user-changes?status=${status}&limit=200`)
          .set(kit.bearer(await kit.secondBeheerder())),
      );
      expect(res.status).toBe(200);
      all.push(
        ...(res.body.items as {
          email: string;
          kind: string;
          status: string;
          rejectionReason: string | null;
        }[]),
      );
    }
    return all.find((c) => c.email === email);
  }

  it('A requests a consulent, B approves and sees the one-time password once, the consulent logs in', async () => {
    const email = `nieuwe.consulent.${unique()}@szmh.example`;
    const a = await openSession(app, TABLET_LANDSCAPE);
    await login(a.page, DEMO_EMAILS.functioneelBeheerder);
    await openUsers(a.page);
    await a.page.getByTestId('user-list').getByRole('row').nth(1).waitFor();
    await checkPage(a.page, 'user-admin-list');

    await a.page.getByRole('link', { name: 'Nieuwe gebruiker' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Nieuwe gebruiker' }).waitFor();
    // Checked in the browser first: nothing filled in, then an oversight role with a case role.
    await a.page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await a.page.getByText('Vul de naam in.').first().waitFor();
    await toggle(a.page, 'roles', 'Beleidsmedewerker');
    await toggle(a.page, 'roles', 'Consulent');
    await a.page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await a.page
      .getByText(/Beleidsmedewerker gaat niet samen met Consulent/)
      .first()
      .waitFor();
    await checkPage(a.page, 'user-admin-new-errors');

    await toggle(a.page, 'roles', 'Beleidsmedewerker');
    await a.page.getByLabel('Naam', { exact: true }).fill('Nieuwe Consulent');
    await a.page.getByLabel('E-mailadres', { exact: true }).fill(email);
    await a.page.getByLabel('Organisatie').selectOption({ label: 'SZMH' });
    await toggle(a.page, 'pillars', 'Wmo');
    await toggle(a.page, 'municipalityIds', 'Maastricht');
    await a.page.getByRole('heading', { name: 'Goedkeuring door een tweede beheerder' }).waitFor();
    await a.page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await a.page.getByRole('heading', { name: 'Aanvraag wacht op goedkeuring' }).waitFor();
    await announced(a.page, /wacht op goedkeuring door een tweede beheerder/);
    expect(await a.page.getByTestId('one-time-password').count()).toBe(0);
    expect((await changeStatus(email))?.status).toBe('pending');
    await checkPage(a.page, 'user-admin-pending');

    // A's own request: withdraw only, no approve or reject (the API would refuse them anyway).
    await a.page.getByRole('link', { name: 'Terug naar gebruikersbeheer' }).click();
    const ownRow = a.page.getByTestId(`change-${email}`);
    await ownRow.waitFor();
    await ownRow.getByRole('button', { name: /intrekken/ }).waitFor();
    expect(await ownRow.getByRole('button', { name: /goedkeuren/ }).count()).toBe(0);
    expect(await ownRow.getByRole('button', { name: /afwijzen/ }).count()).toBe(0);
    await a.context.close();

    // B approves: the one-time password is shown once, to B only.
    const b = await openSession(app, TABLET_LANDSCAPE);
    await login(b.page, DEMO_SECOND_BEHEERDER.email);
    await openUsers(b.page);
    const row = b.page.getByTestId(`change-${email}`);
    await row.waitFor();
    await row.getByRole('button', { name: 'Wijziging voor Nieuwe Consulent goedkeuren' }).click();
    await b.page.getByRole('dialog', { name: 'Wijziging goedkeuren?' }).waitFor();
    await b.page.getByRole('button', { name: 'Goedkeuren', exact: true }).click();
    const panel = b.page.getByTestId('one-time-password-panel');
    await panel.waitFor();
    await panel.getByText('het wordt niet opnieuw getoond').waitFor();
    const oneTimePassword = (await b.page.getByTestId('one-time-password').innerText()).trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    expect(await b.page.evaluate("document.activeElement.getAttribute('data-testid')")).toBe(
      'one-time-password-panel',
    );
    expect((await changeStatus(email))?.status).toBe('approved');
    await checkPage(b.page, 'user-admin-one-time-password');
    await b.page.getByRole('button', { name: 'Doorgegeven, verbergen' }).click();
    expect(await b.page.getByTestId('one-time-password').count()).toBe(0);
    await b.page.reload();
    await b.page.getByRole('heading', { level: 1, name: 'Gebruikersbeheer' }).waitFor();
    await b.page.getByText('Er wachten geen wijzigingen op goedkeuring.').waitFor();
    expect(await b.page.content()).not.toContain(oneTimePassword);
    expect(unexpected(b.problems)).toEqual([]);
    await b.context.close();

    // The consulent logs in with it and must choose an own password first.
    const c = await openSession(app, TABLET_LANDSCAPE);
    await c.page.goto('/inloggen');
    await c.page.getByLabel('E-mailadres').fill(email);
    await c.page.getByLabel('Wachtwoord').fill(oneTimePassword);
    await c.page.getByRole('button', { name: 'Inloggen' }).click();
    await c.page.getByRole('heading', { level: 1, name: 'Eigen wachtwoord kiezen' }).waitFor();
    await c.page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Mijn-eigen-wachtwoord-2026');
    await c.page.getByLabel('Herhaal nieuw wachtwoord').fill('Mijn-eigen-wachtwoord-2026');
    await c.page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
    await c.page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    expect(await c.page.getByRole('link', { name: 'Gebruikersbeheer' }).count()).toBe(0);
    expect(unexpected(c.problems)).toEqual([]);
    await c.context.close();
  });

  it('B rejects a request with a reason; the reason is required', async () => {
    const { t, kit } = app;
    const email = `afgewezen.${unique()}@szmh.example`;
    const requested = kit.seen(
      await t
        .http()
        .post('/api/v1/users')
        .set(kit.bearer(await kit.as('functioneelBeheerder')))
        .send({
          email,
          displayName: 'Af Te Wijzen',
          organisationId: ORGANISATION_IDS.szmh,
          roles: ['consulent'],
          municipalityIds: [MUNICIPALITY_IDS.maastricht],
        }),
    );
    expect(requested.status).toBe(202);

    const b = await openSession(app, TABLET_LANDSCAPE);
    await login(b.page, DEMO_SECOND_BEHEERDER.email);
    await openUsers(b.page);
    const row = b.page.getByTestId(`change-${email}`);
    await row.getByRole('button', { name: 'Wijziging voor Af Te Wijzen afwijzen' }).click();
    const dialog = b.page.getByRole('dialog', { name: 'Wijziging afwijzen' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    await dialog.getByText('Geef de reden van het afwijzen.').first().waitFor();
    await checkPage(b.page, 'user-admin-reject-dialog');
    await dialog.getByLabel('Reden van afwijzen').fill('Geen aanvraag van de teamleider ontvangen');
    await dialog.getByRole('button', { name: 'Afwijzen', exact: true }).click();
    await announced(b.page, /Wijziging voor Af Te Wijzen afgewezen/);
    await row.waitFor({ state: 'detached' });
    const change = await changeStatus(email);
    expect(change?.status).toBe('rejected');
    expect(change?.rejectionReason).toBe('Geen aanvraag van de teamleider ontvangen');
    expect(unexpected(b.problems)).toEqual([]);
    await b.context.close();
  });

  it('an account without case access is made at once: its one-time password shows once; no page for others', async () => {
    const email = `beleid.${unique()}@szmh.example`;
    const a = await openSession(app, TABLET_LANDSCAPE);
    await login(a.page, DEMO_EMAILS.functioneelBeheerder);
    await a.page.goto('/gebruikers/nieuw');
    await a.page.getByLabel('Naam', { exact: true }).fill('Nieuwe Beleidsmedewerker');
    await a.page.getByLabel('E-mailadres', { exact: true }).fill(email);
    await a.page.getByLabel('Organisatie').selectOption({ label: 'SZMH' });
    await toggle(a.page, 'roles', 'Beleidsmedewerker');
    await a.page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await a.page.getByTestId('one-time-password-panel').waitFor();
    expect((await a.page.getByTestId('one-time-password').innerText()).trim().length).toBeGreaterThanOrEqual(
      12,
    );
    await a.page.getByRole('button', { name: 'Doorgegeven, verbergen' }).click();
    await a.page.getByText(/wordt niet\s+opnieuw getoond; vergeten/).waitFor();

    // The same e-mail address again: the API's problem lands on the e-mail field.
    await a.page.getByRole('button', { name: 'Nog een gebruiker aanmaken' }).click();
    await a.page.getByLabel('Naam', { exact: true }).fill('Dubbel');
    await a.page.getByLabel('E-mailadres', { exact: true }).fill(email);
    await a.page.getByLabel('Organisatie').selectOption({ label: 'SZMH' });
    await toggle(a.page, 'roles', 'Beleidsmedewerker');
    await a.page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await a.page.locator('#user-email-error').waitFor();
    expect(unexpected(a.problems)).toEqual([]);
    await a.context.close();

    const consulent = await openSession(app, TABLET_LANDSCAPE);
    await login(consulent.page, DEMO_EMAILS.consulentWmo);
    expect(await consulent.page.getByRole('link', { name: 'Gebruikersbeheer' }).count()).toBe(0);
    await consulent.page.goto('/gebruikers');
    await consulent.page.getByText('Gebruikers worden beheerd door de functioneel beheerder.').waitFor();
    await consulent.context.close();
  });
  it('A edits an account, resets its password, deactivates it, and withdraws an own request', async () => {
    const { t, kit } = app;
    const email = `te.wijzigen.${unique()}@szmh.example`;
    const created = kit.seen(
      await t
        .http()
        .post('/api/v1/users')
        .set(kit.bearer(await kit.as('functioneelBeheerder')))
        .send({
          email,
          displayName: 'Te Wijzigen',
          organisationId: ORGANISATION_IDS.gemeenteMaastricht,
          roles: ['beleidsmedewerker'],
        }),
    );
    expect(created.status).toBe(201);

    const a = await openSession(app, TABLET_LANDSCAPE);
    await login(a.page, DEMO_EMAILS.functioneelBeheerder);
    await openUsers(a.page);
    await a.page.getByRole('link', { name: 'Te Wijzigen' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Gebruiker Te Wijzigen' }).waitFor();
    await checkPage(a.page, 'user-admin-edit');

    await a.page.getByLabel('Naam', { exact: true }).fill('Gewijzigde Naam');
    await a.page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Gebruiker Gewijzigde Naam' }).waitFor();
    await announced(a.page, /Wijzigingen opgeslagen/);

    // No case access: the new one-time password comes at once, after a confirmation.
    await a.page.getByRole('button', { name: 'Wachtwoord resetten' }).click();
    await a.page.getByRole('dialog', { name: 'Wachtwoord resetten?' }).waitFor();
    await a.page.getByRole('dialog').getByRole('button', { name: 'Wachtwoord resetten' }).click();
    await a.page.getByTestId('one-time-password-panel').waitFor();
    await a.page.getByRole('button', { name: 'Doorgegeven, verbergen' }).click();

    await a.page.getByRole('button', { name: 'Deactiveren' }).click();
    const confirm = a.page.getByRole('dialog', { name: 'Gebruiker deactiveren?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Deactiveren' }).click();
    await announced(a.page, /Gewijzigde Naam is gedeactiveerd/);
    await a.page.getByRole('button', { name: 'Weer activeren' }).waitFor();
    const after = kit.seen(
      await t
        .http()
        .get(`/api/v1/users/${created.body.id}`)
        .set(kit.bearer(await kit.as('functioneelBeheerder'))),
    );
    expect(after.body).toMatchObject({ displayName: 'Gewijzigde Naam', active: false });

    // A case worker's password reset waits for a second beheerder; A can only withdraw it.
    const consulent = kit
      .seen(
        await t
          .http()
          .get('/api/v1/users?role=consulent&limit=200')
          .set(kit.bearer(await kit.as('functioneelBeheerder'))),
      )
      .body.items.find((u: { email: string }) => u.email === DEMO_EMAILS.consulentWmo) as { id: string };
    await a.page.goto(`/gebruikers/${consulent.id}`);
    await a.page.getByRole('button', { name: 'Wachtwoord resetten' }).click();
    await a.page.getByRole('dialog').getByRole('button', { name: 'Wachtwoord resetten' }).click();
    await a.page.getByRole('heading', { name: 'Wacht op goedkeuring' }).waitFor();
    expect(await a.page.getByTestId('one-time-password').count()).toBe(0);
    await a.page.getByRole('link', { name: 'Terug naar gebruikersbeheer' }).click();
    const row = a.page.getByTestId(`change-${DEMO_EMAILS.consulentWmo}`);
    await row.getByRole('button', { name: /intrekken/ }).click();
    await a.page
      .getByRole('dialog', { name: 'Aanvraag intrekken?' })
      .getByRole('button', { name: 'Intrekken' })
      .click();
    await announced(a.page, /ingetrokken/);
    await row.waitFor({ state: 'detached' });
    expect((await changeStatus(DEMO_EMAILS.consulentWmo))?.status).toBe('withdrawn');

    // Granting a case role on an existing account waits for a second beheerder too.
    await a.page.goto(`/gebruikers/${consulent.id}`);
    await toggle(a.page, 'roles', 'Teamleider');
    await a.page.getByRole('heading', { name: 'Goedkeuring door een tweede beheerder' }).waitFor();
    await a.page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await a.page.getByText(/wacht op goedkeuring door een tweede functioneel beheerder/).waitFor();
    expect(await changeStatus(DEMO_EMAILS.consulentWmo)).toMatchObject({ status: 'pending', kind: 'update' });

    // One's own account: no deactivation (another beheerder does that).
    const me = kit
      .seen(
        await t
          .http()
          .get('/api/v1/users?role=functioneel-beheerder')
          .set(kit.bearer(await kit.as('functioneelBeheerder'))),
      )
      .body.items.find((u: { email: string }) => u.email === DEMO_EMAILS.functioneelBeheerder) as {
      id: string;
    };
    await a.page.goto(`/gebruikers/${me.id}`);
    await a.page.getByText('Dit is uw eigen account').waitFor();
    expect(await a.page.getByRole('button', { name: 'Deactiveren' }).count()).toBe(0);
    expect(unexpected(a.problems)).toEqual([]);
    await a.context.close();
  });
});
