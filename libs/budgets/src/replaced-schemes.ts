/**
 * The generic schemes a maatwerkbudget may replace (the seeds: "generieke declaratieregelingen
 * ombuigen naar een maatwerkbudget"). A fixed list: the migration's CHECK spells out the same codes.
 */
export const REPLACED_SCHEMES = {
  'bijzondere-bijstand': 'Bijzondere bijstand',
  'individuele-inkomenstoeslag': 'Individuele inkomenstoeslag',
  declaratieregeling: 'Declaratieregeling (meedoen)',
  'wmo-voorziening': 'Wmo-maatwerkvoorziening',
  jeugdhulp: 'Jeugdhulp',
  schuldhulpverlening: 'Schuldhulpverlening',
  leerlingenvervoer: 'Leerlingenvervoer',
} as const;

export type ReplacedScheme = keyof typeof REPLACED_SCHEMES;
export const REPLACED_SCHEME_CODES = Object.keys(REPLACED_SCHEMES) as ReplacedScheme[];

export const BUDGET_REQUEST_STATUSES = [
  'ingediend',
  'toegekend',
  'afgewezen',
  'betaald',
  'ingetrokken',
] as const;
export type BudgetRequestStatus = (typeof BUDGET_REQUEST_STATUSES)[number];

export const DECISION_OUTCOMES = ['toegekend', 'afgewezen'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
