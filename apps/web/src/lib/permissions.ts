import type { Dossier, Referral, Role, User } from '../api/types';

/**
 * What the user may do, mirrored from the API's access rules (libs/access ability.factory.ts) so the
 * interface offers no action that would end in a 403. The API stays the one that decides.
 */
const PROFESSIONAL_ROLES: Role[] = [
  'consulent',
  'sociaal-team-medewerker',
  'schuldhulpverlener',
  'financial-coach',
  'teamleider',
];

export function isProfessional(user: User): boolean {
  return user.roles.some((role) => PROFESSIONAL_ROLES.includes(role));
}

/** Household search and the index: every professional of the municipality (rule 2). */
export const canSearchHouseholds = isProfessional;

export function canCreateHousehold(user: User): boolean {
  return isProfessional(user) && user.municipalityIds.length > 0;
}

/** Incoming referrals are answered by the receiving organisation's professionals. */
export const canSeeIncomingReferrals = isProfessional;

export function isOnCaseTeam(dossier: Dossier, user: User): boolean {
  return (dossier.caseTeam ?? []).some((member) => member.userId === user.id && !member.leftAt);
}

/** Case content is written by the case team only (not by the teamleider or break-the-glass readers). */
export function canEditCase(dossier: Dossier, user: User): boolean {
  return dossier.access === 'full' && isOnCaseTeam(dossier, user);
}

/** Changes that need an active household: members, case team, hand-over, referrals, consents given. */
export function canChangeActiveCase(dossier: Dossier, user: User): boolean {
  return canEditCase(dossier, user) && dossier.household.status === 'active';
}

export const canHandOverRegie = canChangeActiveCase;

/** KBL and financial coaches: only the financial life domain of the plan (access rule 4). */
const FINANCIAL_ORGANISATIONS = ['kbl', 'financial-coaching'];
const LIFE_DOMAIN_CODES = [
  'financien',
  'wonen',
  'werk',
  'opvoeden',
  'gezondheid',
  'sociaal-netwerk',
  'veiligheid',
  'onderwijs',
];

/** The plan as a whole (own words, agreeing a version): the case team, not KBL or financial coaches. */
export function canEditPlan(dossier: Dossier, user: User): boolean {
  return canChangeActiveCase(dossier, user) && !FINANCIAL_ORGANISATIONS.includes(user.organisationKind);
}

export const canAddPlanGoal = canChangeActiveCase;

export function planGoalDomains(user: User): string[] {
  return FINANCIAL_ORGANISATIONS.includes(user.organisationKind) ? ['financien'] : LIFE_DOMAIN_CODES;
}
export const canRefer = canChangeActiveCase;
export const canGiveConsent = canEditCase;
export const canRevokeConsent = canEditCase;

/** Break the glass: any professional of the municipality on a household they may see only the index of. */
export function canBreakGlass(dossier: Dossier, user: User): boolean {
  return isProfessional(user) && dossier.access === 'index' && dossier.household.status === 'active';
}

export function canAnswerReferral(referral: Referral, user: User): boolean {
  return (
    isProfessional(user) &&
    referral.status === 'open' &&
    referral.toOrganisationId === user.organisationId &&
    user.municipalityIds.includes(referral.municipalityId)
  );
}

/** Organisations whose professionals hold spreekuur and work vroegsignalering signals (libs/access, outreach). */
const OUTREACH_ORGANISATIONS = ['financial-coaching', 'kbl'];

/** Spreekuur contacts are logged by financial coaches. */
export function canLogSpreekuur(user: User): boolean {
  return user.roles.includes('financial-coach') && OUTREACH_ORGANISATIONS.includes(user.organisationKind);
}

/** The vroegsignalering worklist and CSV intake: coaches and KBL intake, for their own organisation. */
export function canWorkSignals(user: User): boolean {
  return (
    (user.roles.includes('financial-coach') || user.roles.includes('schuldhulpverlener')) &&
    OUTREACH_ORGANISATIONS.includes(user.organisationKind)
  );
}

/** Maatwerkbudget: requested by the case team of an active household (rule 5). */
export const canRequestBudget = canChangeActiveCase;

/** Deciding maatwerkbudget requests: professionals with a mandate (never on their own request). */
export function canDecideBudgets(user: User): boolean {
  return isProfessional(user) && user.mandateCents > 0;
}

/** Case reviews, the caseload and the casusboek: the teamleider, for the households of the teams they lead. */
export function canReviewCases(user: User): boolean {
  return user.roles.includes('teamleider') && user.ledTeamIds.length > 0;
}

/** Reviews of this household: a teamleider with full access that is not break-the-glass. */
export function canReviewHousehold(dossier: Dossier, user: User): boolean {
  return canReviewCases(user) && dossier.access === 'full' && !dossier.breakGlass;
}

/** The monitor (aggregates only, rule 6): beleidsmedewerkers and teamleiders. */
export function canSeeMonitor(user: User): boolean {
  return user.roles.includes('beleidsmedewerker') || user.roles.includes('teamleider');
}

/** User administration (accounts, one-time passwords, vier-ogen approvals): the functioneel beheerder. */
export function canManageUsers(user: User): boolean {
  return user.roles.includes('functioneel-beheerder');
}
