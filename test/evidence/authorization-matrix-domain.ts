/**
 * The authorisation matrix, continued: the libraries around the households (indications, plans,
 * budgets, outreach, privacy, reporting). Same conventions as authorization-matrix.ts: a cell no row
 * lists is a deny; rows give status and the exact fields; the tables below give list memberships.
 */
import type { DemoUserKey } from '@app/identity';
import type { IndicationKey } from './matrix-world-domain';
import { REVIEWS_MASS_ASSIGNMENT, REVIEWS_MATRIX } from './authorization-matrix-reviews';
import {
  CASE_TEAM,
  Expectation,
  INDEX_ONLY,
  LOGGED_IN,
  MassAssignment,
  MatrixRow,
  NO_CASE_CONTENT,
  PROFESSIONALS,
  READ_ONLY_FULL,
  Shape,
} from './authorization-matrix';

// ---------------------------------------------------------------- list memberships

type View = 'detail' | 'summary';
/**
 * Rule 3 per fixture indication: who sees it, and how much. Detail for the case team of the pillar
 * (KBL and coaches: SHV only); the summary for the regisseur, the teamleider, break the glass and
 * consented case-team members (KBL has PILLAR_WMO on H1); Jeugd details never leave the Jeugd consulent.
 */
export const INDICATION_VISIBILITY: Record<IndicationKey, Partial<Record<DemoUserKey, View>>> = {
  'H1-WMO': {
    consulentWmo: 'detail',
    sociaalTeamMedewerker: 'detail',
    schuldhulpverlener: 'summary',
    teamleider: 'summary',
    consulentJeugd: 'summary',
  },
  'H1-SHV': {
    schuldhulpverlener: 'detail',
    financialCoach: 'detail',
    consulentWmo: 'summary',
    teamleider: 'summary',
    consulentJeugd: 'summary',
  },
  'H2-PARTICIPATIE': { consulentParticipatie: 'detail' },
  'H3-WMO': { consulentHeuvelland: 'detail' },
  'H4-JEUGD': { consulentJeugd: 'detail', teamleider: 'summary' },
};

/** Rule 5: H1's budget requests are visible to its case team, the teamleider and break the glass. */
export const BUDGET_REQUEST_VISIBILITY: Record<DemoUserKey, ('small' | 'large')[]> = {
  consulentWmo: ['small', 'large'],
  consulentJeugd: ['small', 'large'],
  consulentParticipatie: ['small', 'large'],
  consulentHeuvelland: [],
  sociaalTeamMedewerker: ['small', 'large'],
  schuldhulpverlener: ['small', 'large'],
  financialCoach: ['small', 'large'],
  teamleider: ['small', 'large'],
  beleidsmedewerker: [],
  privacyOfficer: [],
  functioneelBeheerder: [],
};

/**
 * Rule 5: within the decider's mandate (consulent EUR 500, teamleider EUR 2,500), never the requester,
 * and by someone who works on the case (the case team, the teamleider): break the glass (consulent
 * Jeugd on H1) reads, it does not decide.
 */
export const DECIDABLE: Record<DemoUserKey, ('small' | 'large')[]> = {
  consulentWmo: [],
  consulentJeugd: [],
  consulentParticipatie: ['small'],
  consulentHeuvelland: [],
  sociaalTeamMedewerker: [],
  schuldhulpverlener: [],
  financialCoach: [],
  teamleider: ['small', 'large'],
  beleidsmedewerker: [],
  privacyOfficer: [],
  functioneelBeheerder: [],
};

/**
 * Spreekuur contacts: Nazareth (demo coach, linked to H1) is seen by its coach and H1's case team
 * (rule 2); Pottenberg (anonymous, another coach) by nobody of the demo users.
 */
export const CONTACT_VISIBILITY: Record<DemoUserKey, ('nazareth' | 'pottenberg')[]> = {
  consulentWmo: ['nazareth'],
  consulentJeugd: ['nazareth'],
  consulentParticipatie: ['nazareth'],
  consulentHeuvelland: [],
  sociaalTeamMedewerker: ['nazareth'],
  schuldhulpverlener: ['nazareth'],
  financialCoach: ['nazareth'],
  teamleider: ['nazareth'],
  beleidsmedewerker: [],
  privacyOfficer: [],
  functioneelBeheerder: [],
};

/** Vroegsignalering: each signal is worked by the organisation that owns it (KBL, the coaches). */
export const SIGNAL_VISIBILITY: Record<DemoUserKey, ('kbl' | 'coaches')[]> = {
  consulentWmo: [],
  consulentJeugd: [],
  consulentParticipatie: [],
  consulentHeuvelland: [],
  sociaalTeamMedewerker: [],
  schuldhulpverlener: ['kbl'],
  financialCoach: ['coaches'],
  teamleider: [],
  beleidsmedewerker: [],
  privacyOfficer: [],
  functioneelBeheerder: [],
};

/** AVG art. 15 requests are the privacy officer's. */
export const ACCESS_REQUEST_VISIBILITY: Record<DemoUserKey, 'request'[]> = {
  consulentWmo: [],
  consulentJeugd: [],
  consulentParticipatie: [],
  consulentHeuvelland: [],
  sociaalTeamMedewerker: [],
  schuldhulpverlener: [],
  financialCoach: [],
  teamleider: [],
  beleidsmedewerker: [],
  privacyOfficer: ['request'],
  functioneelBeheerder: [],
};

// ---------------------------------------------------------------- shapes

const list = (item: Shape): Shape => ({ keys: [], items: item });
const page = (item: Shape, extra: string[] = []): Shape => ({
  keys: ['items', 'page', 'pageSize', 'total', ...extra],
  nested: { items: list(item) },
});

/** Rule 3: the summary of an indication (pillar, product category, period, status, the legal clock). */
const INDICATION_SUMMARY_KEYS = [
  'id',
  'householdId',
  'municipalityId',
  'personId',
  'pillar',
  'productCategory',
  'startDate',
  'endDate',
  'status',
  'deadline',
  'daysLeft',
  'overdue',
];
const CLOCK: Shape = {
  keys: [
    'kind',
    'basis',
    'length',
    'unit',
    'startDate',
    'deadline',
    'daysLeft',
    'overdue',
    'paused',
    'suspendedDays',
    'stoppedOn',
    'onTime',
  ],
};
const PROCEDURE_KEYS = [
  'meldingDate',
  'aanvraagDate',
  'firstConversationDate',
  'threat',
  'suspensions',
  'beschikking',
  'bezwaren',
  'withdrawnOn',
  'handlerUserId',
  'allowedNextStates',
  'clocks',
];
export const INDICATION_SUMMARY: Shape = { keys: INDICATION_SUMMARY_KEYS };
/** Rule 3: the details (product, provider, reasons, notes, the procedure) for the pillar's case team. */
export const INDICATION_DETAIL: Shape = {
  keys: [
    ...INDICATION_SUMMARY_KEYS,
    'product',
    'productId',
    'provider',
    'form',
    'reason',
    'notes',
    'procedure',
  ],
  nested: { procedure: { keys: PROCEDURE_KEYS, nested: { clocks: list(CLOCK) } } },
};
const PRODUCT_KEYS = ['id', 'pillar', 'code', 'name', 'category', 'active'];
const PRODUCT: Shape = { keys: [...PRODUCT_KEYS, 'createdAt', 'updatedAt'] };

