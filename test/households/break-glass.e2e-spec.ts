import { Clock, FixedClock } from '@app/core';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { createHousehold } from './household-kit';

describe('households: break the glass (DESIGN.md rule 8)', () => {
  const clock = new FixedClock(new Date('2026-11-20T22:00:00Z'));
  let t: TestApp;
  let kit: IdentityKit;
  let householdId: string;

  beforeAll(async () => {
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    householdId = (await createHousehold(t, kit, await kit.as('consulentWmo'))).household.id;
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  const dossier = async (as: Parameters<IdentityKit['as']>[0]) =>
    (
      await t
        .http()
        .get(`/api/v1/households/${householdId}`)
        .set(kit.bearer(await kit.as(as)))
    ).body;
  const open = async (as: Parameters<IdentityKit['as']>[0], body: object) =>
    kit.seen(
      await t
        .http()
        .post(`/api/v1/households/${householdId}/break-glass`)
        .set(kit.bearer(await kit.as(as)))
        .send(body),
    );

  it('refuses without a real reason', async () => {
    const res = await open('consulentJeugd', { category: 'acute-veiligheid', reason: 'nood' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
  });

  it('opens the dossier for 24 hours, flagged, and logs the reason', async () => {
    expect((await dossier('consulentJeugd')).access).toBe('index');
    const res = await open('consulentJeugd', {
      category: 'crisis-buiten-kantoortijd',
      reason: 'Melding crisisdienst, regisseur niet bereikbaar',
    });
    expect(res.status).toBe(201);
    const during = await dossier('consulentJeugd');
    expect(during).toMatchObject({ access: 'full', breakGlass: true });
    const { rows } = await t.db.query(
      `SELECT reason FROM access_audit WHERE processing_activity_id = 'access.break-the-glass' AND household_id = $1`,
      [householdId],
    );
    expect(rows[0].reason).toContain('regisseur niet bereikbaar');
    const flagged = await t.db.query(
      `SELECT count(*)::int AS n FROM access_audit
       WHERE processing_activity_id = 'households.dossier.read' AND household_id = $1 AND reason LIKE 'noodtoegang%'`,
      [householdId],
    );
    expect(flagged.rows[0].n).toBe(1);
    clock.set(new Date('2026-11-21T22:00:01Z'));
    expect((await dossier('consulentJeugd')).access).toBe('index');
  });

  it('does not let a grant write', async () => {
    clock.set(new Date('2026-11-22T09:00:00Z'));
    await open('consulentParticipatie', {
      category: 'regisseur-onbereikbaar',
      reason: 'Spoedaanvraag, regisseur met verlof',
    });
    const res = await t
      .http()
      .patch(`/api/v1/households/${householdId}`)
      .set(kit.bearer(await kit.as('consulentParticipatie')))
      .send({ cohort50: false });
    expect(res.status).toBe(403);
  });

  it('is not needed (409) by someone already on the case', async () => {
    expect(
      (await open('consulentWmo', { category: 'acute-veiligheid', reason: 'Ik zit al op deze casus' }))
        .status,
    ).toBe(409);
  });

  it('shows the grants to the privacy officer to review, and to the teamleider of the professional', async () => {
    const fg = await kit.as('privacyOfficer');
    const pending = await t.http().get('/api/v1/break-glass/grants?status=pending').set(kit.bearer(fg));
    expect(pending.status).toBe(200);
    expect(pending.body).toHaveLength(2);
    const jeugd = pending.body.find((g: { userName: string }) => g.userName === 'Luc Hermans');
    const reviewed = await t
      .http()
      .post(`/api/v1/break-glass/grants/${jeugd.id}/review`)
      .set(kit.bearer(fg))
      .send({ outcome: 'accepted' });
    expect(reviewed.body.reviewStatus).toBe('accepted');
    const leader = await t
      .http()
      .get('/api/v1/break-glass/grants')
      .set(kit.bearer(await kit.as('teamleider')));
    expect(leader.body.map((g: { userName: string }) => g.userName)).toEqual(['Luc Hermans']);
    const colleague = await t
      .http()
      .get('/api/v1/break-glass/grants')
      .set(kit.bearer(await kit.as('consulentWmo')));
    expect(colleague.body).toEqual([]);
    const again = await t
      .http()
      .post(`/api/v1/break-glass/grants/${jeugd.id}/review`)
      .set(kit.bearer(fg))
      .send({ outcome: 'questioned' });
    expect(again.status).toBe(409);
  });
});
