import { Clock } from '@app/core';
import { DEMO_EMAILS } from '@app/identity';
import { ORGANISATION_IDS } from '@app/reference';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { createHousehold, userId } from './household-kit';

const INDEX_FIELDS = [
  'city',
  'houseNumber',
  'id',
  'municipalityId',
  'neighbourhoodId',
  'pillars',
  'postcode',
  'regisseur',
  'status',
  'street',
];

describe('households: who sees what (DESIGN.md rules 1, 2, 9)', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let householdId: string;
  let bsn: string;

  beforeAll(async () => {
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    const created = await createHousehold(t, kit, await kit.as('consulentWmo'));
    householdId = created.household.id;
    bsn = created.members[0].person.bsn;
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    expect([...t.logLines].join('\n')).not.toContain(bsn);
    await t.close();
  });

  const dossierAs = async (user: Parameters<IdentityKit['as']>[0]) =>
    kit.seen(
      await t
        .http()
        .get(`/api/v1/households/${householdId}`)
        .set(kit.bearer(await kit.as(user))),
    );

  it('gives the case team (the regisseur) the full dossier', async () => {
    const res = await dossierAs('consulentWmo');
    expect(res.status).toBe(200);
    expect(res.body.access).toBe('full');
    expect(res.body.members).toHaveLength(2);
    expect(res.body.members[0].person.bsn).toBe(bsn);
    expect(res.body.caseTeam).toEqual([
      expect.objectContaining({ caseRole: 'regisseur', name: 'Sanne Janssen' }),
    ]);
  });

  it('gives a same-municipality professional outside the case team exactly the index', async () => {
    const res = await dossierAs('consulentParticipatie');
    expect(res.status).toBe(200);
    expect(res.body.access).toBe('index');
    expect(Object.keys(res.body.household).sort()).toEqual(INDEX_FIELDS);
    expect(res.body.household.regisseur).toMatchObject({ name: 'Sanne Janssen', organisation: 'SZMH' });
    expect(res.body.members).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain(bsn);
  });

  it('gives the teamleider of a team with a member on the case the dossier', async () => {
    const res = await dossierAs('teamleider');
    expect(res.status).toBe(200);
    expect(res.body.access).toBe('full');
  });

  it('answers 404 to a user of another municipality, and search finds nothing for them', async () => {
    const res = await dossierAs('consulentHeuvelland');
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('urn:gezinsplan:problem:not-found');
    const search = await t
      .http()
      .post('/api/v1/households/search')
      .set(kit.bearer(await kit.as('consulentHeuvelland')))
      .send({ bsn });
    expect(search.status).toBe(200);
    expect(search.body.items).toEqual([]);
  });

  it('refuses case content to roles without it (403 on the route, logged as denied)', async () => {
    for (const role of ['beleidsmedewerker', 'privacyOfficer', 'functioneelBeheerder'] as const) {
      expect((await dossierAs(role)).status).toBe(403);
    }
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_audit WHERE outcome = 'denied' AND household_id = $1`,
      [householdId],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(4);
  });

  it('logs a BSN search in the processing log under its own activity', async () => {
    const res = await t
      .http()
      .post('/api/v1/households/search')
      .set(kit.bearer(await kit.as('consulentParticipatie')))
      .send({ bsn });
    expect(res.status).toBe(200);
    expect(res.body.items.map((h: { id: string }) => h.id)).toEqual([householdId]);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(INDEX_FIELDS);
    const { rows } = await t.db.query(
      `SELECT l.data_subject_id, a.user_id FROM processing_log l JOIN access_audit a USING (trace_id)
       WHERE l.processing_activity_id = 'households.search.bsn'`,
    );
    expect(rows).toEqual([
      { data_subject_id: householdId, user_id: await userId(t, DEMO_EMAILS.consulentParticipatie) },
    ]);
  });

  it('logs a dossier read with one row per member', async () => {
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM processing_log WHERE processing_activity_id = 'households.dossier.read'
       AND household_id = $1 AND data_subject_type = 'person'`,
      [householdId],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it('removes consented parts on the very next request after a revocation', async () => {
    const wmo = await kit.as('consulentWmo');
    const adult = (await dossierAs('consulentWmo')).body.members.find(
      (m: { relation: string }) => m.relation === 'parent',
    );
    await t
      .http()
      .post(`/api/v1/households/${householdId}/case-team`)
      .set(kit.bearer(wmo))
      .send({
        userId: await userId(t, DEMO_EMAILS.schuldhulpverlener),
        caseRole: 'pillar_contact',
        pillar: 'SHV',
      })
      .expect(201);
    const consent = await t
      .http()
      .post(`/api/v1/households/${householdId}/consents`)
      .set(kit.bearer(wmo))
      .send({
        personId: adult.personId,
        organisationId: ORGANISATION_IDS.kbl,
        category: 'PLAN',
        givenOn: '2026-01-05',
        method: 'schriftelijk',
      });
    expect(consent.status).toBe(201);
    expect((await dossierAs('schuldhulpverlener')).body.consentedToMe).toEqual(['PLAN']);
    await t
      .http()
      .post(`/api/v1/households/${householdId}/consents/${consent.body.id}/revoke`)
      .set(kit.bearer(wmo))
      .send({ revokedOn: t.app.get(Clock).today() })
      .expect(204);
    expect((await dossierAs('schuldhulpverlener')).body.consentedToMe).toEqual([]);
  });
});