const AGREED_BY: Shape = { keys: ['type', 'id', 'name'] };
const ACTION: Shape = { keys: ['id', 'goalId', 'actor', 'description', 'dueOn', 'done', 'overdue'] };
const GOAL: Shape = {
  keys: [
    'id',
    'lifeDomain',
    'lifeDomainLabel',
    'description',
    'owner',
    'targetDate',
    'status',
    'overdue',
    'indicationIds',
    'internalNote',
    'actions',
  ],
  nested: { owner: { keys: ['type', 'id', 'name'] }, actions: list(ACTION) },
};
const VERSION_SUMMARY: Shape = {
  keys: ['number', 'status', 'agreedOn', 'agreedBy', 'createdAt'],
  nested: { agreedBy: list(AGREED_BY) },
};
/** Rule 4: the whole plan shows the household's own words; the financial part does not. */
const version = (whole: boolean): Shape => ({
  keys: [...VERSION_SUMMARY.keys, 'goals', ...(whole ? ['ownWords'] : [])],
  nested: { agreedBy: list(AGREED_BY), goals: list(GOAL) },
});
const plan = (scope: 'whole' | 'financien'): Shape => ({
  keys: [
    'householdId',
    'exists',
    'revision',
    'scope',
    'createdOn',
    'nextEvaluationOn',
    'evaluationOverdue',
    'version',
    'versions',
    'evaluations',
  ],
  values: { scope },
  nested: { version: version(scope === 'whole'), versions: list(VERSION_SUMMARY) },
});
const COMPARISON: Shape = { keys: ['from', 'to', 'ownWords', 'goals', 'actions'] };
const CHANGES: Shape = {
  keys: ['items', 'page', 'pageSize'],
  nested: {
    items: list({
      keys: [
        'revision',
        'versionNumber',
        'kind',
        'targetId',
        'lifeDomain',
        'fields',
        'changedAt',
        'changedBy',
      ],
    }),
  },
};

const BUDGET: Shape = {
  keys: [
    'id',
    'municipalityId',
    'municipality',
    'year',
    'amount',
    'amountCents',
    'committed',
    'committedCents',
    'paid',
    'paidCents',
    'remaining',
    'remainingCents',
    'version',
    'ledgerConsistent',
  ],
};
const BUDGET_DETAIL: Shape = { keys: [...BUDGET.keys, 'byStatus', 'byTeam', 'byReplacedScheme'] };
const REQUEST_KEYS = [
  'id',
  'budgetId',
  'householdId',
  'municipalityId',
  'personId',
  'amount',
  'amountCents',
  'goalIds',
  'justification',
  'replacedSchemes',
  'payee',
  'wantedOn',
  'requestedBy',
  'requestedOn',
  'requesterTeamId',
  'status',
  'motivation',
  'decidedBy',
  'decidedAt',
  'paid',
  'paidCents',
  'outstanding',
  'outstandingCents',
  'releasedCents',
  'withdrawalReason',
  'withdrawnAt',
];
const REQUEST: Shape = {
  keys: REQUEST_KEYS,
  nested: { payee: { keys: ['name', 'iban'] }, requestedBy: { keys: ['id', 'name'] } },
};
const REQUEST_DETAIL: Shape = { ...REQUEST, keys: [...REQUEST_KEYS, 'goals', 'payments'] };

const LOCATION: Shape = {
  keys: ['userId', 'wijkservicepuntId', 'wijkservicepunt', 'municipalityId', 'isPrimary'],
};
const CONTACT: Shape = {
  keys: [
    'id',
    'municipalityId',
    'wijkservicepunt',
    'contactAt',
    'topics',
    'anonymous',
    'householdId',
    'personId',
    'basis',
    'legalBasis',
    'consentGivenOn',
    'consentMethod',
    'referral',
    'followUpOn',
    'followUpDoneOn',
    'note',
    'createdBy',
    'mine',
  ],
  nested: { wijkservicepunt: { keys: ['id', 'name'] } },
};
const FIGURES: Shape = { keys: ['from', 'to', 'period', 'rows', 'suppressed'] };
const SIGNAL_KEYS = [
  'id',
  'reference',
  'municipalityId',
  'ownerOrganisationId',
  'ownerUserId',
  'creditorType',
  'creditor',
  'creditorReference',
  'bsn',
  'address',
  'arrearsCents',
  'arrearsMonths',
  'receivedOn',
  'knownHouseholdId',
  'knownPersonId',
  'multiple',
  'repeated',
  'addressSignals',
  'priority',
  'priorityLabel',
  'threatening',
  'helpRequestedOn',
  'firstConversationOn',
  'wgsClock',
  'outcome',
  'outcomeOn',
  'attempts',
];
const SIGNAL: Shape = { keys: SIGNAL_KEYS };
const SIGNAL_DETAIL: Shape = { keys: [...SIGNAL_KEYS, 'sameAddress'] };
const SIGNAL_FIGURES: Shape = { keys: ['from', 'to', 'creditorTypes', 'rows', 'suppressed'] };
const IMPORT_REPORT: Shape = {
  keys: ['importId', 'municipalityId', 'lines', 'accepted', 'duplicates', 'invalid', 'report'],
  // Being reworked by another change while this was written: present in one run, gone in the next.
  optional: ['notStored'],
};
/** What the privacy officer and functioneel beheerder see of a retention run: counts, never whom. */

const ACCESS_REQUEST: Shape = {
  keys: [
    'id',
    'reference',
    'personId',
    'receivedOn',
    'channel',
    'registeredAt',
    'status',
    'deadline',
    'originalDeadline',
    'extension',
    'daysLeft',
    'overdue',
    'lastExportedAt',
    'deliveredOn',
    'deliveredLate',
  ],
};
const ACCESS_EXPORT: Shape = {
  keys: [
    'format',
    'producedAt',
    'request',
    'personId',
    'parts',
    'accessSummary',
    'accesses',
    'accessesTruncated',
  ],
};
const LOG_ENTRY: Shape = {
  keys: [
    'occurredAt',
    'traceId',
    'spanId',
    'activity',
    'purpose',
    'legalBasis',
    'action',
    'resourceType',
    'resourceId',
    'householdId',
    'dataSubjects',
    'outcome',
    'reason',
    'user',
    'roles',
    'organisation',
    'breakGlass',
  ],
};
const RETENTION_RUN_KEYS = [
  'id',
  'dryRun',
  'referenceDate',
  'startedAt',
  'finishedAt',
  'triggeredBy',
  'userId',
  'householdsDue',
  'householdsAnonymised',
  'personsAnonymised',
];
const RETENTION_RUN: Shape = { keys: [...RETENTION_RUN_KEYS, 'households', 'policy', 'sweeps'] };
const MONITOR_THEMES: Shape = {
  keys: [
    'municipalityId',
    'from',
    'to',
    'spreekuurPer',
    'legend',
    'quarterly',
    'bezwaren',
    'shvFirstContact',
    'shvTrajectories',
    'shvDropout',
    'spreekuurVisits',
    'spreekuurReferrals',
    'spreekuurTopics',
    'signalsByNeighbourhood',
    'signalFollowUp',
    'signalActions',
    'budgetSchemes',
  ],
};
const MONITOR: Shape = {
  keys: [
    'municipalityId',
    'from',
    'to',
    'legend',
    'pillars',
    'samenloop',
    'ageBands',
    'neighbourhoods',
    'wmoLeadTime',
  ],
};

