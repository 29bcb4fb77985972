/** Roles, pillars and the authenticated user: the vocabulary every module's access rules use. */
export const ROLES = [
  'consulent',
  'sociaal-team-medewerker',
  'schuldhulpverlener',
  'financial-coach',
  'teamleider',
  'beleidsmedewerker',
  'privacy-officer',
  'functioneel-beheerder',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that do case work and so may see the household index (DESIGN.md access rule 2). */
export const PROFESSIONAL_ROLES: readonly Role[] = [
  'consulent',
  'sociaal-team-medewerker',
  'schuldhulpverlener',
  'financial-coach',
  'teamleider',
];

export const PILLARS = ['WMO', 'JEUGD', 'PARTICIPATIE', 'SHV', 'ONDERWIJS'] as const;
export type Pillar = (typeof PILLARS)[number];

export const ORGANISATION_KINDS = [
  'szmh',
  'sociaal-team',
  'kbl',
  'financial-coaching',
  'municipality',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  roles: Role[];
  /** Pillar specialisms (consulenten, schuldhulpverleners: SHV, ...). */
  pillars: Pillar[];
  municipalityIds: string[];
  teamIds: string[];
  /** Teams this user leads (teamleider). */
  ledTeamIds: string[];
  /** Maatwerkbudget decision mandate in euro cents. */
  mandateCents: number;
}
