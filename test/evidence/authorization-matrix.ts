/**
 * The authorisation matrix of DESIGN.md "Access rules", as data.
 *
 * A cell is (endpoint, actor, target). For household routes the target is one of four fixture
 * households and the actor's *relation* to it comes from WORLD_RELATIONS; for other routes the target
 * names a variant of the call (a municipality, a query, a grant). A row says, for a set of actors and
 * relations (and optionally targets), which status the cell must answer and the exact set of fields
 * of the answer. A cell no row lists is a deny: 401 for a caller without a valid token, otherwise 403
 * or 404 with a bare problem document. The spec (authorization-matrix.e2e-spec.ts) drives the calls
 * (matrix-calls.ts), fails on an endpoint of a finished library without rows, and reports the
 * endpoints of the libraries still being built.
 */
import type { DemoUserKey } from '@app/identity';
import type { Actor } from './evidence-kit';

export type FixtureKey = 'H1' | 'H2' | 'H3' | 'H4';

export type Relation =
  /** Active regisseur of the household. */
  | 'regisseur'
  /** On the case team with the regisseur's pillar. */
  | 'caseTeamSamePillar'
  /** On the case team with another pillar, no consent for the organisation. */
  | 'caseTeamOtherPillar'
  /** On the case team; the household consented (PLAN, PILLAR_WMO) to the organisation. */
  | 'caseTeamWithConsent'
  /** On the case team; the organisation's consent was revoked (today). */
  | 'caseTeamConsentRevoked'
  /** Was on the case team, has left it. */
  | 'formerCaseTeam'
  /** Teamleider of a team that has a member on the case team. */
  | 'teamleiderOfTeam'
  /** Opened the household by break the glass less than 24 hours ago. */
  | 'breakGlass'
  /** Opened it by break the glass more than 24 hours ago. */
  | 'breakGlassExpired'
  /** A professional of the same municipality, not on the case (the verwijsindex view). */
  | 'sameMunicipality'
  /** Same, and the household consented (PLAN) to the organisation, which is not on the case. */
  | 'sameMunicipalityWithConsent'
  /** Works only for other municipalities. */
  | 'otherMunicipality'
  /** The organisation a referral is addressed to (referral routes). */
  | 'receivingOrganisation'
  /** Not about a household (global routes, or no valid token). */
  | 'none';

export const CASE_TEAM: Relation[] = [
  'regisseur',
  'caseTeamSamePillar',
  'caseTeamOtherPillar',
  'caseTeamWithConsent',
  'caseTeamConsentRevoked',
];
/** Relations that see the household only as the verwijsindex. */
export const INDEX_ONLY: Relation[] = [
  'sameMunicipality',
  'sameMunicipalityWithConsent',
  'breakGlassExpired',
  'formerCaseTeam',
];
/** Read the full dossier without being on the case team (and so without write rights). */
export const READ_ONLY_FULL: Relation[] = ['teamleiderOfTeam', 'breakGlass'];

export type ProfessionalKey = Exclude<
  DemoUserKey,
  'beleidsmedewerker' | 'privacyOfficer' | 'functioneelBeheerder'
>;
export const PROFESSIONALS: ProfessionalKey[] = [
  'consulentWmo',
  'consulentJeugd',
  'consulentParticipatie',
  'consulentHeuvelland',
  'sociaalTeamMedewerker',
  'schuldhulpverlener',
  'financialCoach',
  'teamleider',
];
/** Rule 6 and 7: no case content at all. */
export const NO_CASE_CONTENT: DemoUserKey[] = ['beleidsmedewerker', 'privacyOfficer', 'functioneelBeheerder'];
export const LOGGED_IN: DemoUserKey[] = [...PROFESSIONALS, ...NO_CASE_CONTENT];
export const WITHOUT_VALID_TOKEN: Actor[] = ['anonymous', 'expiredToken'];
export const EVERYONE: Actor[] = [...LOGGED_IN, ...WITHOUT_VALID_TOKEN];

