import { AuthenticatedUser } from '@app/access';

/** A goal of the household plan as the budget context needs it: to check a request and to name it. */
export interface PlanGoalRef {
  id: string;
  lifeDomain: string;
  description: string;
}

/**
 * What budgets asks the plans context: the goals of a household's plan as it stands (newest version),
 * as far as this user may see them. Implemented over the plans context's exported service (see
 * plans-goal-directory.ts); budgets never reads the plan tables. The plans context runs its own
 * transaction (and logs its own read), so callers ask before they open theirs: a transaction that
 * waits for a second pooled connection can starve the pool under load.
 */
export interface PlanGoalDirectory {
  currentGoals(user: AuthenticatedUser, householdId: string): Promise<PlanGoalRef[]>;
}

export const PLAN_GOAL_DIRECTORY = Symbol('PLAN_GOAL_DIRECTORY');
