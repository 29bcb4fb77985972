/** The shapes the web app reads from the API (see /api/docs-json). Only what the pages use. */

export type Role =
  | 'consulent'
  | 'sociaal-team-medewerker'
  | 'schuldhulpverlener'
  | 'financial-coach'
  | 'teamleider'
  | 'beleidsmedewerker'
  | 'privacy-officer'
  | 'functioneel-beheerder';

export type Pillar = 'WMO' | 'JEUGD' | 'PARTICIPATIE' | 'SHV' | 'ONDERWIJS';
export const PILLARS: Pillar[] = ['WMO', 'JEUGD', 'PARTICIPATIE', 'SHV', 'ONDERWIJS'];

export interface User {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  organisationKind: string;
  roles: Role[];
  pillars: Pillar[];
  municipalityIds: string[];
  teamIds: string[];
  ledTeamIds: string[];
  mandateCents: number;
}

export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: User;
}

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every API error is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  traceId?: string;
  errors?: FieldError[];
}

export interface Municipality {
  id: string;
  code: string;
  name: string;
}
export interface Neighbourhood {
  id: string;
  municipalityId: string;
  name: string;
}
export interface Organisation {
  id: string;
  name: string;
  kind: string;
}

export interface Regisseur {
  userId: string;
  name: string;
  organisation: string;
}

/** A household as the caller may see it: the index fields always, the rest only with full access. */
export interface Household {
  id: string;
  municipalityId: string;
  neighbourhoodId: string | null;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  status: 'active' | 'closed';
  pillars: Pillar[];
  regisseur: Regisseur | null;
  cohort50?: boolean;
  closedOn?: string | null;
  closeReason?: string | null;
  createdAt?: string;
}

export interface SearchPage {
  items: Household[];
  page: number;
  pageSize: number;
  total: number;
}

export type MemberRelation = 'parent' | 'partner' | 'child' | 'other';

export interface Person {
  id: string;
  bsn: string;
  givenNames: string;
  familyNamePrefix: string | null;
  familyName: string;
  birthDate: string;
}

export interface Member {
  id: string;
  personId: string;
  relation: MemberRelation;
  joinedOn: string;
  leftOn: string | null;
  person?: Person;
}

export type CaseRole = 'regisseur' | 'pillar_contact' | 'contributor';

/** A colleague who could join a case team (GET /households/:id/case-team/candidates). */
export interface CaseTeamCandidate {
  userId: string;
  displayName: string;
  organisation: string;
  pillars: Pillar[];
}

export interface CaseTeamMember {
  id: string;
  userId: string;
  organisationId: string;
  caseRole: CaseRole;
  pillar: Pillar | null;
  legalBasis: string;
  joinedAt: string;
  leftAt: string | null;
  name: string;
  organisation: string;
}

export type ConsentCategory = 'PLAN' | `PILLAR_${Pillar}`;
export const CONSENT_CATEGORIES: ConsentCategory[] = [
  'PLAN',
  'PILLAR_WMO',
  'PILLAR_JEUGD',
  'PILLAR_PARTICIPATIE',
  'PILLAR_SHV',
  'PILLAR_ONDERWIJS',
];
export type ConsentMethod = 'schriftelijk' | 'mondeling' | 'digitaal';

export interface Consent {
  id: string;
  personId: string;
  organisationId: string;
  category: ConsentCategory;
  givenOn: string;
  method: ConsentMethod;
  revokedOn: string | null;
}

export type RepresentativeKind = 'bewindvoerder' | 'mentor' | 'curator' | 'gemachtigde';

export interface Representative {
  id: string;
  personId: string;
  kind: RepresentativeKind;
  name: string;
  organisationName: string | null;
  contact: string | null;
  scope: string;
  startsOn: string;
  endsOn: string | null;
}

export type ReferralStatus = 'open' | 'accepted' | 'declined';

export interface Referral {
  id: string;
  householdId: string;
  municipalityId: string;
  personId: string | null;
  fromOrganisationId: string;
  toOrganisationId: string;
  reason: string;
  status: ReferralStatus;
  createdAt: string;
  decidedAt: string | null;
  declineReason: string | null;
  assignedUserId: string | null;
}

/**
 * The dossier. `access: 'index'` carries only the household's index facts; `full` adds the case
 * content. Sections owned by other contexts (indications, plan, ...) appear only when the API sends them.
 */
export interface Dossier {
  household: Household;
  access: 'full' | 'index';
  breakGlass: boolean;
  members?: Member[];
  caseTeam?: CaseTeamMember[];
  representatives?: Representative[];
  consents?: Consent[];
  referrals?: Referral[];
  indications?: unknown;
  plan?: unknown;
  budget?: unknown;
  contacts?: unknown;
  [section: string]: unknown;
}