/** How the fixture world (matrix-world.ts) relates every demo user to every fixture household. */
export const WORLD_RELATIONS: Record<FixtureKey, Record<DemoUserKey, Relation>> = {
  // Maastricht. Regisseur: consulent Wmo (team Noordwest).
  H1: {
    consulentWmo: 'regisseur',
    sociaalTeamMedewerker: 'caseTeamSamePillar',
    consulentParticipatie: 'caseTeamOtherPillar',
    schuldhulpverlener: 'caseTeamWithConsent',
    financialCoach: 'caseTeamConsentRevoked',
    teamleider: 'teamleiderOfTeam',
    consulentJeugd: 'breakGlass',
    consulentHeuvelland: 'otherMunicipality',
    beleidsmedewerker: 'sameMunicipality',
    privacyOfficer: 'sameMunicipality',
    functioneelBeheerder: 'sameMunicipality',
  },
  // Maastricht. Regisseur: consulent Participatie (team Zuidoost, not led by the demo teamleider).
  H2: {
    consulentParticipatie: 'regisseur',
    schuldhulpverlener: 'caseTeamOtherPillar',
    financialCoach: 'formerCaseTeam',
    consulentJeugd: 'breakGlassExpired',
    consulentWmo: 'sameMunicipality',
    sociaalTeamMedewerker: 'sameMunicipality',
    teamleider: 'sameMunicipality',
    consulentHeuvelland: 'otherMunicipality',
    beleidsmedewerker: 'sameMunicipality',
    privacyOfficer: 'sameMunicipality',
    functioneelBeheerder: 'sameMunicipality',
  },
  // Vaals. Regisseur: consulent Heuvelland.
  H3: {
    consulentHeuvelland: 'regisseur',
    schuldhulpverlener: 'sameMunicipality',
    consulentWmo: 'otherMunicipality',
    consulentJeugd: 'otherMunicipality',
    consulentParticipatie: 'otherMunicipality',
    sociaalTeamMedewerker: 'otherMunicipality',
    financialCoach: 'otherMunicipality',
    teamleider: 'otherMunicipality',
    beleidsmedewerker: 'otherMunicipality',
    privacyOfficer: 'sameMunicipality',
    functioneelBeheerder: 'sameMunicipality',
  },
  // Maastricht. Regisseur: consulent Jeugd (team Noordwest); KBL has consent but is not on the case.
  H4: {
    consulentJeugd: 'regisseur',
    sociaalTeamMedewerker: 'caseTeamOtherPillar',
    teamleider: 'teamleiderOfTeam',
    schuldhulpverlener: 'sameMunicipalityWithConsent',
    consulentWmo: 'sameMunicipality',
    consulentParticipatie: 'sameMunicipality',
    financialCoach: 'sameMunicipality',
    consulentHeuvelland: 'otherMunicipality',
    beleidsmedewerker: 'sameMunicipality',
    privacyOfficer: 'sameMunicipality',
    functioneelBeheerder: 'sameMunicipality',
  },
};

/** The expected fields of an answer: exactly `keys` (plus any of `optional`), recursively. */
export interface Shape {
  keys: readonly string[];
  /** Keys that may be present (e.g. dossier sections contributed by other libraries). */
  optional?: readonly string[];
  /** Exact values of some keys. */
  values?: Record<string, unknown>;
  /** Shapes of object-valued keys. */
  nested?: Record<string, Shape>;
  /** The shape of every element when the value is an array. */
  items?: Shape;
}

export interface Expectation {
  status: number;
  shape?: Shape;
  /** A refusal after authorisation: the field the 4xx must name. */
  field?: string;
  /** The problem type (without urn:gezinsplan:problem:). */
  problem?: string;
  /** Extension members an authorised refusal may carry (e.g. the procedure's state; never record data). */
  extensions?: readonly string[];
}

export interface MatrixRow {
  endpoint: string;
  actors: readonly Actor[];
  /** Omitted: any relation. */
  relations?: readonly Relation[];
  /** Omitted: any target. */
  targets?: readonly string[];
  expect: Expectation;
  /** The rule of DESIGN.md (or the reason) behind the row. */
  why: string;
}

// ---------------------------------------------------------------- shapes

const INDEX_FIELDS = [
  'id',
  'municipalityId',
  'neighbourhoodId',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'pillars',
  'regisseur',
  'status',
];
const REGISSEUR: Shape = { keys: ['userId', 'name', 'organisation'] };
const HOUSEHOLD_INDEX: Shape = { keys: INDEX_FIELDS, nested: { regisseur: REGISSEUR } };
const HOUSEHOLD_FULL: Shape = {
  keys: [
    ...INDEX_FIELDS,
    'cohort50',
    'anonymisedAt',
    'closedOn',
    'closeReason',
    'version',
    'createdBy',
    'createdAt',
    'updatedAt',
  ],
  nested: { regisseur: REGISSEUR },
};
const PERSON: Shape = {
  keys: [
    'id',
    'bsn',
    'givenNames',
    'familyNamePrefix',
    'familyName',
    'birthDate',
    'anonymisedAt',
    'createdAt',
    'updatedAt',
  ],
};
const MEMBER_ROW = ['id', 'householdId', 'municipalityId', 'personId', 'relation', 'joinedOn', 'leftOn'];
const DOSSIER_MEMBER: Shape = { keys: [...MEMBER_ROW, 'person'], nested: { person: PERSON } };
const CASE_TEAM_ROW = [
  'id',
  'householdId',
  'municipalityId',
  'userId',
  'organisationId',
  'caseRole',
  'pillar',
  'legalBasis',
  'joinedAt',
  'leftAt',
  'addedBy',
];
const CONSENT: Shape = {
  keys: [
    'id',
    'householdId',
    'municipalityId',
    'personId',
    'organisationId',
    'category',
    'givenOn',
    'method',
    'revokedOn',
    'recordedBy',
  ],
};
const REPRESENTATIVE: Shape = {
  keys: [
    'id',
    'householdId',
    'municipalityId',
    'personId',
    'kind',
    'name',
    'organisationName',
    'contact',
    'scope',
    'startsOn',
    'endsOn',
  ],
};
export const REFERRAL: Shape = {
  keys: [
    'id',
    'householdId',
    'municipalityId',
    'personId',
    'fromOrganisationId',
    'toOrganisationId',
    'reason',
    'status',
    'createdBy',
    'createdAt',
    'decidedBy',
    'decidedAt',
    'declineReason',
    'assignedUserId',
  ],
};
/** As answered by the create: the database sets createdAt, which the insert does not read back. */
const REFERRAL_CREATED: Shape = { keys: REFERRAL.keys.filter((k) => k !== 'createdAt') };
const GRANT_ROW = [
  'id',
  'householdId',
  'municipalityId',
  'userId',
  'category',
  'reason',
  'grantedAt',
  'expiresAt',
  'reviewStatus',
  'reviewedBy',
  'reviewedAt',
  'reviewNote',
];
export const GRANT_LISTED: Shape = { keys: [...GRANT_ROW, 'userName', 'organisation', 'active'] };