// ---------------------------------------------------------------- row helpers

const ok = (status: number, shape?: Shape): Expectation => ({ status, shape });
const refused = (status: number, problem: string, field?: string): Expectation => ({
  status,
  problem,
  field,
});
const FORBIDDEN = refused(403, 'forbidden');
const NOT_FOUND = refused(404, 'not-found');
/** A step the procedure does not allow now: the answer names the states, nothing of the record. */
const INVALID_TRANSITION: Expectation = {
  ...refused(409, 'invalid-transition'),
  extensions: ['currentState', 'requestedState', 'allowedNextStates'],
};

/** Rule 1 and 9 (another municipality is a 404) and rules 6 and 7 (no case content). */
function outside(endpoint: string): MatrixRow[] {
  return [
    {
      endpoint,
      actors: PROFESSIONALS,
      relations: ['otherMunicipality'],
      expect: NOT_FOUND,
      why: 'rule 1 and 9: another municipality is a 404',
    },
    {
      endpoint,
      actors: NO_CASE_CONTENT,
      expect: FORBIDDEN,
      why: 'rules 6 and 7: no case content for policy, privacy officer, functioneel beheerder',
    },
  ];
}
/** Only `actors` may (expect); every other logged-in user gets 403. */
function onlyFor(endpoint: string, actors: DemoUserKey[], expect: Expectation, why: string): MatrixRow[] {
  return [
    { endpoint, actors, expect, why },
    { endpoint, actors: LOGGED_IN.filter((a) => !actors.includes(a)), expect: FORBIDDEN, why },
  ];
}
/** A case-content read: the case team, the teamleider and break the glass read; the index does not. */
function caseRead(endpoint: string, expect: Expectation, why: string, targets?: string[]): MatrixRow[] {
  return [
    { endpoint, actors: PROFESSIONALS, relations: [...CASE_TEAM, ...READ_ONLY_FULL], targets, expect, why },
    {
      endpoint,
      actors: PROFESSIONALS,
      relations: INDEX_ONLY,
      targets,
      expect: NOT_FOUND,
      why: 'rule 2: off the case, case content is not even there (rule 9)',
    },
  ];
}

/** Who holds the details of each fixture indication, and so writes its procedure (rule 3). */
const INDICATION_WRITERS: Record<IndicationKey, DemoUserKey[]> = {
  'H1-WMO': ['consulentWmo', 'sociaalTeamMedewerker'],
  'H1-SHV': ['schuldhulpverlener', 'financialCoach'],
  'H2-PARTICIPATIE': ['consulentParticipatie'],
  'H3-WMO': ['consulentHeuvelland'],
  'H4-JEUGD': ['consulentJeugd'],
};
const INDICATION_KEYS = Object.keys(INDICATION_WRITERS) as IndicationKey[];

/** Per indication: details for its pillar, the summary for the others who may see it, 404 for the rest. */
function indicationRead(endpoint: string): MatrixRow[] {
  return INDICATION_KEYS.flatMap((key): MatrixRow[] => {
    const seen = INDICATION_VISIBILITY[key];
    const by = (view: View) => (Object.keys(seen) as DemoUserKey[]).filter((a) => seen[a] === view);
    return [
      ...(by('detail').length
        ? [
            {
              endpoint,
              actors: by('detail'),
              targets: [key],
              expect: ok(200, INDICATION_DETAIL),
              why: RULE_3,
            },
          ]
        : []),
      ...(by('summary').length
        ? [
            {
              endpoint,
              actors: by('summary'),
              targets: [key],
              expect: ok(200, INDICATION_SUMMARY),
              why: RULE_3,
            },
          ]
        : []),
      {
        endpoint,
        actors: PROFESSIONALS.filter((a) => seen[a] === undefined),
        targets: [key],
        expect: NOT_FOUND,
        why: 'rule 3 and 9: an indication one may not see does not exist for one',
      },
    ];
  }).concat({
    endpoint,
    actors: NO_CASE_CONTENT,
    expect: FORBIDDEN,
    why: 'rules 6 and 7',
  });
}
const RULE_3 =
  'rule 3: details for the pillar, the summary for regisseur, teamleider, consent, break the glass';

/** A step of the procedure: its writers get `allowed`, other readers 403, the rest 404. */
function indicationWrite(
  endpoint: string,
  allowed: (key: IndicationKey) => Expectation,
  why: string,
): MatrixRow[] {
  return INDICATION_KEYS.flatMap((key): MatrixRow[] => {
    const writers = INDICATION_WRITERS[key];
    const readers = (Object.keys(INDICATION_VISIBILITY[key]) as DemoUserKey[]).filter(
      (a) => !writers.includes(a),
    );
    return [
      { endpoint, actors: writers, targets: [key], expect: allowed(key), why },
      ...(readers.length
        ? [
            {
              endpoint,
              actors: readers,
              targets: [key],
              expect: FORBIDDEN,
              why: 'rule 3: the summary is for reading; the procedure is the pillar’s',
            },
          ]
        : []),
      {
        endpoint,
        actors: PROFESSIONALS.filter((a) => !writers.includes(a) && !readers.includes(a)),
        targets: [key],
        expect: NOT_FOUND,
        why: 'rule 3 and 9',
      },
    ];
  }).concat({ endpoint, actors: NO_CASE_CONTENT, expect: FORBIDDEN, why: 'rules 6 and 7' });
}

/**
 * Plan content (goals, actions): the case team writes (KBL and coaches the financial domain, rule 4),
 * teamleider and break the glass read only, the index sees no plan. H2 and H3 have no plan.
 */
