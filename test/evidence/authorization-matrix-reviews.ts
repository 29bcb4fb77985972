/**
 * The authorisation matrix, continued: libs/reviews (teamleider caseload, case reviews, casusboek).
 * Same conventions as authorization-matrix.ts. DESIGN.md gives case reviews to the teamleider of a team
 * on the case (read-only dossier access, rule 2); nobody else reads or writes them, and a household of
 * a team one does not lead is "not found" (rule 9).
 */
import type { DemoUserKey } from '@app/identity';
import { Expectation, LOGGED_IN, MassAssignment, MatrixRow, Relation, Shape } from './authorization-matrix';
import type { ReviewKey } from './matrix-world-domain';

/** Reviews (fixtures) each teamleider may read: the demo teamleider leads the teams on H1 and H4. */
export const REVIEW_VISIBILITY: Record<'teamleider', ReviewKey[]> = { teamleider: ['H1', 'H4'] };
/** Fixture households on each caseload: the demo teamleider's, and none for team Zuidwest. */
export const CASELOAD_VISIBILITY = { own: ['H1', 'H4'], otherTeam: [] } as const;

const list = (item: Shape): Shape => ({ keys: [], items: item });
const REVIEW_ACTION: Shape = { keys: ['id', 'description', 'owner', 'dueOn', 'doneOn', 'overdue'] };
const LEERPUNT: Shape = { keys: ['id', 'theme', 'themeLabel', 'text'] };
export const REVIEW: Shape = {
  keys: [
    'id',
    'householdId',
    'reviewedOn',
    'reviewer',
    'participants',
    'findings',
    'actions',
    'leerpunten',
    'nextReviewOn',
    'version',
  ],
  nested: { actions: list(REVIEW_ACTION), leerpunten: list(LEERPUNT) },
};
const CASELOAD_ROW: Shape = {
  keys: [
    'householdId',
    'municipalityId',
    'cohort50',
    'regisseur',
    'pillars',
    'plan',
    'proceduresNearDeadline',
    'proceduresOverDeadline',
    'budgetUsedCents',
    'lastContactOn',
    'lastReviewOn',
    'daysSinceReview',
    'nextReviewOn',
    'flags',
    'riskScore',
    'riskComponents',
  ],
  nested: {
    regisseur: { keys: ['userId', 'name', 'organisation'] },
    plan: { keys: ['hasPlan', 'lastAgreedOn', 'nextEvaluationOn', 'evaluationOverdue', 'overdueGoals'] },
    flags: list({ keys: ['kind', 'label', 'since'] }),
    riskComponents: list({ keys: ['key', 'label', 'value', 'points'] }),
  },
};
const CASELOAD: Shape = {
  keys: ['items', 'total', 'page', 'pageSize', 'today'],
  nested: { items: list(CASELOAD_ROW) },
};

const ok = (status: number, shape?: Shape): Expectation => ({ status, shape });
const FORBIDDEN: Expectation = { status: 403, problem: 'forbidden' };
const NOT_FOUND: Expectation = { status: 404, problem: 'not-found' };
const PRECONDITION_FAILED: Expectation = { status: 412, problem: 'precondition-failed' };

const LEADS: Relation[] = ['teamleiderOfTeam'];
const NOT_LED: Relation[] = ['sameMunicipality', 'otherMunicipality', 'none'];
const OTHERS: DemoUserKey[] = LOGGED_IN.filter((a) => a !== 'teamleider');
const RULE = 'case reviews are the teamleider’s, for the households of the teams they lead';

/** The teamleider of a team on the case gets `allowed`; of a household they do not lead, 404; others 403. */
function teamleiderOnly(endpoint: string, allowed: Expectation, why: string): MatrixRow[] {
  return [
    { endpoint, actors: ['teamleider'], relations: LEADS, expect: allowed, why },
    {
      endpoint,
      actors: ['teamleider'],
      relations: NOT_LED,
      expect: NOT_FOUND,
      why: 'rule 9: a household (or its review) of a team one does not lead does not exist for one',
    },
    {
      endpoint,
      actors: OTHERS,
      expect: FORBIDDEN,
      why: 'only a teamleider reviews cases; rules 6 and 7 for policy, privacy officer, beheerder',
    },
  ];
}

export const REVIEWS_MATRIX: MatrixRow[] = [
  {
    endpoint: 'GET /caseload',
    actors: ['teamleider'],
    expect: ok(200, CASELOAD),
    why: `${RULE}; membership: CASELOAD_VISIBILITY (a teamleider of another team sees none)`,
  },
  { endpoint: 'GET /caseload', actors: OTHERS, expect: FORBIDDEN, why: RULE },
  ...teamleiderOnly(
    'GET /households/:householdId/case-reviews',
    ok(200, list(REVIEW)),
    `${RULE}; membership: REVIEW_VISIBILITY`,
  ),
  ...teamleiderOnly('POST /households/:householdId/case-reviews', ok(201, REVIEW), RULE),
  ...teamleiderOnly('GET /case-reviews/:id', ok(200, REVIEW), RULE),
  ...teamleiderOnly('PUT /case-reviews/:id', ok(200, REVIEW), `${RULE} (with the current If-Match)`),
  ...teamleiderOnly(
    'PATCH /case-reviews/:id/actions/:actionId',
    ok(200, REVIEW),
    `${RULE} (with the current If-Match)`,
  ),
  ...teamleiderOnly(
    'DELETE /case-reviews/:id',
    PRECONDITION_FAILED,
    'probe (a stale If-Match): authorised, then 412; readers and outsiders learn nothing of versions',
  ),
  // Target H1+H2 (relation none): one household one does not lead makes the whole casusboek a 404.
  ...(['POST /casusboek/markdown', 'POST /casusboek/pdf'] as const).flatMap((endpoint) =>
    teamleiderOnly(endpoint, ok(200), `${RULE}; anonymised (the family name never appears)`),
  ),
];

const ZERO = '00000000-0000-4000-8000-000000000000';
const smuggle = (endpoint: string, fields: [string, unknown][], why: string): MassAssignment[] =>
  fields.map(([field, value]) => ({ endpoint, actor: 'teamleider', inject: { [field]: value }, field, why }));
const SERVER_OWNED = 'server-owned: the household, reviewer and version come from the route and the session';

export const REVIEWS_MASS_ASSIGNMENT: MassAssignment[] = [
  ...smuggle(
    'POST /households/:householdId/case-reviews',
    [
      ['id', ZERO],
      ['householdId', ZERO],
      ['municipalityId', ZERO],
      ['reviewerId', ZERO],
      ['version', 7],
      ['actions.0.id', ZERO],
      ['leerpunten.0.reviewId', ZERO],
    ],
    SERVER_OWNED,
  ),
  ...smuggle(
    'PUT /case-reviews/:id',
    [
      ['householdId', ZERO],
      ['reviewerId', ZERO],
      ['updatedBy', ZERO],
      ['version', 7],
      ['actions.0.reviewId', ZERO],
    ],
    SERVER_OWNED,
  ),
  ...smuggle(
    'PATCH /case-reviews/:id/actions/:actionId',
    [
      ['doneOn', '2026-01-01'],
      ['description', 'Matrix: andere afspraak'],
      ['reviewId', ZERO],
    ],
    'ticking an action sets only done (the date is today); its text changes through the whole review',
  ),
];
