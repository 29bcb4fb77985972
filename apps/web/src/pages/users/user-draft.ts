import type { Pillar, Role } from '../../api/types';
import { ROLE_LABELS } from '../../lib/labels';
import type { Errors } from '../../lib/use-form';
import type { UserAccount, UserFieldsBody } from './types';

/** The user form as typed: ids and codes as lists, the mandate in euros as text. */
export interface UserDraft {
  displayName: string;
  email: string;
  organisationId: string;
  roles: string[];
  pillars: string[];
  municipalityIds: string[];
  teams: string[];
  /** Teams (of `teams`) this user leads. */
  leadTeams: string[];
  mandateCents: string;
}

export const USER_LABELS: Record<keyof UserDraft, string> = {
  displayName: 'Naam',
  email: 'E-mailadres',
  organisationId: 'Organisatie',
  roles: 'Rollen',
  pillars: 'Pijlers',
  municipalityIds: 'Gemeenten',
  teams: 'Teams',
  leadTeams: 'Teamleider van',
  mandateCents: 'Mandaat maatwerkbudget in euro',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** Mirrors libs/access PROFESSIONAL_ROLES and libs/identity account-rules (the API decides). */
export const CASE_ROLES: Role[] = [
  'consulent',
  'sociaal-team-medewerker',
  'schuldhulpverlener',
  'financial-coach',
  'teamleider',
];
const OVERSIGHT_ROLES: Role[] = ['beleidsmedewerker', 'privacy-officer', 'functioneel-beheerder'];
const FOUR_EYES_ROLES: Role[] = [...CASE_ROLES, 'privacy-officer', 'functioneel-beheerder'];

/** Roles that make a creation or a grant wait for a second functioneel beheerder. */
export function needsSecondBeheerder(roles: readonly string[], current: readonly string[] = []) {
  return roles.some((role) => FOUR_EYES_ROLES.includes(role as Role) && !current.includes(role));
}

export const EMPTY_USER: UserDraft = {
  displayName: '',
  email: '',
  organisationId: '',
  roles: [],
  pillars: [],
  municipalityIds: [],
  teams: [],
  leadTeams: [],
  mandateCents: '',
};

export function draftOf(user: UserAccount): UserDraft {
  return {
    displayName: user.displayName,
    email: user.email,
    organisationId: user.organisationId,
    roles: [...user.roles],
    pillars: [...user.pillars],
    municipalityIds: [...user.municipalityIds],
    teams: user.teams.map((t) => t.teamId),
    leadTeams: user.teams.filter((t) => t.isLead).map((t) => t.teamId),
    mandateCents: user.mandateCents ? String(user.mandateCents / 100).replace('.', ',') : '',
  };
}

function euroCents(text: string): number | null {
  const trimmed = text.trim().replace(/\./g, '').replace(',', '.');
  if (!trimmed) return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 100);
}

export function validateUser(d: UserDraft): Errors<UserDraft> {
  const errors: Errors<UserDraft> = {};
  if (!d.displayName.trim()) errors.displayName = 'Vul de naam in.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) errors.email = 'Vul een geldig e-mailadres in.';
  if (!d.organisationId) errors.organisationId = 'Kies de organisatie.';
  const oversight = d.roles.find((r) => OVERSIGHT_ROLES.includes(r as Role));
  const caseRole = d.roles.find((r) => CASE_ROLES.includes(r as Role));
  if (d.roles.length === 0) errors.roles = 'Kies minstens één rol.';
  else if (oversight && caseRole)
    errors.roles = `${ROLE_LABELS[oversight as Role]} gaat niet samen met ${ROLE_LABELS[caseRole as Role]}: wie beheert of cijfers ziet, ziet geen casusinhoud.`;
  if (euroCents(d.mandateCents) === null)
    errors.mandateCents = 'Vul een bedrag in euro in, bijvoorbeeld 500 of 1250,50.';
  return errors;
}

export function bodyOf(d: UserDraft): UserFieldsBody {
  return {
    displayName: d.displayName.trim(),
    email: d.email.trim(),
    organisationId: d.organisationId,
    roles: d.roles as Role[],
    pillars: d.pillars as Pillar[],
    municipalityIds: d.municipalityIds,
    teams: d.teams.map((teamId) => ({ teamId, isLead: d.leadTeams.includes(teamId) })),
    mandateCents: euroCents(d.mandateCents) ?? 0,
  };
}

/** Only what differs from the account as it is: an unchanged field is no change (nor a self-assignment). */
export function changedFields(user: UserAccount, d: UserDraft): Partial<UserFieldsBody> {
  const next = bodyOf(d);
  const before = bodyOf(draftOf(user));
  const key = (value: unknown) =>
    JSON.stringify(Array.isArray(value) ? [...value].map((v) => JSON.stringify(v)).sort() : value);
  const changed: Partial<UserFieldsBody> = {};
  for (const field of Object.keys(next) as (keyof UserFieldsBody)[]) {
    if (key(next[field]) !== key(before[field])) Object.assign(changed, { [field]: next[field] });
  }
  return changed;
}

/** The API's field path (`teams.0.teamId`) to the form field. */
export function userFieldOf(apiField: string): keyof UserDraft | undefined {
  const head = apiField.split('.')[0];
  return head in USER_LABELS ? (head as keyof UserDraft) : undefined;
}