/**
 * Sections other libraries add to the full dossier (indications, plan, ...). Filled in at run time
 * from the DossierSectionRegistry: a section may appear in a full dossier, never in the index.
 */
export const DOSSIER_SECTIONS: string[] = [];

const dossier = (values: Record<string, unknown>): Shape => ({
  keys: [
    'household',
    'access',
    'breakGlass',
    'consentedToMe',
    'members',
    'caseTeam',
    'representatives',
    'consents',
    'referrals',
  ],
  get optional() {
    return DOSSIER_SECTIONS;
  },
  values: { access: 'full', ...values },
  nested: {
    household: HOUSEHOLD_FULL,
    members: { keys: [], items: DOSSIER_MEMBER },
    caseTeam: { keys: [], items: { keys: [...CASE_TEAM_ROW, 'name', 'organisation'] } },
    consents: { keys: [], items: CONSENT },
    representatives: { keys: [], items: REPRESENTATIVE },
    referrals: { keys: [], items: REFERRAL },
  },
});
const INDEX_DOSSIER = (values: Record<string, unknown> = {}): Shape => ({
  keys: ['household', 'access', 'breakGlass', 'consentedToMe'],
  values: { access: 'index', breakGlass: false, consentedToMe: [], ...values },
  nested: { household: HOUSEHOLD_INDEX },
});
export const SEARCH_ITEM = { full: HOUSEHOLD_FULL, index: HOUSEHOLD_INDEX };
const SEARCH_PAGE: Shape = { keys: ['items', 'page', 'pageSize', 'total'] };

const USER_VIEW: Shape = {
  keys: [
    'id',
    'email',
    'displayName',
    'organisationId',
    'roles',
    'pillars',
    'municipalityIds',
    'teams',
    'mandateCents',
    'active',
    'lockedUntil',
    'passwordChangedAt',
    'createdAt',
  ],
  nested: { teams: { keys: [], items: { keys: ['teamId', 'isLead'] } } },
};
const ME: Shape = {
  keys: [
    'id',
    'email',
    'displayName',
    'organisationId',
    'organisationKind',
    'roles',
    'pillars',
    'municipalityIds',
    'teamIds',
    'ledTeamIds',
    'mandateCents',
  ],
};
const TOKEN: Shape = {
  keys: ['accessToken', 'tokenType', 'expiresIn', 'user'],
  values: { tokenType: 'Bearer' },
  nested: { user: ME },
};
const list = (item: Shape): Shape => ({ keys: [], items: item });
const ACCOUNT_CHANGE: Shape = {
  keys: [
    'id',
    'kind',
    'userId',
    'email',
    'displayName',
    'changes',
    'status',
    'requestedById',
    'requestedByName',
    'requestedAt',
    'decidedById',
    'decidedByName',
    'decidedAt',
    'rejectionReason',
  ],
  // The requested account as sent (roles, teams, ...), never a password.
  nested: {
    changes: {
      keys: [],
      optional: [
        ...['email', 'displayName', 'organisationId', 'roles', 'pillars', 'municipalityIds'],
        ...['teams', 'mandateCents', 'active'],
      ],
    },
  },
};
const FOUR_EYES = 'vier ogen: a change that gives case access waits for a second functioneel beheerder';
const MUNICIPALITY: Shape = { keys: ['id', 'code', 'name'] };
const NEIGHBOURHOOD: Shape = { keys: ['id', 'municipalityId', 'name', 'inhabitants'] };
const WIJKSERVICEPUNT: Shape = { keys: ['id', 'municipalityId', 'neighbourhoodId', 'name'] };
const ORGANISATION: Shape = { keys: ['id', 'name', 'kind'] };
const TEAM: Shape = { keys: ['id', 'organisationId', 'name', 'municipalityId'] };
const HEALTH: Shape = { keys: ['status', 'info', 'error', 'details'], values: { status: 'ok' } };

// ---------------------------------------------------------------- rows

