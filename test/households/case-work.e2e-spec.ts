import { DEMO_EMAILS } from '@app/identity';
import { ORGANISATION_IDS } from '@app/reference';
import { IdentityKit, LoggedIn } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { createHousehold, userId } from './household-kit';

describe('households: case team, moving, referrals', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let wmo: LoggedIn;

  beforeAll(async () => {
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    wmo = await kit.as('consulentWmo');
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  const dossier = async (id: string, as: LoggedIn = wmo) =>
    (await t.http().get(`/api/v1/households/${id}`).set(kit.bearer(as))).body;

  it('hands the regisseur role over atomically; the old regisseur stays as contributor', async () => {
    const { household } = await createHousehold(t, kit, wmo);
    const participatie = await userId(t, DEMO_EMAILS.consulentParticipatie);
    await t
      .http()
      .post(`/api/v1/households/${household.id}/regisseur`)
      .set(kit.bearer(wmo))
      .send({ userId: participatie, pillar: 'PARTICIPATIE' })
      .expect(204);
    const team = (await dossier(household.id)).caseTeam.filter(
      (m: { leftAt: string | null }) => m.leftAt === null,
    );
    expect(team.map((m: { userId: string; caseRole: string }) => [m.userId, m.caseRole]).sort()).toEqual(
      [
        [participatie, 'regisseur'],
        [await userId(t, DEMO_EMAILS.consulentWmo), 'contributor'],
      ].sort(),
    );
    expect((await dossier(household.id)).household.regisseur.name).toBe('Ilse Curfs');
  });

  it('moves a person to another household keeping the history', async () => {
    const from = await createHousehold(t, kit, wmo);
    const to = await createHousehold(t, kit, wmo, { street: 'Markt', houseNumber: '1', postcode: '6211CK' });
    const child = from.members.find((m) => m.person.bsn === from.members[1].person.bsn)!;
    const res = await t
      .http()
      .post(`/api/v1/households/${from.household.id}/members/${child.id}/move`)
      .set(kit.bearer(wmo))
      .send({ toHouseholdId: to.household.id, movedOn: '2026-06-01', relation: 'child' });
    expect(res.status).toBe(201);
    const old = (await dossier(from.household.id)).members.find(
      (m: { personId: string }) => m.personId === child.personId,
    );
    expect(old).toMatchObject({ joinedOn: '2020-01-01', leftOn: '2026-06-01' });
    const now = (await dossier(to.household.id)).members.find(
      (m: { personId: string }) => m.personId === child.personId,
    );
    expect(now).toMatchObject({ joinedOn: '2026-06-01', leftOn: null });
    const { rows } = await t.db.query(
      'SELECT count(*)::int AS n FROM household_member WHERE person_id = $1',
      [child.personId],
    );
    expect(rows[0].n).toBe(2);
  });

  it('refers to KBL; KBL sees the status, accepts, and its professional joins the case team', async () => {
    const { household } = await createHousehold(t, kit, wmo);
    const kbl = await kit.as('schuldhulpverlener');
    expect((await dossier(household.id, kbl)).access).toBe('index');
    const referral = await t
      .http()
      .post(`/api/v1/households/${household.id}/referrals`)
      .set(kit.bearer(wmo))
      .send({ toOrganisationId: ORGANISATION_IDS.kbl, reason: 'Betalingsachterstanden huur en energie' });
    expect(referral.status).toBe(201);
    const incoming = await t
      .http()
      .get('/api/v1/referrals?direction=incoming&status=open')
      .set(kit.bearer(kbl));
    expect(incoming.body.map((r: { id: string }) => r.id)).toContain(referral.body.id);
    const accepted = await t
      .http()
      .post(`/api/v1/referrals/${referral.body.id}/accept`)
      .set(kit.bearer(kbl))
      .send({ userId: await userId(t, DEMO_EMAILS.schuldhulpverlener), pillar: 'SHV' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect((await dossier(household.id, kbl)).access).toBe('full');
    const outgoing = await t.http().get('/api/v1/referrals?direction=outgoing').set(kit.bearer(wmo));
    expect(outgoing.body.find((r: { id: string }) => r.id === referral.body.id).status).toBe('accepted');
    const again = await t
      .http()
      .post(`/api/v1/referrals/${referral.body.id}/decline`)
      .set(kit.bearer(kbl))
      .send({ reason: 'dubbel' });
    expect(again.status).toBe(409);
  });

  it('lets the receiver decline with a reason, and nobody else answer', async () => {
    const { household } = await createHousehold(t, kit, wmo);
    const referral = await t
      .http()
      .post(`/api/v1/households/${household.id}/referrals`)
      .set(kit.bearer(wmo))
      .send({ toOrganisationId: ORGANISATION_IDS.sociaalTeam3, reason: 'Ondersteuning thuis, 13 weken' });
    const stranger = await t
      .http()
      .post(`/api/v1/referrals/${referral.body.id}/decline`)
      .set(kit.bearer(await kit.as('schuldhulpverlener')))
      .send({ reason: 'niet voor ons' });
    expect(stranger.status).toBe(404);
    const declined = await t
      .http()
      .post(`/api/v1/referrals/${referral.body.id}/decline`)
      .set(kit.bearer(await kit.as('sociaalTeamMedewerker')))
      .send({ reason: 'Wachtlijst, verwijs naar team 5' });
    expect(declined.status).toBe(200);
    expect((await dossier(household.id)).referrals[0]).toMatchObject({
      status: 'declined',
      declineReason: 'Wachtlijst, verwijs naar team 5',
    });
  });
});
