import { Clock } from '@app/core';
import { DEMO_EMAILS, DEMO_USERS, DemoUsersSeeder } from '@app/identity';
import { ORGANISATION_IDS } from '@app/reference';
import { createHousehold, userId } from '../households/household-kit';
import { IdentityKit, LoggedIn, PROBLEM } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { expectNoBsnInLogs, fixedClock, Locations, NOW, outreachCounts, setUpCoaches } from './outreach-kit';

describe('outreach: spreekuur contacts', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let where: Locations;
  let coachA: LoggedIn;
  let coachB: LoggedIn;
  let coachC: LoggedIn;
  let wmo: LoggedIn;
  const bsns: string[] = [];

  beforeAll(async () => {
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(fixedClock()));
    kit = new IdentityKit(t);
    ({ where, coachA, coachB, coachC } = await setUpCoaches(t, kit));
    wmo = await kit.as('consulentWmo');
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    expectNoBsnInLogs(t, bsns);
    await t.close();
  });

  const post = (as: LoggedIn, body: object) =>
    t
      .http()
      .post('/api/v1/outreach/spreekuur/contacts')
      .set(kit.bearer(as))
      .send(body)
      .then(kit.seen.bind(kit));
  const list = async (as: LoggedIn, query = '') =>
    (await t.http().get(`/api/v1/outreach/spreekuur/contacts${query}`).set(kit.bearer(as))).body as {
      items: { id: string }[];
      total: number;
    };
  const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id);
  const newHousehold = async () => {
    const created = await createHousehold(t, kit, wmo);
    bsns.push(...created.members.map((m) => m.person.bsn));
    return created;
  };

  it('logs a quick anonymous contact with only its topics: my location, now', async () => {
    const res = await post(coachA, { topics: ['schulden', 'budget'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      wijkservicepunt: { id: where.nazareth, name: 'Wijkservicepunt Nazareth' },
      contactAt: NOW.toISOString(),
      topics: ['schulden', 'budget'],
      anonymous: true,
      householdId: null,
      basis: null,
      referral: null,
      createdBy: await userId(t, DEMO_EMAILS.financialCoach),
      mine: true,
    });
    const { rows } = await t.db.query(
      `SELECT a.processing_activity_id, a.action, (SELECT count(*)::int FROM processing_log p WHERE p.trace_id = a.trace_id) AS subjects
         FROM access_audit a WHERE a.resource_id = $1`,
      [res.body.id],
    );
    expect(rows).toEqual([{ processing_activity_id: 'outreach.spreekuur', action: 'create', subjects: 0 }]);
  });

  it('links a contact to a household on a legal basis or with consent, and validates both', async () => {
    const { household, members } = await newHousehold();
    const legal = await post(coachA, {
      topics: ['regelingen'],
      link: { householdId: household.id, personId: members[0].personId, basis: 'publieke-taak' },
    });
    expect(legal.status).toBe(201);
    expect(legal.body).toMatchObject({
      anonymous: false,
      householdId: household.id,
      personId: members[0].personId,
      basis: 'publieke-taak',
      legalBasis: 'Wgs art. 3 en 4a (publieke taak schuldhulpverlening)',
      consentGivenOn: null,
    });
    const consent = await post(coachA, {
      topics: ['inkomen'],
      link: {
        householdId: household.id,
        basis: 'toestemming',
        consentGivenOn: '2026-11-20',
        consentMethod: 'mondeling',
      },
    });
    expect(consent.status).toBe(201);
    expect(consent.body).toMatchObject({
      basis: 'toestemming',
      consentMethod: 'mondeling',
      legalBasis: null,
    });
    const { rows } = await t.db.query(
      `SELECT p.data_subject_type, p.data_subject_id FROM processing_log p
         JOIN access_audit a ON a.trace_id = p.trace_id AND a.span_id = p.span_id
        WHERE a.resource_id = $1 ORDER BY 1`,
      [legal.body.id],
    );
    expect(rows).toEqual([
      { data_subject_type: 'household', data_subject_id: household.id },
      { data_subject_type: 'person', data_subject_id: members[0].personId },
    ]);

    const before = await outreachCounts(t);
    const refused = async (link: object, field: string) => {
      const res = await post(coachA, { topics: ['inkomen'], link: { householdId: household.id, ...link } });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await refused({ basis: 'toestemming' }, 'link.consentGivenOn');
    await refused({ basis: 'toestemming', consentGivenOn: '2026-11-20' }, 'link.consentMethod');
    await refused(
      { basis: 'toestemming', consentGivenOn: '2026-11-21', consentMethod: 'digitaal' },
      'link.consentGivenOn',
    );
    await refused(
      { basis: 'toestemming', consentGivenOn: '2026-11-20', consentMethod: 'digitaal', legalBasis: 'Wgs' },
      'link.legalBasis',
    );
    await refused({ basis: 'publieke-taak', consentMethod: 'digitaal' }, 'link.basis');
    await refused({ basis: 'gevoel' }, 'link.basis');
    await refused(
      { basis: 'publieke-taak', personId: (await newHousehold()).members[0].personId },
      'link.personId',
    );
    expect(await outreachCounts(t)).toEqual(before);
  });

  it('shows a contact to colleagues at the same location, not to a coach elsewhere', async () => {
    const contact = (await post(coachA, { topics: ['administratie'], note: 'Post geordend' })).body;
    expect(ids(await list(coachB))).toContain(contact.id);
    expect(ids(await list(coachC))).not.toContain(contact.id);
    expect(
      (await t.http().get(`/api/v1/outreach/spreekuur/contacts/${contact.id}`).set(kit.bearer(coachB)))
        .status,
    ).toBe(200);
    const hidden = kit.seen(
      await t.http().get(`/api/v1/outreach/spreekuur/contacts/${contact.id}`).set(kit.bearer(coachC)),
    );
    expect(hidden.status).toBe(404);
    // A colleague may read it but not change it; the author may.
    const patch = (as: LoggedIn) =>
      t
        .http()
        .patch(`/api/v1/outreach/spreekuur/contacts/${contact.id}`)
        .set(kit.bearer(as))
        .send({ followUpOn: '2026-12-01' });
    expect((await patch(coachB)).status).toBe(403);
    expect((await patch(coachA)).body).toMatchObject({ followUpOn: '2026-12-01' });
    const own = (await post(coachC, { topics: ['budget'] })).body;
    expect(own.wijkservicepunt.id).toBe(where.pottenberg);
    expect(ids(await list(coachA))).not.toContain(own.id);
    expect(ids(await list(coachC, '?mine=true'))).toEqual([own.id]);
  });

  it('shows a linked contact to a coach elsewhere who is on the case team, and in the dossier only to the case team', async () => {
    const { household } = await newHousehold();
    const contact = (
      await post(coachA, {
        topics: ['schulden'],
        link: { householdId: household.id, basis: 'publieke-taak' },
      })
    ).body;
    expect(ids(await list(coachC))).not.toContain(contact.id);
    const joined = await t
      .http()
      .post(`/api/v1/households/${household.id}/case-team`)
      .set(kit.bearer(wmo))
      .send({ userId: await userId(t, 'coach.pottenberg@demo.gezinsplan.nl'), caseRole: 'contributor' });
    expect(joined.status).toBe(201);
    expect(ids(await list(coachC))).toContain(contact.id);

    const dossier = async (as: LoggedIn) =>
      (await t.http().get(`/api/v1/households/${household.id}`).set(kit.bearer(as))).body;
    expect((await dossier(wmo)).contacts.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    expect((await dossier(coachC)).contacts.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    for (const outsider of [
      coachB,
      await kit.as('sociaalTeamMedewerker'),
      await kit.as('schuldhulpverlener'),
    ]) {
      const seen = await dossier(outsider);
      expect(seen.access).toBe('index');
      expect(seen.contacts).toBeUndefined();
    }
    // The case team reads the linked contact; only the coach who logged it changes it.
    const patch = (as: LoggedIn, note: string) =>
      t.http().patch(`/api/v1/outreach/spreekuur/contacts/${contact.id}`).set(kit.bearer(as)).send({ note });
    for (const member of [wmo, coachC]) expect((await patch(member, 'Door het team')).status).toBe(403);
    expect((await patch(coachA, 'Door de coach')).body).toMatchObject({ note: 'Door de coach' });
  });

  it('creates a real referral through Households when a linked visitor is referred to KBL', async () => {
    const { household, members } = await newHousehold();
    const res = await post(coachA, {
      topics: ['schulden'],
      link: { householdId: household.id, personId: members[0].personId, basis: 'publieke-taak' },
      referral: { to: 'kbl', reason: 'Schulden bij meerdere schuldeisers, aanmelding schuldhulpverlening' },
    });
    expect(res.status).toBe(201);
    const referralId = res.body.referral.referralId;
    expect(res.body.referral).toMatchObject({ to: 'kbl', organisationId: ORGANISATION_IDS.kbl });
    const { rows } = await t.db.query('SELECT * FROM referral WHERE id = $1', [referralId]);
    expect(rows[0]).toMatchObject({
      household_id: household.id,
      person_id: members[0].personId,
      from_organisation_id: ORGANISATION_IDS.financialCoaches,
      to_organisation_id: ORGANISATION_IDS.kbl,
      status: 'open',
    });
    const incoming = await t
      .http()
      .get('/api/v1/referrals?direction=incoming&status=open')
      .set(kit.bearer(await kit.as('schuldhulpverlener')));
    expect(incoming.body.map((r: { id: string }) => r.id)).toContain(referralId);

    // Trajekt is no organisation in the system, and an anonymous visitor has no dossier: recorded only.
    const before = (await t.db.query('SELECT count(*)::int AS n FROM referral')).rows[0].n;
    const trajekt = await post(coachA, {
      topics: ['administratie'],
      link: { householdId: household.id, basis: 'publieke-taak' },
      referral: { to: 'trajekt' },
    });
    expect(trajekt.body.referral).toEqual({
      to: 'trajekt',
      organisationId: null,
      other: null,
      referralId: null,
    });
    const anonymous = await post(coachA, { topics: ['schulden'], referral: { to: 'kbl' } });
    expect(anonymous.body.referral).toMatchObject({ organisationId: ORGANISATION_IDS.kbl, referralId: null });
    const team = await post(coachA, {
      topics: ['inkomen'],
      referral: { to: 'sociaal-team', organisationId: ORGANISATION_IDS.sociaalTeam3 },
    });
    expect(team.body.referral).toMatchObject({
      to: 'sociaal-team',
      organisationId: ORGANISATION_IDS.sociaalTeam3,
    });
    expect((await t.db.query('SELECT count(*)::int AS n FROM referral')).rows[0].n).toBe(before);
  });

  it('counts visitors per wijkservicepunt per week and month, with topics and referrals', async () => {
    const at = (date: string) => `${date}T10:30:00+02:00`;
    for (const [as, date, topics, referral] of [
      [coachA, '2026-10-05', ['schulden'], { to: 'kbl' }],
      [coachA, '2026-10-06', ['schulden', 'budget'], undefined],
      [coachB, '2026-10-07', ['regelingen'], { to: 'trajekt' }],
      [coachA, '2026-10-13', ['inkomen'], undefined],
      [coachC, '2026-10-14', ['schulden'], { to: 'other', other: 'Voedselbank' }],
    ] as const) {
      const res = await post(as, { topics, contactAt: at(date), ...(referral ? { referral } : {}) });
      expect(res.status).toBe(201);
    }
    const figures = async (as: LoggedIn, query: string) =>
      t.http().get(`/api/v1/outreach/spreekuur/figures?${query}`).set(kit.bearer(as));
    const weeks = (await figures(coachA, 'period=week&from=2026-10-01&to=2026-10-31')).body;
    expect(weeks).toMatchObject({ period: 'week', from: '2026-10-01', to: '2026-10-31', suppressed: false });
    expect(
      weeks.rows.map((r: { period: string; wijkservicepunt: string; visitors: number }) => [
        r.period,
        r.wijkservicepunt,
        r.visitors,
      ]),
    ).toEqual([
      ['2026-W41', 'Wijkservicepunt Nazareth', 3],
      ['2026-W42', 'Wijkservicepunt Nazareth', 1],
      ['2026-W42', 'Wijkservicepunt Pottenberg', 1],
    ]);
    expect(weeks.rows[0]).toMatchObject({
      anonymous: 3,
      linked: 0,
      topics: { schulden: 2, budget: 1, regelingen: 1, inkomen: 0, administratie: 0, other: 0 },
      referrals: { kbl: 1, trajekt: 1, none: 1, szmh: 0, 'sociaal-team': 0, other: 0 },
    });
    const months = (await figures(coachA, 'period=month&from=2026-10-01&to=2026-10-31')).body;
    expect(months.rows.map((r: { period: string; visitors: number }) => [r.period, r.visitors])).toEqual([
      ['2026-10', 4],
      ['2026-10', 1],
    ]);
    // Policy sees aggregates only, with small cells suppressed; a sociaal team worker sees none.
    const policy = (
      await figures(await kit.as('beleidsmedewerker'), 'period=month&from=2026-10-01&to=2026-10-31')
    ).body;
    expect(policy.suppressed).toBe(true);
    expect(policy.rows[0]).toMatchObject({ visitors: '<10', anonymous: '<10', linked: '<10' });
    expect((await figures(await kit.as('sociaalTeamMedewerker'), 'period=week')).status).toBe(403);
    const wrong = kit.seen(await figures(coachA, 'period=day&from=2026-10-31&to=2026-10-01'));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['period', 'to']);
  });

  it('refuses bad input with a 4xx that names the field, and stores nothing', async () => {
    const before = await outreachCounts(t);
    const expectField = async (body: object, field: string, status = 400) => {
      const res = await post(coachA, body);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await expectField({}, 'topics');
    await expectField({ topics: [] }, 'topics');
    await expectField({ topics: ['gokken'] }, 'topics');
    await expectField({ topics: ['budget', 'budget'] }, 'topics');
    await expectField({ topics: ['budget'], wijkservicepuntId: 'nazareth' }, 'wijkservicepuntId');
    await expectField(
      { topics: ['budget'], wijkservicepuntId: '7b7e1a0e-0000-4000-8000-000000000000' },
      'wijkservicepuntId',
    );
    await expectField({ topics: ['budget'], contactAt: '2026-11-20T12:00:00Z' }, 'contactAt');
    await expectField({ topics: ['budget'], contactAt: 'gisteren' }, 'contactAt');
    await expectField({ topics: ['budget'], followUpOn: '2026-11-19' }, 'followUpOn');
    await expectField({ topics: ['budget'], note: 'x'.repeat(501) }, 'note');
    await expectField({ topics: ['budget'], referral: { to: 'other' } }, 'referral.other');
    await expectField({ topics: ['budget'], referral: { to: 'sociaal-team' } }, 'referral.organisationId');
    await expectField(
      { topics: ['budget'], referral: { to: 'sociaal-team', organisationId: ORGANISATION_IDS.kbl } },
      'referral.organisationId',
    );
    await expectField({ topics: ['budget'], referral: { to: 'kbl', other: 'KBL' } }, 'referral.other');
    await expectField({ topics: ['budget'], bsn: '111222333' }, 'bsn');
    expect(await outreachCounts(t)).toEqual(before);

    // A coach without a spreekuur location has to choose one.
    await t.app
      .get(DemoUsersSeeder)
      .seed([{ ...DEMO_USERS.financialCoach, email: 'coach.nieuw@demo.gezinsplan.nl' }]);
    const newcomer = await kit.login('coach.nieuw@demo.gezinsplan.nl');
    const res = kit.seen(
      await t
        .http()
        .post('/api/v1/outreach/spreekuur/contacts')
        .set(kit.bearer(newcomer))
        .send({ topics: ['budget'] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('wijkservicepuntId');
    // Only financial coaches log spreekuur contacts (a consulent only on their own cases).
    expect((await post(await kit.as('sociaalTeamMedewerker'), { topics: ['budget'] })).status).toBe(403);
    expect((await post(wmo, { topics: ['budget'], wijkservicepuntId: where.nazareth })).status).toBe(403);
    expect(await outreachCounts(t)).toEqual(before);
  });

  it('lets only the functioneel beheerder assign coach locations, to financial coaches in their municipalities', async () => {
    const fb = await kit.as('functioneelBeheerder');
    const put = (as: LoggedIn, user: string, body: object) =>
      t
        .http()
        .put(`/api/v1/outreach/coach-locations/${user}`)
        .set(kit.bearer(as))
        .send(body)
        .then(kit.seen.bind(kit));
    const coachBId = await userId(t, 'coach.nazareth@demo.gezinsplan.nl');
    expect((await put(coachA, coachBId, { wijkservicepuntIds: [where.deRink] })).status).toBe(403);
    const notACoach = await put(fb, await userId(t, DEMO_EMAILS.consulentWmo), {
      wijkservicepuntIds: [where.deRink],
    });
    expect(notACoach.status).toBe(400);
    expect(notACoach.body.errors[0].field).toBe('userId');
    const wrongPrimary = await put(fb, coachBId, {
      wijkservicepuntIds: [where.nazareth],
      primaryWijkservicepuntId: where.deRink,
    });
    expect(wrongPrimary.body.errors[0].field).toBe('primaryWijkservicepuntId');
    const both = await put(fb, coachBId, {
      wijkservicepuntIds: [where.nazareth, where.deRink],
      primaryWijkservicepuntId: where.deRink,
    });
    expect(both.status).toBe(200);
    expect(
      both.body.map((l: { wijkservicepunt: string; isPrimary: boolean }) => [l.wijkservicepunt, l.isPrimary]),
    ).toEqual([
      ['Wijkservicepunt De Rink', true],
      ['Wijkservicepunt Nazareth', false],
    ]);
    const mine = await t.http().get('/api/v1/outreach/spreekuur/my-locations').set(kit.bearer(coachB));
    expect(mine.body[0].wijkservicepuntId).toBe(where.deRink);
    const created = await post(coachB, { topics: ['budget'] });
    expect(created.body.wijkservicepunt.id).toBe(where.deRink);
  });
});
