import { AuthenticatedUser } from './access.types';
import { ConsentCategory } from './subjects';

/**
 * The user's relations to households, read once per request. Provided by the households context
 * (which owns case teams, consents and break-the-glass grants) under HOUSEHOLD_RELATIONS, so that
 * the access layer needs no knowledge of its tables.
 */
export interface HouseholdRelations {
  /** Households on whose case team the user is an active member. */
  caseTeam: string[];
  /** Households where the user is the active regisseur. */
  regisseur: string[];
  /** Households with a member of a team the user leads on the case team. */
  ledTeams: string[];
  /** Active consents covering the user's organisation. */
  consents: { householdId: string; category: ConsentCategory }[];
  /** Households opened by break the glass, within the 24 hours. */
  breakGlass: string[];
}

export interface HouseholdRelationsSource {
  relationsFor(user: AuthenticatedUser): Promise<HouseholdRelations>;
}

export const HOUSEHOLD_RELATIONS = Symbol('HOUSEHOLD_RELATIONS');

export const NO_RELATIONS: HouseholdRelations = {
  caseTeam: [],
  regisseur: [],
  ledTeams: [],
  consents: [],
  breakGlass: [],
};
