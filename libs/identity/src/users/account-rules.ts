import { PROFESSIONAL_ROLES, Role } from '@app/access';
import { DomainError } from '@app/core';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserRecord, UserTeamMembership } from './user-accounts.repository';

/**
 * Roles whose account reaches case content (the case roles, and the privacy officer through access
 * requests) or approves changes that give it (functioneel beheerder). Creating such an account, granting
 * such a role and resetting such an account's password wait for a second functioneel beheerder.
 */
export const FOUR_EYES_ROLES: readonly Role[] = [
  ...PROFESSIONAL_ROLES,
  'privacy-officer',
  'functioneel-beheerder',
];

/**
 * Nobody changes their own rights (four eyes): roles, pillars, mandate, municipalities, teams,
 * organisation and deactivation of one's own account are changed by another functioneel beheerder.
 * Name and e-mail may be changed; a field sent unchanged is no change.
 */
export function assertNoSelfAssignment(current: UserRecord, dto: UpdateUserDto) {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  const team = (t: UserTeamMembership) => `${t.teamId}:${t.isLead}`;
  const changed = [
    dto.roles !== undefined && !same(dto.roles, current.roles) && 'roles',
    dto.pillars !== undefined && !same(dto.pillars, current.pillars) && 'pillars',
    dto.mandateCents !== undefined && dto.mandateCents !== current.mandateCents && 'mandateCents',
    dto.municipalityIds !== undefined &&
      !same(dto.municipalityIds, current.municipalityIds) &&
      'municipalityIds',
    dto.teams !== undefined && !same(memberships(dto.teams).map(team), current.teams.map(team)) && 'teams',
    dto.organisationId !== undefined && dto.organisationId !== current.organisationId && 'organisationId',
    dto.active === false && 'active',
  ].find((field): field is string => typeof field === 'string');
  if (changed) {
    throw DomainError.rule(
      'U kunt uw eigen rollen, pijlers, mandaat, gemeenten, teams en organisatie niet wijzigen en uw eigen ' +
        'account niet deactiveren; dat doet een andere functioneel beheerder (scheiding van functies).',
      changed,
    );
  }
}

/** Roles without case content (DESIGN rules 6 and 7) never share an account with a case role. */
const NO_CASE_CONTENT_ROLES: readonly Role[] = [
  'beleidsmedewerker',
  'privacy-officer',
  'functioneel-beheerder',
];

export function assertSeparationOfDuties(roles: readonly Role[]) {
  const oversight = roles.find((role) => NO_CASE_CONTENT_ROLES.includes(role));
  const caseRole = roles.find((role) => PROFESSIONAL_ROLES.includes(role));
  if (oversight && caseRole) {
    throw DomainError.rule(
      `De rol ${oversight} gaat niet samen met de rol ${caseRole}: wie gebruikers, de verwerkingenlogging ` +
        'of cijfers beheert, ziet geen casusinhoud (scheiding van functies).',
      'roles',
    );
  }
}

export function needsFourEyes(roles: readonly Role[]): boolean {
  return roles.some((role) => FOUR_EYES_ROLES.includes(role));
}

export function grantsFourEyesRole(current: readonly Role[], next: readonly Role[]): boolean {
  return next.some((role) => FOUR_EYES_ROLES.includes(role) && !current.includes(role));
}

export function memberships(teams: CreateUserDto['teams']): UserTeamMembership[] {
  return (teams ?? []).map((t) => ({ teamId: t.teamId, isLead: t.isLead ?? false }));
}
