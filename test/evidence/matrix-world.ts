import { Response } from 'supertest';
import { FixedClock } from '@app/core';
import { DEMO_EMAILS, DemoUserKey } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS } from '@app/reference';
import { householdBody, nextBsn } from '../households/household-kit';
import { TestApp } from '../setup/test-app';
import { Actor, Caller, DEMO_USER_KEYS } from './evidence-kit';
import { FixtureKey, Relation, WORLD_RELATIONS } from './authorization-matrix';
import { buildDomainWorld, DomainWorld } from './matrix-world-domain';

/** Fixture households are all on this street, so a search by street returns exactly them (and no hub). */
export const MATRIX_STREET = 'Matrixstraat';
/** The clock of the matrix app: fixed, so a break-the-glass grant can be made to expire. */
export const MATRIX_NOW = new Date('2026-11-20T10:00:00Z');
export const MATRIX_TODAY = '2026-11-20';
export const MATRIX_TOMORROW = '2026-11-21';

export interface FixtureHousehold {
  key: FixtureKey;
  id: string;
  municipalityId: string;
  familyName: string;
  adultPersonId: string;
  adultBsn: string;
  childMemberId: string;
  regisseurUserId: string;
  regisseurCaseTeamMemberId: string;
  /** An active consent of this household (target of the revoke probe). */
  activeConsentId: string;
  /** The hub household of the same municipality (target of the move probe). */
  hubId: string;
}

export interface World {
  households: Record<FixtureKey, FixtureHousehold>;
  hubs: { maastricht: string; vaals: string };
  userIds: Record<DemoUserKey, string>;
  referrals: Record<'R1' | 'R2' | 'R3' | 'R4', string>;
  grants: Record<'G1' | 'G2', string>;
  spareUserId: string;
  /** One record of each reference table with its current name (PATCH with the same name is a no-op). */
  reference: Record<
    'municipalities' | 'neighbourhoods' | 'wijkservicepunten' | 'organisations' | 'teams',
    {
      id: string;
      name: string;
    }
  >;
  /** Indications, plans, budget requests, spreekuur contacts, signals, an AVG request. */
  domain: DomainWorld;
  relationOf(actor: Actor, household: FixtureKey): Relation;
}

/**
 * Builds the relations of DESIGN.md's access rules with the households API itself (nothing is
 * inserted behind the API's back): four households whose case teams, consents and grants give every
 * demo user a known relation to each (see WORLD_RELATIONS), plus a hub household per municipality on
 * whose case team everyone of that municipality sits (the target of the move probe).
 */