function planContent(
  endpoint: string,
  withPlan: Expectation,
  withoutPlan: Expectation,
  why: string,
  /** The answer to the coach without consent, when it differs (the financial part of the plan). */
  coach: Expectation = withPlan,
): MatrixRow[] {
  return [
    {
      endpoint,
      actors: PROFESSIONALS.filter((a) => a !== 'financialCoach'),
      relations: CASE_TEAM,
      targets: ['H1', 'H4'],
      expect: withPlan,
      why,
    },
    { endpoint, actors: ['financialCoach'], relations: CASE_TEAM, targets: ['H1', 'H4'], expect: coach, why },
    {
      endpoint,
      actors: PROFESSIONALS,
      relations: CASE_TEAM,
      targets: ['H2', 'H3'],
      expect: withoutPlan,
      why,
    },
    {
      endpoint,
      actors: PROFESSIONALS,
      relations: READ_ONLY_FULL,
      expect: FORBIDDEN,
      why: 'rule 8 / rule 2: teamleider and break the glass read the plan, they do not write it',
    },
    { endpoint, actors: PROFESSIONALS, relations: INDEX_ONLY, expect: NOT_FOUND, why: 'rule 2 and 9' },
    ...outside(endpoint),
  ];
}
/** Plan-wide writes (own words, agreeing, evaluating): not KBL or coaches (financial part only). */
function planWide(endpoint: string, allowed: Expectation, why: string): MatrixRow[] {
  const FINANCIAL: DemoUserKey[] = ['schuldhulpverlener', 'financialCoach'];
  const others = PROFESSIONALS.filter((a) => !FINANCIAL.includes(a));
  return [
    { endpoint, actors: others, relations: CASE_TEAM, expect: allowed, why },
    {
      endpoint,
      actors: FINANCIAL,
      relations: [...CASE_TEAM, ...INDEX_ONLY, 'otherMunicipality'],
      expect: FORBIDDEN,
      why: 'rule 4: KBL and coaches work on the financial goals, never the plan as a whole',
    },
    {
      endpoint,
      actors: others,
      relations: READ_ONLY_FULL,
      expect: FORBIDDEN,
      why: 'rule 8 / rule 2: read, not write',
    },
    { endpoint, actors: others, relations: INDEX_ONLY, expect: NOT_FOUND, why: 'rule 2 and 9' },
    { endpoint, actors: others, relations: ['otherMunicipality'], expect: NOT_FOUND, why: 'rule 1 and 9' },
    { endpoint, actors: NO_CASE_CONTENT, expect: FORBIDDEN, why: 'rules 6 and 7' },
  ];
}
/** Plan reads on H1 (agreed v1 and concept v2) and H4 (concept v1); H2 and H3 have no plan. */
function planRead(endpoint: string, withPlan: (financial: boolean) => Expectation, withoutPlan: Expectation) {
  const FINANCIAL_NO_CONSENT: DemoUserKey[] = ['financialCoach'];
  return [
    {
      endpoint,
      actors: PROFESSIONALS.filter((a) => !FINANCIAL_NO_CONSENT.includes(a)),
      relations: [...CASE_TEAM, ...READ_ONLY_FULL],
      targets: ['H1', 'H4'],
      expect: withPlan(false),
      why: 'rule 2: the plan for the case team, the teamleider and break the glass; rule 4: KBL by consent',
    },
    {
      endpoint,
      actors: FINANCIAL_NO_CONSENT,
      relations: CASE_TEAM,
      targets: ['H1'],
      expect: withPlan(true),
      why: 'rule 4: a coach without (a revoked) consent sees the financial part only',
    },
    {
      endpoint,
      actors: PROFESSIONALS,
      relations: [...CASE_TEAM, ...READ_ONLY_FULL],
      targets: ['H2', 'H3'],
      expect: withoutPlan,
      why: 'no plan yet',
    },
    { endpoint, actors: PROFESSIONALS, relations: INDEX_ONLY, expect: NOT_FOUND, why: 'rule 2 and 9' },
    ...outside(endpoint),
  ];
}
const EMPTY_PLAN: Shape = {
  keys: plan('whole').keys,
  values: { version: null, versions: [], exists: false },
};

// ---------------------------------------------------------------- rows

const SIGNAL_OWNER = 'a signal is worked by the organisation that owns it; another’s is a 404';
const PO_ONLY = 'AVG art. 15 requests are handled by the privacy officer';
const PO_LOG = 'the processing log and retention are the privacy officer’s (no case content, rule 7)';
const PLAN = '/households/:householdId/plan';
const PLAN_CONTENT_ROUTES = ['', '/versions/:versionNumber'];