/** The common verdict of a case-team write: case team yes, read-only full access 403, index 403. */
function caseTeamWrite(
  endpoint: string,
  allowed: Expectation,
  denyIndex: 403 | 404,
  why: string,
  /** Actors with a rule of their own off the case (rows added separately). */
  except: DemoUserKey[] = [],
): MatrixRow[] {
  const offCase = PROFESSIONALS.filter((a) => !except.includes(a));
  return [
    { endpoint, actors: PROFESSIONALS, relations: CASE_TEAM, expect: allowed, why },
    {
      endpoint,
      actors: offCase,
      relations: READ_ONLY_FULL,
      expect: { status: 403 },
      why: 'rule 8 / rule 2: teamleider and break the glass read, they do not write',
    },
    {
      endpoint,
      actors: offCase,
      relations: INDEX_ONLY,
      expect: { status: denyIndex },
      why: 'rule 2: the index only; no case content to change',
    },
    ...denyOutside(endpoint),
  ];
}
function denyOutside(endpoint: string): MatrixRow[] {
  return [
    {
      endpoint,
      actors: PROFESSIONALS,
      relations: ['otherMunicipality'],
      expect: { status: 404, problem: 'not-found' },
      why: 'rule 1 and 9: another municipality is a 404',
    },
    {
      endpoint,
      actors: NO_CASE_CONTENT,
      expect: { status: 403, problem: 'forbidden' },
      why: 'rules 6 and 7: no case content for policy, privacy officer, functioneel beheerder',
    },
  ];
}

