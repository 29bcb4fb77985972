import { Response } from 'supertest';
import { DemoUserKey } from '@app/identity';
import { PRODUCT_IDS } from '@app/indications';
import { MUNICIPALITY_IDS, ORGANISATION_IDS, TEAM_IDS } from '@app/reference';
import { TestApp } from '../setup/test-app';
import { Caller } from './evidence-kit';
import { FixtureKey } from './authorization-matrix';
import { FixtureHousehold, MATRIX_TODAY } from './matrix-world';

/** Indication fixtures: household and pillar, e.g. `H1-WMO`. */
export type IndicationKey = 'H1-WMO' | 'H1-SHV' | 'H2-PARTICIPATIE' | 'H3-WMO' | 'H4-JEUGD';
export const INDICATION_HOUSEHOLD: Record<IndicationKey, FixtureKey> = {
  'H1-WMO': 'H1',
  'H1-SHV': 'H1',
  'H2-PARTICIPATIE': 'H2',
  'H3-WMO': 'H3',
  'H4-JEUGD': 'H4',
};

export interface DomainWorld {
  indications: Record<IndicationKey, string>;
  /** H1: version 1 agreed (vastgesteld) with a financien and a wonen goal; H4: a concept with one goal. */
  plans: {
    H1: { financienGoalId: string; wonenGoalId: string; actionId: string };
    H4: { goalId: string; actionId: string };
  };
  /** Budget requests on H1 by the consulent Wmo: within a consulent's mandate, and one for the teamleider. */
  budgetRequests: { small: string; large: string };
  /** Spreekuur contacts: at Nazareth by the demo coach (linked to H1), at Pottenberg by a second coach. */
  contacts: { nazareth: string; pottenberg: string };
  locations: { nazareth: string; pottenberg: string };
  /** Vroegsignalering: a signal owned by KBL (H1's address) and one owned by the financial coaches. */
  signals: { kbl: string; coaches: string };
  secondCoachId: string;
  accessRequestId: string;
  retentionRunId: string;
  /** The plan's revision (ETag) and newest version number now (0 and 0 without a plan). */
  planState(householdId: string): Promise<{ revision: number; latestVersion: number }>;
  /**
   * Case reviews by the demo teamleider on H1 and H4 (teams on the case), and one on H2 by a
   * teamleider of team Zuidoost (the regisseur's team), which the demo teamleider does not lead.
   */
  reviews: Record<ReviewKey, string>;
  /** A review's version (its ETag) and the id of its first action now (a PUT replaces the actions). */
  reviewState(reviewId: string): Promise<{ version: number; actionId: string }>;
  /** Bearer of a teamleider leading team Zuidwest, which has nobody on any fixture household. */
  otherTeamleider(): Promise<Record<string, string>>;
}

export type ReviewKey = 'H1' | 'H2' | 'H4';

/** A whole case review as the teamleider writes it (also the body of a PUT). */
export const reviewBody = (note = 'Matrix: bevindingen van de bespreking') => ({
  reviewedOn: '2026-11-18',
  participants: ['teamleider', 'regisseur'],
  findings: note,
  actions: [{ description: 'Matrix: afspraak met KBL plannen', owner: 'regisseur', dueOn: '2026-12-15' }],
  leerpunten: [{ theme: 'samenwerking', text: 'Matrix: samen aan tafel werkt' }],
  nextReviewOn: '2027-02-18',
});

/**
 * Fixtures for the libraries around the households (indications, plans, budgets, outreach, privacy),
 * made through their own APIs by the users who would make them.
 */