export const DOMAIN_MATRIX: MatrixRow[] = [
  // ---------------------------------------------------------- indications: catalogue, worklist
  {
    endpoint: 'GET /catalogue/products',
    actors: LOGGED_IN,
    expect: ok(200, list(PRODUCT)),
    why: 'the product catalogue is reference data',
  },
  ...onlyFor(
    'POST /catalogue/products',
    ['functioneelBeheerder'],
    ok(201, { keys: PRODUCT_KEYS }),
    'the functioneel beheerder keeps the catalogues',
  ),
  ...onlyFor(
    'PATCH /catalogue/products/:id',
    ['functioneelBeheerder'],
    ok(200, PRODUCT),
    'the functioneel beheerder keeps the catalogues',
  ),
  ...onlyFor(
    'GET /worklists/procedures',
    PROFESSIONALS,
    ok(200, { keys: ['items', 'page', 'pageSize', 'today', 'total'] }),
    'legal deadlines of the procedures one handles; membership: INDICATION_VISIBILITY',
  ),

  // ---------------------------------------------------------- indications of a household
  {
    endpoint: 'GET /households/:householdId/indications',
    actors: PROFESSIONALS,
    relations: [...CASE_TEAM, ...READ_ONLY_FULL],
    expect: ok(200, { keys: ['items', 'page', 'pageSize', 'total'] }),
    why: 'rule 3: each item detail or summary as INDICATION_VISIBILITY says (checked per item)',
  },
  {
    endpoint: 'GET /households/:householdId/indications',
    actors: PROFESSIONALS,
    relations: INDEX_ONLY,
    expect: ok(200, { keys: ['items', 'page', 'pageSize', 'total'], values: { items: [], total: 0 } }),
    why: 'rule 2: off the case the list is empty (filtered in SQL), not a refusal',
  },
  ...outside('GET /households/:householdId/indications'),
  {
    endpoint: 'POST /households/:householdId/indications',
    actors: ['consulentWmo', 'consulentHeuvelland', 'sociaalTeamMedewerker'],
    relations: CASE_TEAM,
    expect: ok(201, INDICATION_DETAIL),
    why:
      'rule 3: a Wmo indication is registered by a case-team member of the Wmo pillar. Known deviation ' +
      '(SECURITY.md finding 12): that includes the sociaal team, where DESIGN.md’s user table names consulenten',
  },
  {
    endpoint: 'POST /households/:householdId/indications',
    actors: PROFESSIONALS.filter(
      (a) => !['consulentWmo', 'consulentHeuvelland', 'sociaalTeamMedewerker'].includes(a),
    ),
    relations: CASE_TEAM,
    expect: FORBIDDEN,
    why: 'rule 3: not one’s pillar (KBL and coaches: SHV only; Jeugd: Jeugd only)',
  },
  {
    endpoint: 'POST /households/:householdId/indications',
    actors: PROFESSIONALS,
    relations: [...READ_ONLY_FULL, ...INDEX_ONLY],
    expect: FORBIDDEN,
    why: 'rule 2 and 8: only the case team registers',
  },
  ...outside('POST /households/:householdId/indications'),

  // ---------------------------------------------------------- one indication and its procedure
  ...indicationRead('GET /indications/:id'),
  ...indicationWrite(
    'PATCH /indications/:id',
    (key) =>
      key === 'H1-SHV' || key === 'H2-PARTICIPATIE'
        ? refused(400, 'validation', 'form')
        : ok(200, INDICATION_DETAIL),
    'rule 3: the pillar’s case team changes the details (ZiN/PGB only where the pillar has forms); ' +
      'the answer is the same view as the GET (SECURITY.md finding 14, fixed)',
  ),
  ...indicationWrite(
    'POST /indications/:id/aanvraag',
    () => refused(400, 'validation', 'aanvraagDate'),
    'probe (aanvraag before the melding): authorised, then refused',
  ),
  ...indicationWrite(
    'POST /indications/:id/first-conversation',
    () => refused(400, 'validation', 'firstConversationDate'),
    'probe (first conversation before the melding): authorised, then refused',
  ),
  ...indicationWrite(
    'POST /indications/:id/suspensions',
    () => refused(400, 'validation', 'startDate'),
    'probe (suspension before the melding): authorised, then refused',
  ),
  ...indicationWrite(
    'POST /indications/:id/suspensions/:suspensionId/end',
    () => NOT_FOUND,
    'probe (an unknown suspension): authorised, then 404 (readers get 403)',
  ),
  ...indicationWrite(
    'POST /indications/:id/beschikking',
    () => INVALID_TRANSITION,
    'probe (beschikking before the aanvraag): authorised, then refused by the procedure',
  ),
  ...indicationWrite(
    'POST /indications/:id/withdraw',
    () => refused(400, 'validation', 'withdrawnOn'),
    'probe (withdrawn before the melding): authorised, then refused',
  ),
  ...indicationWrite(
    'POST /indications/:id/end',
    () => INVALID_TRANSITION,
    'probe (ending a provision not granted): authorised, then refused',
  ),
  ...indicationWrite(
    'POST /indications/:id/bezwaren',
    () => refused(409, 'conflict', 'receivedDate'),
    'probe (bezwaar without a beschikking): authorised, then refused',
  ),
  ...indicationWrite(
    'POST /indications/:id/bezwaren/:bezwaarId/decision',
    () => NOT_FOUND,
    'probe (an unknown bezwaar): authorised, then 404 (readers get 403)',
  ),

  // ---------------------------------------------------------- plans: reading
  ...planRead(
    `GET ${PLAN}`,
    (financial) => ok(200, plan(financial ? 'financien' : 'whole')),
    ok(200, EMPTY_PLAN),
  ),
  ...planRead(`GET ${PLAN}/versions`, () => ok(200, list(VERSION_SUMMARY)), ok(200, list(VERSION_SUMMARY))),
  ...planRead(`GET ${PLAN}/versions/compare`, () => ok(200, COMPARISON), NOT_FOUND),
  ...planRead(`GET ${PLAN}/versions/:versionNumber`, (financial) => ok(200, version(!financial)), NOT_FOUND),
  ...planRead(`GET ${PLAN}/changes`, () => ok(200, CHANGES), ok(200, CHANGES)),
  {
    endpoint: `GET ${PLAN}/versions/:versionNumber/pdf`,
    actors: PROFESSIONALS,
    relations: [...CASE_TEAM, ...READ_ONLY_FULL],
    targets: ['H1'],
    expect: ok(200),
    why: 'rule 2 and 4: the family PDF of an agreed version (financial part only for the coach)',
  },
  {
    endpoint: `GET ${PLAN}/versions/:versionNumber/pdf`,
    actors: PROFESSIONALS,
    relations: [...CASE_TEAM, ...READ_ONLY_FULL],
    targets: ['H4'],
    expect: refused(409, 'conflict', 'version'),
    why: 'only an agreed version is printed',
  },
  {
    endpoint: `GET ${PLAN}/versions/:versionNumber/pdf`,
    actors: PROFESSIONALS,
    relations: [...CASE_TEAM, ...READ_ONLY_FULL],
    targets: ['H2', 'H3'],
    expect: NOT_FOUND,
    why: 'no plan yet',
  },
  {
    endpoint: `GET ${PLAN}/versions/:versionNumber/pdf`,
    actors: PROFESSIONALS,
    relations: INDEX_ONLY,
    expect: NOT_FOUND,
    why: 'rule 2 and 9',
  },
  ...outside(`GET ${PLAN}/versions/:versionNumber/pdf`),
  ...onlyFor(
    'GET /worklists/plans',
    PROFESSIONALS,
    ok(200, { keys: ['items', 'flags', 'page', 'pageSize', 'total'] }),
    'overdue goals and evaluations of the plans one may see',
  ),

  // ---------------------------------------------------------- plans: writing
  ...[`PATCH ${PLAN}`, `PATCH ${PLAN}/versions/:versionNumber`, `POST ${PLAN}/vaststellen`].flatMap(
    (endpoint) =>
      planWide(
        endpoint,
        refused(412, 'precondition-failed'),
        'probe (a stale If-Match): authorised, then 412',
      ),
  ),
  ...planWide(
    `POST ${PLAN}/evaluations`,
    refused(412, 'precondition-failed'),
    'probe (a stale If-Match): authorised, then 412',
  ),
  ...PLAN_CONTENT_ROUTES.flatMap((at) => [
    ...planContent(
      `POST ${PLAN}${at}/goals`,
      refused(400, 'validation', 'owner'),
      at ? NOT_FOUND : refused(400, 'validation', 'owner'),
      'probe (owner not on the case; current If-Match): authorised for a financial goal, then refused',
    ),
    ...planContent(
      `PATCH ${PLAN}${at}/goals/:goalId`,
      refused(400, 'validation', 'owner'),
      NOT_FOUND,
      'probe (owner not on the case; current If-Match): authorised, then refused',
    ),
    ...planContent(
      `DELETE ${PLAN}${at}/goals/:goalId`,
      ok(200, plan('whole')),
      NOT_FOUND,
      'rule 2 and 4: the case team removes a (financial) goal of the concept',
      ok(200, plan('financien')),
    ),
    ...planContent(
      `POST ${PLAN}${at}/goals/:goalId/actions`,
      refused(400, 'validation', 'actor'),
      NOT_FOUND,
      'probe (actor not on the case; current If-Match): authorised, then refused',
    ),
    ...planContent(
      `PATCH ${PLAN}${at}/actions/:actionId`,
      refused(400, 'validation', 'actor'),
      NOT_FOUND,
      'probe (actor not on the case; current If-Match): authorised, then refused',
    ),
    ...planContent(
      `DELETE ${PLAN}${at}/actions/:actionId`,
      ok(200, plan('whole')),
      NOT_FOUND,
      'rule 2 and 4: the case team removes an action of a (financial) goal',
      ok(200, plan('financien')),
    ),
  ]),

  // ---------------------------------------------------------- maatwerkbudget
  ...onlyFor(
    'GET /budgets',
    [
      'consulentWmo',
      'consulentJeugd',
      'consulentParticipatie',
      'consulentHeuvelland',
      'teamleider',
      'functioneelBeheerder',
    ],
    ok(200, list(BUDGET)),
    'rule 5: budget figures (no personal data) for those who decide, and the beheerder who sets them',
  ),
  {
    endpoint: 'GET /budgets/:municipalityId/:year',
    actors: ['consulentWmo', 'consulentJeugd', 'consulentParticipatie', 'teamleider', 'functioneelBeheerder'],
    targets: ['maastricht'],
    expect: ok(200, BUDGET_DETAIL),
    why: 'rule 5: deciders of the municipality',
  },
  {
    endpoint: 'GET /budgets/:municipalityId/:year',
    actors: ['consulentWmo', 'consulentJeugd', 'consulentParticipatie', 'teamleider', 'functioneelBeheerder'],
    targets: ['vaals'],
    expect: NOT_FOUND,
    why: 'rule 1: not their municipality (and no Vaals budget yet for the Heuvelland consulent)',
  },
  {
    endpoint: 'GET /budgets/:municipalityId/:year',
    actors: ['consulentHeuvelland'],
    expect: NOT_FOUND,
    why: 'rule 1: Maastricht is not theirs; Vaals has no budget yet',
  },
  {
    endpoint: 'GET /budgets/:municipalityId/:year',
    actors: [
      'sociaalTeamMedewerker',
      'schuldhulpverlener',
      'financialCoach',
      'beleidsmedewerker',
      'privacyOfficer',
    ],
    expect: FORBIDDEN,
    why: 'rule 5: no mandate, no budget figures',
  },
  ...onlyFor(
    'PUT /budgets/:municipalityId/:year',
    ['functioneelBeheerder'],
    ok(200, BUDGET),
    'the functioneel beheerder sets the budget per municipality and year',
  ),
  {
    endpoint: 'POST /households/:householdId/budget-requests',
    actors: PROFESSIONALS,
    relations: CASE_TEAM,
    targets: ['H1', 'H4'],
    expect: ok(201, REQUEST),
    why: 'rule 5: a case-team member requests maatwerkbudget for a goal of the household’s plan',
  },
  {
    endpoint: 'POST /households/:householdId/budget-requests',
    actors: PROFESSIONALS,
    relations: CASE_TEAM,
    targets: ['H2', 'H3'],
    expect: refused(400, 'validation', 'goalIds.0'),
    why: 'probe (no plan, a goal of another household): authorised, then refused',
  },
  {
    endpoint: 'POST /households/:householdId/budget-requests',
    actors: PROFESSIONALS,
    relations: READ_ONLY_FULL,
    expect: FORBIDDEN,
    why: 'rule 2 and 8: read, not request',
  },
  {
    endpoint: 'POST /households/:householdId/budget-requests',
    actors: PROFESSIONALS,
    relations: INDEX_ONLY,
    expect: NOT_FOUND,
    why: 'rule 2 and 9',
  },
  ...outside('POST /households/:householdId/budget-requests'),
  {
    endpoint: 'GET /households/:householdId/budget-requests',
    actors: PROFESSIONALS,
    relations: [...CASE_TEAM, ...READ_ONLY_FULL],
    expect: ok(200, page(REQUEST, ['totals'])),
    why: 'rule 5: visible to the case team (and teamleider, break the glass); membership: BUDGET_REQUEST_VISIBILITY',
  },
  {
    endpoint: 'GET /households/:householdId/budget-requests',
    actors: PROFESSIONALS,
    relations: INDEX_ONLY,
    expect: NOT_FOUND,
    why: 'rule 2 and 9',
  },
  ...outside('GET /households/:householdId/budget-requests'),
  ...onlyFor(
    'GET /budget-requests/worklist',
    ['consulentWmo', 'consulentJeugd', 'consulentParticipatie', 'consulentHeuvelland', 'teamleider'],
    ok(200, page(REQUEST)),
    'rule 5: requests one may decide (mandate, not one’s own); membership: DECIDABLE',
  ),
  ...caseRead('GET /budget-requests/:id', ok(200, REQUEST_DETAIL), 'rule 5: visible to the case team'),
  ...outside('GET /budget-requests/:id'),
  ...caseRead(
    'GET /budget-requests/:id/decision-letter',
    refused(409, 'invalid-transition'),
    'probe (no decision yet): readable, then refused',
  ),
  ...outside('GET /budget-requests/:id/decision-letter'),
  ...(['small', 'large'] as const).flatMap((target): MatrixRow[] => [
    {
      endpoint: 'POST /budget-requests/:id/decision',
      actors: (Object.keys(DECIDABLE) as DemoUserKey[]).filter((a) => DECIDABLE[a].includes(target)),
      targets: [target],
      expect: ok(200, REQUEST),
      why: 'rule 5: within mandate (consulent EUR 500, teamleider EUR 2,500), not the requester',
    },
    {
      endpoint: 'POST /budget-requests/:id/decision',
      actors: PROFESSIONALS.filter((a) => !DECIDABLE[a].includes(target)),
      relations: [...CASE_TEAM, ...READ_ONLY_FULL],
      targets: [target],
      expect: FORBIDDEN,
      why: 'rule 5 (above mandate, own request, no mandate) and rule 8 (break the glass does not decide)',
    },
  ]),
  ...outside('POST /budget-requests/:id/decision'),
  {
    endpoint: 'POST /budget-requests/:id/payments',
    actors: (Object.keys(DECIDABLE) as DemoUserKey[]).filter((a) => DECIDABLE[a].includes('small')),
    expect: refused(409, 'invalid-transition'),
    why: 'probe (paying an undecided request): a decider is authorised, then refused',
  },
  {
    endpoint: 'POST /budget-requests/:id/payments',
    actors: PROFESSIONALS.filter((a) => !DECIDABLE[a].includes('small')),
    relations: [...CASE_TEAM, ...READ_ONLY_FULL],
    expect: FORBIDDEN,
    why: 'rule 5: payments are recorded by a decider',
  },
  ...outside('POST /budget-requests/:id/payments'),
  {
    endpoint: 'POST /budget-requests/:id/withdraw',
    actors: ['consulentWmo'],
    expect: ok(200, REQUEST),
    why: 'the requester withdraws their own request',
  },
  {
    endpoint: 'POST /budget-requests/:id/withdraw',
    actors: PROFESSIONALS.filter((a) => a !== 'consulentWmo'),
    relations: [...CASE_TEAM, ...READ_ONLY_FULL],
    expect: FORBIDDEN,
    why: 'only the requester withdraws',
  },
  ...outside('POST /budget-requests/:id/withdraw'),

  // ---------------------------------------------------------- outreach: spreekuur
  ...onlyFor(
    'GET /outreach/coach-locations',
    ['functioneelBeheerder'],
    ok(200, list(LOCATION)),
    'the functioneel beheerder assigns coaches to wijkservicepunten',
  ),
  ...onlyFor(
    'PUT /outreach/coach-locations/:userId',
    ['functioneelBeheerder'],
    ok(200, list(LOCATION)),
    'the functioneel beheerder assigns coaches to wijkservicepunten',
  ),
  {
    endpoint: 'GET /outreach/spreekuur/my-locations',
    actors: PROFESSIONALS,
    expect: ok(200, list(LOCATION)),
    why: 'one’s own spreekuur locations (empty for everyone but a coach)',
  },
  {
    endpoint: 'GET /outreach/spreekuur/my-locations',
    actors: NO_CASE_CONTENT,
    expect: FORBIDDEN,
    why: 'rule 7',
  },
  {
    endpoint: 'GET /outreach/spreekuur/figures',
    actors: ['schuldhulpverlener', 'financialCoach', 'teamleider', 'beleidsmedewerker'],
    expect: ok(200, FIGURES),
    why: 'rule 6: aggregates (small cells suppressed for teamleider and beleid); coaches and KBL see their own work',
  },
  {
    endpoint: 'GET /outreach/spreekuur/figures',
    actors: LOGGED_IN.filter(
      (a) => !['schuldhulpverlener', 'financialCoach', 'teamleider', 'beleidsmedewerker'].includes(a),
    ),
    expect: FORBIDDEN,
    why: 'rule 6 and 7: figures are for policy, leadership and outreach',
  },
  ...onlyFor(
    'POST /outreach/spreekuur/contacts',
    ['financialCoach'],
    ok(201, CONTACT),
    'the coach logs walk-in contacts in their municipality (at any wijkservicepunt)',
  ),
  ...onlyFor(
    'GET /outreach/spreekuur/contacts',
    PROFESSIONALS,
    ok(200, page(CONTACT)),
    'own contacts, a location’s, and linked ones of one’s cases; membership: CONTACT_VISIBILITY',
  ),
  {
    endpoint: 'GET /outreach/spreekuur/contacts/:id',
    actors: PROFESSIONALS.filter((a) => CONTACT_VISIBILITY[a].includes('nazareth')),
    targets: ['nazareth'],
    expect: ok(200, CONTACT),
    why: 'rule 2: the coach who logged it and the case team of the linked household',
  },
  {
    endpoint: 'GET /outreach/spreekuur/contacts/:id',
    actors: PROFESSIONALS.filter((a) => !CONTACT_VISIBILITY[a].includes('nazareth')),
    targets: ['nazareth'],
    expect: NOT_FOUND,
    why: 'rule 1, 2 and 9',
  },
  {
    endpoint: 'GET /outreach/spreekuur/contacts/:id',
    actors: PROFESSIONALS,
    targets: ['pottenberg'],
    expect: NOT_FOUND,
    why: 'another coach’s anonymous contact at a location where one holds no spreekuur',
  },
  {
    endpoint: 'GET /outreach/spreekuur/contacts/:id',
    actors: NO_CASE_CONTENT,
    expect: FORBIDDEN,
    why: 'rule 7',
  },
  {
    endpoint: 'PATCH /outreach/spreekuur/contacts/:id',
    actors: ['financialCoach'],
    targets: ['nazareth'],
    expect: ok(200, CONTACT),
    why: 'only the coach who logged it changes the contact',
  },
  {
    endpoint: 'PATCH /outreach/spreekuur/contacts/:id',
    actors: [
      'consulentWmo',
      'consulentParticipatie',
      'sociaalTeamMedewerker',
      'schuldhulpverlener',
      'teamleider',
      'consulentJeugd',
    ],
    targets: ['nazareth'],
    expect: FORBIDDEN,
    why: 'rule 2: the case team (and teamleider, break the glass) may see the linked contact, not change the coach’s record',
  },
  {
    endpoint: 'PATCH /outreach/spreekuur/contacts/:id',
    actors: ['consulentHeuvelland'],
    targets: ['nazareth'],
    expect: NOT_FOUND,
    why: 'rule 1 and 9',
  },
  {
    endpoint: 'PATCH /outreach/spreekuur/contacts/:id',
    actors: PROFESSIONALS,
    targets: ['pottenberg'],
    expect: NOT_FOUND,
    why: 'not visible: not one’s own, not one’s location, not linked',
  },
  {
    endpoint: 'PATCH /outreach/spreekuur/contacts/:id',
    actors: NO_CASE_CONTENT,
    expect: FORBIDDEN,
    why: 'rule 7',
  },

  // ---------------------------------------------------------- outreach: vroegsignalering
  ...onlyFor(
    'POST /outreach/signals/imports',
    ['schuldhulpverlener', 'financialCoach'],
    ok(201, IMPORT_REPORT),
    'KBL intake and the coaches import the signals they work',
  ),
  ...onlyFor(
    'GET /outreach/signals',
    ['schuldhulpverlener', 'financialCoach'],
    ok(200, page(SIGNAL)),
    'signals of one’s own organisation; membership: SIGNAL_VISIBILITY',
  ),
  ...(
    [
      'GET /outreach/signals/:id',
      'PATCH /outreach/signals/:id',
      'POST /outreach/signals/:id/attempts',
      'POST /outreach/signals/:id/transfer',
    ] as const
  ).flatMap((endpoint): MatrixRow[] => {
    const allowed: Record<string, Expectation> = {
      'GET /outreach/signals/:id': ok(200, SIGNAL_DETAIL),
      'PATCH /outreach/signals/:id': ok(200, SIGNAL_DETAIL),
      'POST /outreach/signals/:id/attempts': ok(201, SIGNAL_DETAIL),
      'POST /outreach/signals/:id/transfer': refused(400, 'validation', 'organisationId'),
    };
    return [
      {
        endpoint,
        actors: ['schuldhulpverlener'],
        targets: ['kbl'],
        expect: allowed[endpoint],
        why: SIGNAL_OWNER,
      },
      {
        endpoint,
        actors: ['financialCoach'],
        targets: ['coaches'],
        expect: allowed[endpoint],
        why: SIGNAL_OWNER,
      },
      {
        endpoint,
        actors: ['schuldhulpverlener'],
        targets: ['coaches'],
        expect: NOT_FOUND,
        why: SIGNAL_OWNER,
      },
      { endpoint, actors: ['financialCoach'], targets: ['kbl'], expect: NOT_FOUND, why: SIGNAL_OWNER },
      {
        endpoint,
        actors: LOGGED_IN.filter((a) => a !== 'schuldhulpverlener' && a !== 'financialCoach'),
        expect: FORBIDDEN,
        why: 'signals are worked by KBL and the coaches only (rule 7 for the others)',
      },
    ];
  }),
  ...onlyFor(
    'GET /outreach/signals/feedback',
    ['schuldhulpverlener', 'financialCoach'],
    ok(200),
    'outcome back to the creditor without further personal data (CSV)',
  ),
  {
    endpoint: 'GET /outreach/signals/figures',
    actors: ['schuldhulpverlener', 'financialCoach', 'teamleider', 'beleidsmedewerker'],
    expect: ok(200, SIGNAL_FIGURES),
    why: 'rule 6: aggregates (suppressed for teamleider and beleid)',
  },
  {
    endpoint: 'GET /outreach/signals/figures',
    actors: LOGGED_IN.filter(
      (a) => !['schuldhulpverlener', 'financialCoach', 'teamleider', 'beleidsmedewerker'].includes(a),
    ),
    expect: FORBIDDEN,
    why: 'rule 6 and 7',
  },

  // ---------------------------------------------------------- privacy
  ...onlyFor('POST /privacy/access-requests', ['privacyOfficer'], ok(201, ACCESS_REQUEST), PO_ONLY),
  ...onlyFor('GET /privacy/access-requests', ['privacyOfficer'], ok(200, page(ACCESS_REQUEST)), PO_ONLY),
  ...onlyFor('GET /privacy/access-requests/:id', ['privacyOfficer'], ok(200, ACCESS_REQUEST), PO_ONLY),
  ...onlyFor('POST /privacy/access-requests/:id/export', ['privacyOfficer'], ok(200, ACCESS_EXPORT), PO_ONLY),
  ...onlyFor(
    'POST /privacy/access-requests/:id/delivery',
    ['privacyOfficer'],
    refused(400, 'validation', 'deliveredOn'),
    'probe (delivered before received): the privacy officer is authorised, then refused',
  ),
  ...onlyFor(
    'POST /privacy/access-requests/:id/extension',
    ['privacyOfficer'],
    refused(400, 'validation', 'informedOn'),
    'probe (informed before the request was received): the privacy officer is authorised, then refused',
  ),
  ...onlyFor('POST /privacy/processing-log/search', ['privacyOfficer'], ok(200, page(LOG_ENTRY)), PO_LOG),
  ...onlyFor(
    'POST /privacy/processing-log/person-accesses',
    ['privacyOfficer'],
    ok(200, page(LOG_ENTRY, ['personId'])),
    PO_LOG,
  ),
  ...onlyFor(
    'GET /privacy/processing-log/integrity',
    ['privacyOfficer'],
    ok(200, { keys: ['ok', 'rows', 'unsealed', 'checkedAt'], values: { ok: true } }),
    PO_LOG,
  ),
  ...onlyFor(
    'POST /privacy/processing-log/export',
    ['privacyOfficer'],
    ok(200, { keys: ['exportedAt', 'items', 'total'], nested: { items: list(LOG_ENTRY) } }),
    PO_LOG,
  ),
  ...onlyFor(
    'GET /privacy/retention/policy',
    ['privacyOfficer'],
    ok(200, { keys: ['yearsByPillar', 'yearsWithoutPillar', 'sources', 'sweeps'] }),
    PO_LOG,
  ),
  ...onlyFor('POST /privacy/retention/runs', ['privacyOfficer'], ok(201, RETENTION_RUN), PO_LOG),
  ...onlyFor(
    'GET /privacy/retention/runs',
    ['privacyOfficer'],
    ok(200, page({ keys: RETENTION_RUN_KEYS })),
    PO_LOG,
  ),
  ...onlyFor('GET /privacy/retention/runs/:id', ['privacyOfficer'], ok(200, RETENTION_RUN), PO_LOG),

  // ---------------------------------------------------------- reporting
  {
    endpoint: 'GET /reports/monitor',
    actors: ['teamleider', 'beleidsmedewerker'],
    targets: ['maastricht'],
    expect: ok(200, MONITOR),
    why: 'rule 6: aggregates with small-cell suppression, for their municipality',
  },
  {
    endpoint: 'GET /reports/monitor/themes',
    actors: ['teamleider', 'beleidsmedewerker'],
    targets: ['maastricht'],
    expect: ok(200, MONITOR_THEMES),
    why: 'rule 6: aggregates with small-cell suppression, for their municipality',
  },
  {
    endpoint: 'GET /reports/monitor/themes',
    actors: ['teamleider', 'beleidsmedewerker', 'financialCoach'],
    targets: ['vaals'],
    expect: NOT_FOUND,
    why: 'rule 1 and 9: not their municipality',
  },
  {
    endpoint: 'GET /reports/monitor',
    actors: ['teamleider', 'beleidsmedewerker', 'financialCoach'],
    targets: ['vaals'],
    expect: NOT_FOUND,
    why: 'rule 1 and 9: not their municipality',
  },

  // ---------------------------------------------------------- reviews (authorization-matrix-reviews.ts)
  ...REVIEWS_MATRIX,
];
const SERVER_OWNED = 'server-owned field';
const ZERO = '00000000-0000-4000-8000-000000000000';
const smuggle = (
  endpoint: string,
  actor: DemoUserKey,
  fields: [string, unknown][],
  why = SERVER_OWNED,
): MassAssignment[] =>
  fields.map(([field, value]) => ({ endpoint, actor, inject: { [field]: value }, field, why }));

