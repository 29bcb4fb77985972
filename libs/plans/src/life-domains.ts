import { FINANCIAL_LIFE_DOMAIN } from '@app/access';

/**
 * The life domains (leefgebieden) of the household plan: stable codes in the API and the database,
 * Dutch labels for people. The financial code is the one the access rules know (DESIGN.md rule 4).
 */
export const LIFE_DOMAINS = {
  [FINANCIAL_LIFE_DOMAIN]: 'Financiën',
  wonen: 'Wonen',
  werk: 'Werk en dagbesteding',
  opvoeden: 'Opvoeden en opgroeien',
  gezondheid: 'Gezondheid',
  'sociaal-netwerk': 'Sociaal netwerk',
  veiligheid: 'Veiligheid',
  onderwijs: 'Onderwijs',
} as const satisfies Record<string, string>;

export type LifeDomain = keyof typeof LIFE_DOMAINS;
export const LIFE_DOMAIN_CODES = Object.keys(LIFE_DOMAINS) as LifeDomain[];

export const lifeDomainLabel = (code: string) => LIFE_DOMAINS[code as LifeDomain] ?? code;

export const GOAL_STATUSES = ['open', 'bezig', 'behaald', 'gestopt'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
/** Goals still to reach; only these can be overdue. */
export const OPEN_GOAL_STATUSES: GoalStatus[] = ['open', 'bezig'];

export const OWNER_TYPES = ['member', 'professional'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];
export const ACTOR_TYPES = ['member', 'professional', 'organisation'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const VERSION_STATUSES = ['concept', 'vastgesteld'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