export async function buildWorld(t: TestApp, caller: Caller, clock: FixedClock): Promise<World> {
  clock.set(MATRIX_NOW);
  const userIds = {} as Record<DemoUserKey, string>;
  const { rows } = await t.db.query<{ id: string; email: string }>('SELECT id, email FROM user_account');
  for (const key of DEMO_USER_KEYS) userIds[key] = rows.find((r) => r.email === DEMO_EMAILS[key])!.id;

  const ok = (res: Response, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text}`);
    return res.body;
  };
  const post = async (as: DemoUserKey, url: string, body: object, what: string) =>
    ok(await caller.send(as, { method: 'POST', url: `/api/v1${url}`, body }), what);

  const create = async (
    as: DemoUserKey,
    familyName: string,
    overrides: Record<string, unknown>,
  ): Promise<{
    id: string;
    adult: { personId: string; bsn: string };
    childMemberId: string;
    ctm: string;
  }> => {
    const adultBsn = nextBsn();
    const body = householdBody({
      street: MATRIX_STREET,
      ...overrides,
      members: [
        {
          bsn: adultBsn,
          givenNames: 'Mara',
          familyName,
          birthDate: '1984-05-01',
          relation: 'parent',
          joinedOn: '2019-01-01',
        },
        {
          bsn: nextBsn(),
          givenNames: 'Tijn',
          familyName,
          birthDate: '2015-02-03',
          relation: 'child',
          joinedOn: '2019-01-01',
        },
      ],
    });
    const dossier = await post(as, '/households', body, `create ${familyName}`);
    const adult = dossier.members.find((m: { relation: string }) => m.relation === 'parent');
    const child = dossier.members.find((m: { relation: string }) => m.relation === 'child');
    const ctm = dossier.caseTeam.find((c: { caseRole: string }) => c.caseRole === 'regisseur');
    return {
      id: dossier.household.id,
      adult: { personId: adult.personId, bsn: adultBsn },
      childMemberId: child.id,
      ctm: ctm.id,
    };
  };
  const addToTeam = (
    as: DemoUserKey,
    householdId: string,
    who: DemoUserKey,
    caseRole: string,
    pillar?: string,
  ) =>
    post(
      as,
      `/households/${householdId}/case-team`,
      { userId: userIds[who], caseRole, ...(pillar ? { pillar } : {}) },
      `add ${who} to case team`,
    );
  const consent = (as: DemoUserKey, householdId: string, personId: string, org: string, category: string) =>
    post(
      as,
      `/households/${householdId}/consents`,
      { personId, organisationId: org, category, givenOn: '2026-10-01', method: 'schriftelijk' },
      `consent ${category}`,
    );
  const refer = (as: DemoUserKey, householdId: string, to: string) =>
    post(
      as,
      `/households/${householdId}/referrals`,
      { toOrganisationId: to, reason: 'Matrix: verwijzing voor de toegangsmatrix' },
      'referral',
    );
  const breakGlass = (as: DemoUserKey, householdId: string) =>
    post(
      as,
      `/households/${householdId}/break-glass`,
      { category: 'acute-veiligheid', reason: 'Matrix: melding buiten kantoortijd, regisseur onbereikbaar' },
      'break the glass',
    );

  // Hubs: the target of "move a member" for everyone who may write in that municipality.
  const hubM = await create('consulentWmo', 'Hubmans', { street: 'Hubstraat', postcode: '6211AA' });
  for (const who of [
    'consulentJeugd',
    'consulentParticipatie',
    'sociaalTeamMedewerker',
    'schuldhulpverlener',
    'financialCoach',
    'teamleider',
  ] as const)
    await addToTeam('consulentWmo', hubM.id, who, 'contributor');
  const hubV = await create('consulentHeuvelland', 'Hubvaals', {
    street: 'Hubstraat',
    postcode: '6291AA',
    city: 'Vaals',
    municipalityId: MUNICIPALITY_IDS.vaals,
  });
  await addToTeam('consulentHeuvelland', hubV.id, 'schuldhulpverlener', 'contributor');

  // H1: Wmo regisseur, a full case team, consents for KBL, a revoked consent for the coaches, a grant.
  const h1 = await create('consulentWmo', 'Matrixeen', { houseNumber: '1', regisseurPillar: 'WMO' });
  await addToTeam('consulentWmo', h1.id, 'sociaalTeamMedewerker', 'contributor', 'WMO');
  await addToTeam('consulentWmo', h1.id, 'consulentParticipatie', 'pillar_contact', 'PARTICIPATIE');
  await addToTeam('consulentWmo', h1.id, 'schuldhulpverlener', 'pillar_contact', 'SHV');
  await addToTeam('consulentWmo', h1.id, 'financialCoach', 'contributor', 'SHV');
  const h1Plan = await consent('consulentWmo', h1.id, h1.adult.personId, ORGANISATION_IDS.kbl, 'PLAN');
  await consent('consulentWmo', h1.id, h1.adult.personId, ORGANISATION_IDS.kbl, 'PILLAR_WMO');
  const coach = await consent(
    'consulentWmo',
    h1.id,
    h1.adult.personId,
    ORGANISATION_IDS.financialCoaches,
    'PLAN',
  );
  ok(
    await caller.send('consulentWmo', {
      method: 'POST',
      url: `/api/v1/households/${h1.id}/consents/${coach.id}/revoke`,
      body: { revokedOn: MATRIX_TODAY },
    }),
    'revoke coach consent',
  );
  const r1 = await refer('consulentWmo', h1.id, ORGANISATION_IDS.kbl);
  const g1 = await breakGlass('consulentJeugd', h1.id);

  // H2: Participatie regisseur, KBL on the case without consent, a former case-team member, an
  // expired grant (opened 25 hours ago), reviewed by the privacy officer.
  const h2 = await create('consulentParticipatie', 'Matrixtwee', {
    houseNumber: '2',
    regisseurPillar: 'PARTICIPATIE',
  });
  await addToTeam('consulentParticipatie', h2.id, 'schuldhulpverlener', 'pillar_contact', 'SHV');
  const former = await addToTeam('consulentParticipatie', h2.id, 'financialCoach', 'contributor', 'SHV');
  ok(
    await caller.send('consulentParticipatie', {
      method: 'DELETE',
      url: `/api/v1/households/${h2.id}/case-team/${former.id}`,
    }),
    'remove former case-team member',
  );
  const h2Consent = await consent(
    'consulentParticipatie',
    h2.id,
    h2.adult.personId,
    ORGANISATION_IDS.sociaalTeam1,
    'PILLAR_PARTICIPATIE',
  );
  const r2 = await refer('consulentParticipatie', h2.id, ORGANISATION_IDS.sociaalTeam3);
  clock.set(new Date(MATRIX_NOW.getTime() - 25 * 3600_000));
  const g2 = await breakGlass('consulentJeugd', h2.id);
  clock.set(MATRIX_NOW);
  await post('privacyOfficer', `/break-glass/grants/${g2.id}/review`, { outcome: 'accepted' }, 'review');

  // H3: Vaals, only the Heuvelland consulent on it.
  const h3 = await create('consulentHeuvelland', 'Matrixdrie', {
    houseNumber: '3',
    postcode: '6291AB',
    city: 'Vaals',
    municipalityId: MUNICIPALITY_IDS.vaals,
    regisseurPillar: 'WMO',
  });
  const h3Consent = await consent(
    'consulentHeuvelland',
    h3.id,
    h3.adult.personId,
    ORGANISATION_IDS.sociaalTeam1,
    'PLAN',
  );
  const r3 = await refer('consulentHeuvelland', h3.id, ORGANISATION_IDS.kbl);

  // H4: Jeugd regisseur (team Noordwest), the sociaal team on it, KBL consented but not on the case.
  const h4 = await create('consulentJeugd', 'Matrixvier', { houseNumber: '4', regisseurPillar: 'JEUGD' });
  await addToTeam('consulentJeugd', h4.id, 'sociaalTeamMedewerker', 'contributor', 'WMO');
  const h4Consent = await consent('consulentJeugd', h4.id, h4.adult.personId, ORGANISATION_IDS.kbl, 'PLAN');
  const r4 = await refer('consulentJeugd', h4.id, ORGANISATION_IDS.financialCoaches);

  // A user for the functioneel beheerder to edit (no case role: no second beheerder needed).
  const spare = await post(
    'functioneelBeheerder',
    '/users',
    {
      email: 'matrix.spare@demo.gezinsplan.nl',
      displayName: 'Matrix Reserve',
      organisationId: ORGANISATION_IDS.gemeenteMaastricht,
      roles: ['beleidsmedewerker'],
      municipalityIds: [MUNICIPALITY_IDS.maastricht],
    },
    'spare user',
  );

  const one = async (table: string) =>
    (await t.db.query<{ id: string; name: string }>(`SELECT id, name FROM ${table} ORDER BY name LIMIT 1`))
      .rows[0];
  const reference = {
    municipalities: await one('municipality'),
    neighbourhoods: await one('neighbourhood'),
    wijkservicepunten: await one('wijkservicepunt'),
    organisations: await one('organisation'),
    teams: await one('team'),
  };

  const fixture = (
    key: FixtureKey,
    h: Awaited<ReturnType<typeof create>>,
    familyName: string,
    municipalityId: string,
    regisseur: DemoUserKey,
    activeConsentId: string,
    hubId: string,
  ): FixtureHousehold => ({
    key,
    id: h.id,
    municipalityId,
    familyName,
    adultPersonId: h.adult.personId,
    adultBsn: h.adult.bsn,
    childMemberId: h.childMemberId,
    regisseurUserId: userIds[regisseur],
    regisseurCaseTeamMemberId: h.ctm,
    activeConsentId,
    hubId,
  });
  const M = MUNICIPALITY_IDS.maastricht;
  const V = MUNICIPALITY_IDS.vaals;
  const households = {
    H1: fixture('H1', h1, 'Matrixeen', M, 'consulentWmo', h1Plan.id, hubM.id),
    H2: fixture('H2', h2, 'Matrixtwee', M, 'consulentParticipatie', h2Consent.id, hubM.id),
    H3: fixture('H3', h3, 'Matrixdrie', V, 'consulentHeuvelland', h3Consent.id, hubV.id),
    H4: fixture('H4', h4, 'Matrixvier', M, 'consulentJeugd', h4Consent.id, hubM.id),
  };
  return {
    households,
    domain: await buildDomainWorld(t, caller, households),
    hubs: { maastricht: hubM.id, vaals: hubV.id },
    userIds,
    referrals: { R1: r1.id, R2: r2.id, R3: r3.id, R4: r4.id },
    grants: { G1: g1.id, G2: g2.id },
    spareUserId: spare.id,
    reference,
    relationOf: (actor, household) =>
      actor === 'anonymous' || actor === 'expiredToken' ? 'none' : WORLD_RELATIONS[household][actor],
  };
}
