import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, AppAbility, AuthenticatedUser } from '@app/access';
import { Clock } from '@app/core';
import { Household, HouseholdGuard } from '@app/households';
import { Plan } from './entities';
import { PlanVisibility } from './plan-visibility';
import { ViewScope } from './plan-views';

export interface PlanScope extends ViewScope {
  household: Household;
  ability: AppAbility;
}

/** The shared first step of every plan route: the household, the caller's rights on its plan, the plan. */
@Injectable()
export class PlanAccess {
  constructor(
    private readonly guard: HouseholdGuard,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /**
   * 404 for a household outside the caller's municipalities or a plan they may not read (rule 9).
   * The plan row is read first, so the ETag of a read is never newer than the content it shows.
   */
  async open(m: EntityManager, user: AuthenticatedUser, householdId: string): Promise<PlanScope> {
    const { household, ability } = await this.guard.load(user, householdId, 'read', m);
    this.guard.ensureOnHousehold(ability, 'read', 'Plan', household);
    const plan = await m.findOneBy(Plan, { householdId });
    return {
      household,
      ability,
      householdId,
      plan,
      visibility: new PlanVisibility(this.access, ability, household),
      today: this.clock.today(),
    };
  }

  /** Plan-wide writes (own words, agreeing, evaluations) are for the case team (403 for readers). */
  ensurePlanWrite(scope: PlanScope) {
    this.guard.ensureOnHousehold(scope.ability, 'update', 'Plan', scope.household);
  }

  ensureActive(scope: PlanScope) {
    this.guard.ensureActive(scope.household);
  }
}