export const DOMAIN_MASS_ASSIGNMENT: MassAssignment[] = [
  ...smuggle('POST /households/:householdId/indications', 'consulentWmo', [
    ['status', 'toegekend'],
    ['householdId', ZERO],
    ['municipalityId', ZERO],
    ['handlerUserId', ZERO],
    ['beschikkingDate', '2026-11-20'],
  ]),
  ...smuggle(
    'PATCH /indications/:id',
    'consulentWmo',
    [
      ['pillar', 'JEUGD'],
      ['productId', ZERO],
      ['personId', ZERO],
      ['status', 'toegekend'],
      ['householdId', ZERO],
    ],
    'pillar, product and person never change; the status moves only through the procedure',
  ),
  ...smuggle('POST /catalogue/products', 'functioneelBeheerder', [
    ['id', ZERO],
    ['createdAt', '2026-01-01'],
  ]),
  ...smuggle(
    'PATCH /catalogue/products/:id',
    'functioneelBeheerder',
    [
      ['pillar', 'JEUGD'],
      ['code', 'andere-code'],
    ],
    'pillar and code never change: indications refer to them',
  ),
  ...smuggle(
    'PUT /budgets/:municipalityId/:year',
    'functioneelBeheerder',
    [
      ['committedCents', 0],
      ['paidCents', 0],
      ['municipalityId', ZERO],
    ],
    'committed and paid come from the ledger only',
  ),
  ...smuggle(
    'POST /households/:householdId/budget-requests',
    'consulentWmo',
    [
      ['status', 'toegekend'],
      ['decidedBy', ZERO],
      ['requestedById', ZERO],
      ['budgetId', ZERO],
      ['municipalityId', ZERO],
    ],
    'rule 5: the decision and the four eyes are not the requester’s to set',
  ),
  ...smuggle(
    'POST /budget-requests/:id/decision',
    'teamleider',
    [
      ['amount', '1.00'],
      ['decidedBy', ZERO],
      ['requestedById', ZERO],
    ],
    'rule 5: the decider decides the request as asked, as themselves',
  ),
  ...smuggle('PUT /outreach/coach-locations/:userId', 'functioneelBeheerder', [
    ['userId', ZERO],
    ['municipalityId', ZERO],
  ]),
  ...smuggle('POST /outreach/spreekuur/contacts', 'financialCoach', [
    ['createdBy', ZERO],
    ['municipalityId', ZERO],
    ['id', ZERO],
  ]),
  ...smuggle('PATCH /outreach/spreekuur/contacts/:id', 'financialCoach', [
    ['createdBy', ZERO],
    ['municipalityId', ZERO],
    ['householdId', ZERO],
  ]),
  ...smuggle(
    'PATCH /outreach/signals/:id',
    'schuldhulpverlener',
    [
      ['ownerOrganisationId', ZERO],
      ['bsn', '111222333'],
      ['municipalityId', ZERO],
      ['arrearsCents', 1],
    ],
    'a signal changes owner only by transfer; what the creditor reported is not edited',
  ),
  ...smuggle('POST /privacy/access-requests', 'privacyOfficer', [
    ['personId', ZERO],
    ['status', 'delivered'],
    ['deliveredOn', '2026-11-20'],
  ]),
  ...REVIEWS_MASS_ASSIGNMENT,
];
