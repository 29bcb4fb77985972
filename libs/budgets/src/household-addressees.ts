import { EntityManager } from 'typeorm';

/** Who a decision letter goes to: the member it is for, and their representatives (a copy each). */
export interface LetterAddressees {
  /** The member the request is for, or the household's first adult; null when nobody lives there now. */
  addressee: { personId: string; name: string } | null;
  representatives: { kind: string; name: string; organisationName: string | null }[];
}

/**
 * What budgets asks the households context for a letter. Implemented in households-addressees.ts over
 * the households context's exported service.
 */
export interface HouseholdAddressees {
  forLetter(
    householdId: string,
    personId: string | null,
    on: string,
    manager?: EntityManager,
  ): Promise<LetterAddressees>;
}

export const HOUSEHOLD_ADDRESSEES = Symbol('HOUSEHOLD_ADDRESSEES');