export const MATRIX: MatrixRow[] = [
  // ---------------------------------------------------------- health, auth (public surface)
  ...['GET /health', 'GET /health/ready'].map((endpoint): MatrixRow => ({
    endpoint,
    actors: EVERYONE,
    expect: { status: 200, shape: HEALTH },
    why: 'health checks are public and carry no personal data',
  })),
  {
    endpoint: 'POST /auth/login',
    actors: EVERYONE,
    targets: ['unknownAccount'],
    expect: { status: 401, problem: 'unauthenticated' },
    why: 'an unknown account is refused the same for everyone',
  },
  {
    endpoint: 'POST /auth/login',
    actors: EVERYONE,
    targets: ['demoAccount'],
    expect: { status: 200, shape: TOKEN },
    why: 'login with valid credentials, whatever bearer token is sent along',
  },
  {
    endpoint: 'POST /auth/refresh',
    actors: EVERYONE,
    expect: { status: 401, problem: 'unauthenticated' },
    why: 'refresh needs the refresh cookie; a bearer token is not one',
  },
  {
    endpoint: 'POST /auth/logout',
    actors: EVERYONE,
    expect: { status: 204 },
    why: 'logout without a session is a no-op',
  },
  {
    endpoint: 'GET /auth/me',
    actors: LOGGED_IN,
    expect: { status: 200, shape: ME },
    why: 'every logged-in user sees who they are',
  },
  {
    endpoint: 'POST /auth/password',
    actors: LOGGED_IN,
    expect: { status: 400, field: 'newPassword' },
    why: 'probe: authenticated, then refused by the password policy',
  },
  {
    endpoint: 'POST /auth/first-password',
    actors: EVERYONE,
    targets: ['unknownAccount'],
    expect: { status: 401, problem: 'unauthenticated' },
    why: 'an unknown account is refused the same for everyone',
  },
  {
    endpoint: 'POST /auth/first-password',
    actors: EVERYONE,
    targets: ['lastingPassword'],
    expect: { status: 422, field: 'oneTimePassword' },
    why: 'only a one-time password is replaced here; a lasting one is changed after login',
  },

  // ---------------------------------------------------------- reference data
  ...(
    [
      ['municipalities', MUNICIPALITY],
      ['neighbourhoods', NEIGHBOURHOOD],
      ['wijkservicepunten', WIJKSERVICEPUNT],
      ['organisations', ORGANISATION],
      ['teams', TEAM],
    ] as const
  ).flatMap(([name, shape]): MatrixRow[] => [
    {
      endpoint: `GET /reference/${name}`,
      actors: LOGGED_IN,
      expect: { status: 200, shape: list(shape) },
      why: 'reference data is readable by every logged-in user',
    },
    {
      endpoint: `POST /reference/${name}`,
      actors: ['functioneelBeheerder'],
      // The create answers with createdAt, which reads leave out (select: false); harmless.
      expect: { status: 201, shape: { ...shape, keys: [...shape.keys, 'createdAt'] } },
      why: 'only the functioneel beheerder maintains reference data',
    },
    {
      endpoint: `PATCH /reference/${name}/:id`,
      actors: ['functioneelBeheerder'],
      expect: { status: 200, shape },
      why: 'only the functioneel beheerder maintains reference data',
    },
  ]),

  // ---------------------------------------------------------- users
  {
    endpoint: 'GET /users',
    actors: ['functioneelBeheerder'],
    expect: {
      status: 200,
      shape: { keys: ['items', 'total', 'limit', 'offset'], nested: { items: list(USER_VIEW) } },
    },
    why: 'user administration is the functioneel beheerder’s',
  },
  {
    endpoint: 'GET /users/:id',
    actors: ['functioneelBeheerder'],
    expect: { status: 200, shape: USER_VIEW },
    why: 'user administration is the functioneel beheerder’s; never a password hash',
  },
  {
    endpoint: 'POST /users',
    actors: ['functioneelBeheerder'],
    expect: { status: 202, shape: ACCOUNT_CHANGE },
    why: `user administration is the functioneel beheerder’s; ${FOUR_EYES} (a consulent here)`,
  },
  {
    endpoint: 'POST /users/:id/password-reset',
    actors: ['functioneelBeheerder'],
    expect: { status: 200, shape: { keys: ['oneTimePassword', 'oneTimePasswordExpiresAt'] } },
    why: 'a one-time password made by the server, shown once; at once for an account without case access',
  },
  {
    endpoint: 'GET /user-changes',
    actors: ['functioneelBeheerder'],
    expect: {
      status: 200,
      shape: { keys: ['items', 'total', 'limit', 'offset'], nested: { items: list(ACCOUNT_CHANGE) } },
    },
    why: 'the functioneel beheerders see the changes waiting for a second pair of eyes',
  },
  ...(['approve', 'reject'] as const).map((decision): MatrixRow => ({
    endpoint: `POST /user-changes/:id/${decision}`,
    actors: ['functioneelBeheerder'],
    expect: { status: 403, problem: 'forbidden' },
    why: `${FOUR_EYES}: never the requester (here the demo beheerder; test/identity/four-eyes approves)`,
  })),
  {
    endpoint: 'POST /user-changes/:id/withdraw',
    actors: ['functioneelBeheerder'],
    expect: { status: 200, shape: { ...ACCOUNT_CHANGE, values: { status: 'withdrawn' } } },
    why: 'the requester withdraws their own pending change',
  },
  {
    endpoint: 'PATCH /users/:id',
    actors: ['functioneelBeheerder'],
    expect: { status: 200, shape: USER_VIEW },
    why: 'user administration is the functioneel beheerder’s',
  },

  // ---------------------------------------------------------- households: create, search
  {
    endpoint: 'POST /households',
    actors: PROFESSIONALS,
    relations: ['sameMunicipality'],
    expect: { status: 201, shape: dossier({ breakGlass: false, consentedToMe: [] }) },
    why: 'a professional registers households of the municipalities they work for',
  },
  {
    endpoint: 'POST /households',
    actors: PROFESSIONALS,
    relations: ['otherMunicipality'],
    expect: { status: 400, field: 'municipalityId' },
    why: 'rule 1: not in a municipality one does not work for',
  },
  {
    endpoint: 'POST /households',
    actors: NO_CASE_CONTENT,
    expect: { status: 403, problem: 'forbidden' },
    why: 'rules 6 and 7',
  },
  {
    endpoint: 'POST /households/search',
    actors: PROFESSIONALS,
    expect: { status: 200, shape: SEARCH_PAGE },
    why: 'rule 2: search shows the index (the dossier fields to the case team); membership: SEARCH_VISIBILITY',
  },
  {
    endpoint: 'POST /households/search',
    actors: NO_CASE_CONTENT,
    expect: { status: 403, problem: 'forbidden' },
    why: 'rules 6 and 7: not even the index',
  },

  // ---------------------------------------------------------- households: the dossier
  ...(
    [
      ['regisseur', {}],
      ['caseTeamSamePillar', {}],
      ['caseTeamOtherPillar', {}],
      ['caseTeamWithConsent', { consentedToMe: ['PILLAR_WMO', 'PLAN'] }],
      ['caseTeamConsentRevoked', {}],
      ['teamleiderOfTeam', {}],
      ['breakGlass', { breakGlass: true }],
    ] as const
  ).map(([relation, values]): MatrixRow => ({
    endpoint: 'GET /households/:id',
    actors: PROFESSIONALS,
    relations: [relation],
    expect: { status: 200, shape: dossier({ breakGlass: false, consentedToMe: [], ...values }) },
    why: 'rule 2 (case team, teamleider of a team on the case) and rule 8 (break the glass)',
  })),
  {
    endpoint: 'GET /households/:id',
    actors: PROFESSIONALS,
    relations: ['sameMunicipality', 'breakGlassExpired', 'formerCaseTeam'],
    expect: { status: 200, shape: INDEX_DOSSIER() },
    why: 'rule 2: the verwijsindex only (address, pillars, regisseur); a grant lasts 24 hours',
  },
  {
    endpoint: 'GET /households/:id',
    actors: PROFESSIONALS,
    relations: ['sameMunicipalityWithConsent'],
    expect: { status: 200, shape: INDEX_DOSSIER({ consentedToMe: ['PLAN'] }) },
    why: 'a consent shares with the case team of an organisation; off the case it opens nothing',
  },
  ...denyOutside('GET /households/:id'),

  // ---------------------------------------------------------- households: writes
  ...caseTeamWrite(
    'PATCH /households/:id',
    { status: 200, shape: dossier({ breakGlass: false }) },
    403,
    'rule 2: the case team maintains the household',
  ),
  ...caseTeamWrite(
    'POST /households/:id/close',
    { status: 400, field: 'closedOn' },
    403,
    'probe (closing tomorrow): authorised, then refused by the date rule',
  ),
  ...caseTeamWrite(
    'POST /households/:householdId/members',
    { status: 201, shape: { keys: MEMBER_ROW } },
    403,
    'rule 2: the case team maintains the members',
  ),
  ...caseTeamWrite(
    'POST /households/:householdId/members/:memberId/end',
    { status: 400, field: 'leftOn' },
    403,
    'probe (leaving before joining): authorised, then refused by the date rule',
  ),
  ...caseTeamWrite(
    'POST /households/:householdId/members/:memberId/move',
    { status: 400, field: 'movedOn' },
    403,
    'probe (moving before joining, to the hub): authorised on both households, then refused',
  ),
  ...caseTeamWrite(
    'POST /households/:householdId/case-team',
    { status: 400, field: 'userId' },
    403,
    'probe (adding a beleidsmedewerker): authorised, then refused: no case-work role',
  ),
  ...caseTeamWrite(
    'GET /households/:householdId/case-team/candidates',
    { status: 200, shape: list({ keys: ['userId', 'displayName', 'organisation', 'pillars'] }) },
    403,
    'rule 2: who may add case-team members may look up colleagues to add (name, organisation, pillars only)',
  ),
  ...caseTeamWrite(
    'DELETE /households/:householdId/case-team/:memberId',
    { status: 409, problem: 'conflict' },
    403,
    'probe (removing the regisseur): authorised, then refused: hand over first',
  ),
  ...caseTeamWrite(
    'POST /households/:householdId/regisseur',
    { status: 409, problem: 'conflict' },
    403,
    'probe (hand over to the current regisseur): authorised, then refused',
  ),
  ...caseTeamWrite(
    'POST /households/:householdId/consents',
    { status: 400, field: 'givenOn' },
    404,
    'probe (consent given tomorrow): authorised, then refused; off the case consents are not even visible',
  ),
  ...caseTeamWrite(
    'POST /households/:householdId/consents/:consentId/revoke',
    { status: 400, field: 'revokedOn' },
    404,
    'probe (revoked before given): authorised, then refused',
  ),
  ...caseTeamWrite(
    'POST /households/:householdId/representatives',
    { status: 201, shape: REPRESENTATIVE },
    404,
    'rule 2: the case team records representatives',
  ),
  ...caseTeamWrite(
    'POST /households/:householdId/referrals',
    { status: 201, shape: REFERRAL_CREATED },
    404,
    'the case team refers the household to another organisation',
    ['financialCoach'],
  ),
  {
    endpoint: 'POST /households/:householdId/referrals',
    actors: ['financialCoach'],
    relations: [...READ_ONLY_FULL, ...INDEX_ONLY],
    expect: { status: 201, shape: REFERRAL_CREATED },
    why: 'issue 8: a coach refers walk-in residents on (to KBL, a sociaal team) without being on the case',
  },

  // ---------------------------------------------------------- break the glass
  {
    endpoint: 'POST /households/:householdId/break-glass',
    actors: PROFESSIONALS,
    relations: [...CASE_TEAM, ...READ_ONLY_FULL],
    expect: { status: 409, problem: 'conflict' },
    why: 'rule 8: not needed by someone who already has the dossier',
  },
  {
    endpoint: 'POST /households/:householdId/break-glass',
    actors: PROFESSIONALS,
    relations: INDEX_ONLY,
    expect: { status: 201, shape: { keys: GRANT_ROW } },
    why: 'rule 8: any professional of the municipality may break the glass with a reason',
  },
  ...denyOutside('POST /households/:householdId/break-glass'),
  {
    endpoint: 'GET /break-glass/grants',
    actors: LOGGED_IN,
    expect: { status: 200, shape: list(GRANT_LISTED) },
    why: 'rule 8: the privacy officer reviews, the teamleider sees their team’s; membership: GRANT_VISIBILITY',
  },
  {
    endpoint: 'POST /break-glass/grants/:id/review',
    actors: ['privacyOfficer'],
    targets: ['pending'],
    expect: { status: 201, shape: { keys: GRANT_ROW } },
    why: 'rule 8: the privacy officer reviews a grant',
  },
  {
    endpoint: 'POST /break-glass/grants/:id/review',
    actors: ['privacyOfficer'],
    targets: ['reviewed'],
    expect: { status: 409, problem: 'conflict' },
    why: 'rule 8: a grant is reviewed once',
  },
  {
    endpoint: 'POST /break-glass/grants/:id/review',
    actors: LOGGED_IN.filter((a) => a !== 'privacyOfficer'),
    expect: { status: 403, problem: 'forbidden' },
    why: 'rule 8: only the privacy officer reviews',
  },

  // ---------------------------------------------------------- referrals
  {
    endpoint: 'GET /referrals',
    actors: PROFESSIONALS,
    expect: { status: 200, shape: list(REFERRAL) },
    why: 'both sides see a referral’s status; membership: REFERRAL_VISIBILITY',
  },
  {
    endpoint: 'GET /referrals',
    actors: NO_CASE_CONTENT,
    expect: { status: 403, problem: 'forbidden' },
    why: 'rules 6 and 7',
  },
  {
    endpoint: 'POST /referrals/:id/accept',
    actors: PROFESSIONALS,
    relations: ['receivingOrganisation'],
    expect: { status: 400, field: 'userId' },
    why: 'probe (assigning someone of another organisation): the receiver is authorised, then refused',
  },
  {
    endpoint: 'POST /referrals/:id/decline',
    actors: PROFESSIONALS,
    relations: ['receivingOrganisation'],
    expect: { status: 200, shape: REFERRAL },
    why: 'the receiving organisation declines with a reason',
  },
  ...['POST /referrals/:id/accept', 'POST /referrals/:id/decline'].flatMap((endpoint): MatrixRow[] => [
    {
      endpoint,
      actors: PROFESSIONALS,
      relations: CASE_TEAM,
      expect: { status: 403, problem: 'forbidden' },
      why: 'the sender’s side sees the referral but does not decide it',
    },
    {
      endpoint,
      actors: PROFESSIONALS,
      relations: INDEX_ONLY,
      expect: { status: 404, problem: 'not-found' },
      why: 'not the receiver, not on the case: the referral is not visible',
    },
    ...denyOutside(endpoint),
  ]),
];