export async function buildDomainWorld(
  t: TestApp,
  caller: Caller,
  households: Record<FixtureKey, FixtureHousehold>,
): Promise<DomainWorld> {
  const send = async (as: DemoUserKey, method: string, url: string, body?: unknown, headers = {}) => {
    const res: Response = await caller.send(as, { method, url: `/api/v1${url}`, body, headers });
    if (res.status >= 300) throw new Error(`${method} ${url} as ${as}: ${res.status} ${res.text}`);
    return res;
  };
  const indication = async (as: DemoUserKey, h: FixtureKey, pillar: string, productId: string) =>
    (
      await send(as, 'POST', `/households/${households[h].id}/indications`, {
        personId: households[h].adultPersonId,
        pillar,
        productId,
        meldingDate: '2026-11-02',
        provider: 'Matrixzorg BV',
        reason: 'Matrix: reden van de indicatie',
      })
    ).body.id as string;
  const indications: Record<IndicationKey, string> = {
    'H1-WMO': await indication('consulentWmo', 'H1', 'WMO', PRODUCT_IDS.wmoBegeleidingIndividueel),
    'H1-SHV': await indication('schuldhulpverlener', 'H1', 'SHV', PRODUCT_IDS.shvStabilisatie),
    'H2-PARTICIPATIE': await indication(
      'consulentParticipatie',
      'H2',
      'PARTICIPATIE',
      PRODUCT_IDS.participatieBijzondereBijstandIncidenteel,
    ),
    'H3-WMO': await indication('consulentHeuvelland', 'H3', 'WMO', PRODUCT_IDS.wmoHulpBijHetHuishouden),
    'H4-JEUGD': await indication('consulentJeugd', 'H4', 'JEUGD', PRODUCT_IDS.jeugdJeugdbescherming),
  };

  // Plans: written with If-Match like the web app does.
  const planWrite = async (as: DemoUserKey, h: FixtureKey, path: string, body: object, method = 'POST') => {
    const current = await send(as, 'GET', `/households/${households[h].id}/plan`);
    return send(as, method, `/households/${households[h].id}/plan${path}`, body, {
      'If-Match': current.headers.etag as string,
    });
  };
  const goal = (h: FixtureKey, lifeDomain: string) => ({
    lifeDomain,
    description: `Matrix: doel ${lifeDomain}`,
    owner: { type: 'member', id: households[h].adultPersonId },
    targetDate: '2027-06-01',
    internalNote: 'Matrix: interne notitie',
  });
  const goalsOf = (res: Response) => res.body.version.goals as { id: string; lifeDomain: string }[];
  await planWrite('consulentWmo', 'H1', '/goals', goal('H1', 'financien'));
  const h1Goals = goalsOf(await planWrite('consulentWmo', 'H1', '/goals', goal('H1', 'wonen')));
  const financienGoalId = h1Goals.find((g) => g.lifeDomain === 'financien')!.id;
  const wonenGoalId = h1Goals.find((g) => g.lifeDomain === 'wonen')!.id;
  const withAction = await planWrite('consulentWmo', 'H1', `/goals/${financienGoalId}/actions`, {
    description: 'Matrix: post openen met de coach',
    dueOn: '2027-01-15',
    actor: { type: 'organisation', name: 'Kredietbank Limburg' },
  });
  const actionId = (withAction.body.version.goals as { id: string; actions: { id: string }[] }[]).find(
    (g) => g.id === financienGoalId,
  )!.actions[0].id;
  await planWrite('consulentWmo', 'H1', '', { ownWords: 'Matrix: wij willen rust in huis' }, 'PATCH');
  await planWrite('consulentWmo', 'H1', '/vaststellen', {
    agreedOn: MATRIX_TODAY,
    agreedByPersonIds: [households.H1.adultPersonId],
  });
  // A concept (version 2) after the agreed version 1, as a plan in use has: goal writes go there.
  await planWrite('consulentWmo', 'H1', '', { ownWords: 'Matrix: wij willen rust, en werk' }, 'PATCH');
  const h4Goal = goalsOf(await planWrite('consulentJeugd', 'H4', '/goals', goal('H4', 'opvoeden')))[0].id;
  const h4Action = (
    await planWrite('consulentJeugd', 'H4', `/goals/${h4Goal}/actions`, {
      description: 'Matrix: opvoedondersteuning aanvragen',
      dueOn: '2027-01-15',
      actor: { type: 'organisation', name: 'Sociaal Team 3' },
    })
  ).body.version.goals[0].actions[0].id as string;

  // Maatwerkbudget 2026 for Maastricht, and two requests on H1.
  await send('functioneelBeheerder', 'PUT', `/budgets/${MUNICIPALITY_IDS.maastricht}/2026`, {
    amount: '50000.00',
  });
  const request = async (amount: string) =>
    (
      await send('consulentWmo', 'POST', `/households/${households.H1.id}/budget-requests`, {
        amount,
        goalIds: [financienGoalId],
        justification: 'Matrix: wasmachine kapot, zonder lukt de weekplanning niet.',
        replacedSchemes: ['bijzondere-bijstand'],
        payee: { name: 'Kringloopwinkel Maastricht', iban: 'NL91 ABNA 0417 1643 00' },
        wantedOn: '2026-12-01',
      })
    ).body.id as string;
  const budgetRequests = { small: await request('450.00'), large: await request('1200.00') };

  // Spreekuur: the demo coach at Nazareth, a second coach (made by the functioneel beheerder) at Pottenberg.
  const { rows } = await t.db.query<{ id: string; name: string }>('SELECT id, name FROM wijkservicepunt');
  const location = (name: string) => rows.find((r) => r.name === `Wijkservicepunt ${name}`)!.id;
  const locations = { nazareth: location('Nazareth'), pottenberg: location('Pottenberg') };
  // Four eyes: the second demo beheerder approves, the coach replaces the one-time password.
  const secondCoach = await caller.kit.createAccount(
    {
      email: 'matrix.coach.pottenberg@demo.gezinsplan.nl',
      displayName: 'Matrix Coach Pottenberg',
      organisationId: ORGANISATION_IDS.financialCoaches,
      roles: ['financial-coach'],
      pillars: ['SHV'],
      municipalityIds: [MUNICIPALITY_IDS.maastricht],
    },
    'Matrix-coach-2026!',
  );
  const secondCoachId = secondCoach.id;
  const { rows: coach } = await t.db.query<{ id: string }>('SELECT id FROM user_account WHERE email = $1', [
    'financial.coach@demo.gezinsplan.nl',
  ]);
  await send('functioneelBeheerder', 'PUT', `/outreach/coach-locations/${coach[0].id}`, {
    wijkservicepuntIds: [locations.nazareth],
  });
  await send('functioneelBeheerder', 'PUT', `/outreach/coach-locations/${secondCoachId}`, {
    wijkservicepuntIds: [locations.pottenberg],
  });
  const nazareth = await send('financialCoach', 'POST', '/outreach/spreekuur/contacts', {
    wijkservicepuntId: locations.nazareth,
    topics: ['schulden'],
    link: { householdId: households.H1.id, personId: households.H1.adultPersonId, basis: 'publieke-taak' },
    note: 'Matrix: contact Nazareth',
  });
  const secondLogin = await t.http().post('/api/v1/auth/login').send({
    email: 'matrix.coach.pottenberg@demo.gezinsplan.nl',
    password: 'Matrix-coach-2026!',
  });
  const pottenberg = caller.kit.seen(
    await t
      .http()
      .post('/api/v1/outreach/spreekuur/contacts')
      .set('Authorization', `Bearer ${secondLogin.body.accessToken}`)
      .send({
        wijkservicepuntId: locations.pottenberg,
        topics: ['budget'],
        note: 'Matrix: contact Pottenberg',
      }),
  );
  if (pottenberg.status !== 201)
    throw new Error(`contact Pottenberg: ${pottenberg.status} ${pottenberg.text}`);

  // Vroegsignalering: one CSV line each for KBL and the coaches.
  const importCsv = async (as: DemoUserKey, h: FixtureHousehold, creditor: string) => {
    const csv =
      'schuldeiser_type;schuldeiser;bsn;postcode;huisnummer;achterstand_bedrag;achterstand_maanden;ontvangen_op\n' +
      `huur;${creditor};${h.adultBsn};6211AA;${h.key.slice(1)};412,50;2;2026-11-02\n`;
    await send(as, 'POST', `/outreach/signals/imports?municipalityId=${MUNICIPALITY_IDS.maastricht}`, csv, {
      'Content-Type': 'text/csv',
    });
    const { rows: signal } = await t.db.query<{ id: string }>(
      'SELECT id FROM arrears_signal WHERE creditor = $1 ORDER BY received_on DESC LIMIT 1',
      [creditor],
    );
    return signal[0].id;
  };
  const signals = {
    kbl: await importCsv('schuldhulpverlener', households.H1, 'Matrixwonen'),
    coaches: await importCsv('financialCoach', households.H2, 'Matrixenergie'),
  };

  const accessRequest = await send('privacyOfficer', 'POST', '/privacy/access-requests', {
    bsn: households.H1.adultBsn,
    receivedOn: '2026-11-10',
    channel: 'brief',
  });

  const retentionRun = await send('privacyOfficer', 'POST', '/privacy/retention/runs', { dryRun: true });

  // Case reviews: two more teamleiders (made by the functioneel beheerder), one review per led household.
  const teamleider = async (team: 'szmhZuidoost' | 'szmhZuidwest') => {
    const email = `matrix.teamleider.${team.toLowerCase()}@demo.gezinsplan.nl`;
    await caller.kit.createAccount({
      email,
      displayName: `Matrix Teamleider ${team.slice(4)}`,
      organisationId: ORGANISATION_IDS.szmh,
      roles: ['teamleider'],
      pillars: [],
      municipalityIds: [MUNICIPALITY_IDS.maastricht],
      teams: [{ teamId: TEAM_IDS[team], isLead: true }],
      mandateCents: 250000,
    });
    return async () => caller.kit.bearer(await caller.kit.login(email));
  };
  const zuidoost = await teamleider('szmhZuidoost');
  const otherTeamleider = await teamleider('szmhZuidwest');
  const review = async (h: FixtureKey) =>
    (await send('teamleider', 'POST', `/households/${households[h].id}/case-reviews`, reviewBody())).body
      .id as string;
  const h2Review = caller.kit.seen(
    await t
      .http()
      .post(`/api/v1/households/${households.H2.id}/case-reviews`)
      .set(await zuidoost())
      .send(reviewBody()),
  );
  if (h2Review.status !== 201) throw new Error(`review H2: ${h2Review.status} ${h2Review.text}`);
  const reviews = { H1: await review('H1'), H2: h2Review.body.id as string, H4: await review('H4') };

  return {
    indications,
    plans: { H1: { financienGoalId, wonenGoalId, actionId }, H4: { goalId: h4Goal, actionId: h4Action } },
    budgetRequests,
    contacts: { nazareth: nazareth.body.id, pottenberg: pottenberg.body.id },
    locations,
    signals,
    secondCoachId,
    accessRequestId: accessRequest.body.id,
    retentionRunId: retentionRun.body.id,
    reviews,
    otherTeamleider,
    reviewState: async (reviewId) => {
      const { rows: state } = await t.db.query<{ version: number; action_id: string }>(
        `SELECT r.version, (SELECT a.id FROM case_review_action a WHERE a.review_id = r.id
                             ORDER BY a.position LIMIT 1) AS action_id
           FROM case_review r WHERE r.id = $1`,
        [reviewId],
      );
      return { version: state[0].version, actionId: state[0].action_id };
    },
    planState: async (householdId) => {
      const { rows: plan } = await t.db.query<{ revision: number; latest_version: number }>(
        'SELECT revision, latest_version FROM plan WHERE household_id = $1',
        [householdId],
      );
      return { revision: plan[0]?.revision ?? 0, latestVersion: plan[0]?.latest_version ?? 0 };
    },
  };
}