// ---------------------------------------------------------------- list memberships

/** Which fixture households each user finds, and with which view (rule 1, 2, 8). */
export const SEARCH_VISIBILITY: Record<ProfessionalKey, Partial<Record<FixtureKey, 'full' | 'index'>>> = {
  consulentWmo: { H1: 'full', H2: 'index', H4: 'index' },
  consulentJeugd: { H1: 'full', H2: 'index', H4: 'full' },
  consulentParticipatie: { H1: 'full', H2: 'full', H4: 'index' },
  consulentHeuvelland: { H3: 'full' },
  sociaalTeamMedewerker: { H1: 'full', H2: 'index', H4: 'full' },
  schuldhulpverlener: { H1: 'full', H2: 'full', H3: 'index', H4: 'index' },
  financialCoach: { H1: 'full', H2: 'index', H4: 'index' },
  teamleider: { H1: 'full', H2: 'index', H4: 'full' },
};

/** Fixture referrals: R1 H1 SZMH->KBL, R2 H2 SZMH->Sociaal Team 3, R3 H3 SZMH->KBL, R4 H4 SZMH->coaches. */
export const REFERRAL_VISIBILITY: Record<ProfessionalKey, { incoming: string[]; outgoing: string[] }> = {
  consulentWmo: { incoming: [], outgoing: ['R1'] },
  consulentJeugd: { incoming: [], outgoing: ['R1', 'R4'] },
  consulentParticipatie: { incoming: [], outgoing: ['R1', 'R2'] },
  consulentHeuvelland: { incoming: [], outgoing: ['R3'] },
  sociaalTeamMedewerker: { incoming: ['R2'], outgoing: [] },
  schuldhulpverlener: { incoming: ['R1', 'R3'], outgoing: [] },
  financialCoach: { incoming: ['R4'], outgoing: [] },
  teamleider: { incoming: [], outgoing: ['R1', 'R4'] },
};

/** G1: consulent Jeugd on H1 (active, pending); G2: consulent Jeugd on H2 (expired, accepted). */
export const GRANT_VISIBILITY: Record<DemoUserKey, { all: string[]; pending: string[] }> = {
  consulentWmo: { all: [], pending: [] },
  consulentJeugd: { all: [], pending: [] },
  consulentParticipatie: { all: [], pending: [] },
  consulentHeuvelland: { all: [], pending: [] },
  sociaalTeamMedewerker: { all: [], pending: [] },
  schuldhulpverlener: { all: [], pending: [] },
  financialCoach: { all: [], pending: [] },
  teamleider: { all: ['G1', 'G2'], pending: ['G1'] },
  beleidsmedewerker: { all: [], pending: [] },
  privacyOfficer: { all: ['G1', 'G2'], pending: ['G1'] },
  functioneelBeheerder: { all: [], pending: [] },
};

// ---------------------------------------------------------------- mass assignment

export interface MassAssignment {
  endpoint: string;
  actor: DemoUserKey;
  /** Dotted path into the valid body (`members.0.id`), and the value smuggled in. */
  inject: Record<string, unknown>;
  /** The field the 400 must name. */
  field: string;
  why: string;
}

const SERVER_OWNED = 'server-owned field';
export const MASS_ASSIGNMENT: MassAssignment[] = [
  ...(
    [
      ['status', 'closed'],
      ['municipalityId', 'a1000000-0000-4000-8000-000000000005'],
      ['version', 99],
      ['id', '00000000-0000-4000-8000-000000000000'],
      ['createdBy', '00000000-0000-4000-8000-000000000000'],
      ['closedOn', '2026-01-01'],
      ['closeReason', 'x'],
      ['pillars', ['JEUGD']],
    ] as const
  ).map(([field, value]): MassAssignment => ({
    endpoint: 'PATCH /households/:id',
    actor: 'consulentWmo',
    inject: { [field]: value },
    field,
    why: SERVER_OWNED,
  })),
  ...(['status', 'id', 'createdBy', 'version', 'closedOn'] as const).map((field): MassAssignment => ({
    endpoint: 'POST /households',
    actor: 'consulentWmo',
    inject: { [field]: field === 'version' ? 5 : field === 'status' ? 'closed' : '2026-01-01' },
    field,
    why: SERVER_OWNED,
  })),
  {
    endpoint: 'POST /households',
    actor: 'consulentWmo',
    inject: { 'members.0.id': '00000000-0000-4000-8000-000000000000' },
    field: 'members.0.id',
    why: 'a nested server-owned field',
  },
  {
    endpoint: 'POST /households',
    actor: 'consulentWmo',
    inject: { 'members.0.anonymisedAt': '2026-01-01' },
    field: 'members.0.anonymisedAt',
    why: 'a nested server-owned field',
  },
  ...(['householdId', 'municipalityId', 'leftOn', 'personId'] as const).map((field): MassAssignment => ({
    endpoint: 'POST /households/:householdId/members',
    actor: 'consulentWmo',
    inject: { [field]: field === 'leftOn' ? '2026-01-01' : '00000000-0000-4000-8000-000000000000' },
    field,
    why: SERVER_OWNED,
  })),
  {
    endpoint: 'POST /households/:householdId/case-team',
    actor: 'consulentParticipatie',
    inject: { caseRole: 'regisseur' },
    field: 'caseRole',
    why: 'a case-team member cannot make someone regisseur except by the hand-over',
  },
  ...(['organisationId', 'leftAt', 'joinedAt', 'addedBy'] as const).map((field): MassAssignment => ({
    endpoint: 'POST /households/:householdId/case-team',
    actor: 'consulentWmo',
    inject: {
      [field]: field.endsWith('At') ? '2026-01-01T00:00:00Z' : '00000000-0000-4000-8000-000000000000',
    },
    field,
    why: SERVER_OWNED,
  })),
  ...(['revokedOn', 'householdId', 'recordedBy', 'municipalityId'] as const).map((field): MassAssignment => ({
    endpoint: 'POST /households/:householdId/consents',
    actor: 'consulentWmo',
    inject: { [field]: field === 'revokedOn' ? '2026-11-20' : '00000000-0000-4000-8000-000000000000' },
    field,
    why: SERVER_OWNED,
  })),
  ...(['householdId', 'municipalityId'] as const).map((field): MassAssignment => ({
    endpoint: 'POST /households/:householdId/representatives',
    actor: 'consulentWmo',
    inject: { [field]: '00000000-0000-4000-8000-000000000000' },
    field,
    why: SERVER_OWNED,
  })),
  ...(
    [
      ['fromOrganisationId', 'b2000000-0000-4000-8000-000000000021'],
      ['status', 'accepted'],
      ['createdBy', '00000000-0000-4000-8000-000000000000'],
      ['assignedUserId', '00000000-0000-4000-8000-000000000000'],
    ] as const
  ).map(([field, value]): MassAssignment => ({
    endpoint: 'POST /households/:householdId/referrals',
    actor: 'consulentWmo',
    inject: { [field]: value },
    field,
    why: 'the sender is the caller’s organisation; the status is the receiver’s to set',
  })),
  ...(
    [
      ['expiresAt', '2099-01-01T00:00:00Z'],
      ['userId', '00000000-0000-4000-8000-000000000000'],
      ['reviewStatus', 'accepted'],
      ['householdId', '00000000-0000-4000-8000-000000000000'],
    ] as const
  ).map(([field, value]): MassAssignment => ({
    endpoint: 'POST /households/:householdId/break-glass',
    actor: 'consulentWmo',
    inject: { [field]: value },
    field,
    why: 'rule 8: 24 hours, for the caller, reviewed by the privacy officer only',
  })),
  ...(['reviewedBy', 'grantedAt', 'expiresAt'] as const).map((field): MassAssignment => ({
    endpoint: 'POST /break-glass/grants/:id/review',
    actor: 'privacyOfficer',
    inject: {
      [field]: field === 'reviewedBy' ? '00000000-0000-4000-8000-000000000000' : '2099-01-01T00:00:00Z',
    },
    field,
    why: SERVER_OWNED,
  })),
  ...(['status', 'decidedBy', 'householdId'] as const).map((field): MassAssignment => ({
    endpoint: 'POST /referrals/:id/accept',
    actor: 'sociaalTeamMedewerker',
    inject: { [field]: field === 'status' ? 'accepted' : '00000000-0000-4000-8000-000000000000' },
    field,
    why: SERVER_OWNED,
  })),
  ...(
    [
      ['passwordHash', '$argon2id$v=19$m=65536,t=3,p=4$x$y'],
      // The server makes every password set for someone else (a one-time password).
      ['password', 'Zelf-gekozen-wachtwoord-2026'],
      ['failedLoginCount', 0],
      ['lockedUntil', null],
      ['id', '00000000-0000-4000-8000-000000000000'],
      ['organisationKind', 'kbl'],
    ] as const
  ).flatMap(([field, value]): MassAssignment[] => [
    {
      endpoint: 'POST /users',
      actor: 'functioneelBeheerder',
      inject: { [field]: value },
      field,
      why: SERVER_OWNED,
    },
    {
      endpoint: 'PATCH /users/:id',
      actor: 'functioneelBeheerder',
      inject: { [field]: value },
      field,
      why: SERVER_OWNED,
    },
  ]),
  {
    endpoint: 'PATCH /reference/municipalities/:id',
    actor: 'functioneelBeheerder',
    inject: { code: 'andere-code' },
    field: 'code',
    why: 'a municipality code never changes (ids and seeds refer to it)',
  },
  {
    endpoint: 'POST /reference/municipalities',
    actor: 'functioneelBeheerder',
    inject: { id: '00000000-0000-4000-8000-000000000000' },
    field: 'id',
    why: SERVER_OWNED,
  },
  {
    endpoint: 'POST /auth/password',
    actor: 'consulentWmo',
    inject: { userId: '00000000-0000-4000-8000-000000000000' },
    field: 'userId',
    why: 'a password change is always one’s own',
  },
];
