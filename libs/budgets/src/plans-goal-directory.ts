import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@app/access';
import { PlanReadingService } from '@app/plans';
import { PlanGoalDirectory, PlanGoalRef } from './plan-goals';

/** Plan goals through the plans context's exported PlanReadingService (access-checked and logged there). */
@Injectable()
export class PlansGoalDirectory implements PlanGoalDirectory {
  constructor(private readonly plans: PlanReadingService) {}

  async currentGoals(user: AuthenticatedUser, householdId: string): Promise<PlanGoalRef[]> {
    const { body } = await this.plans.current(user, householdId);
    return (body.version?.goals ?? []).map((goal) => ({
      id: goal.id,
      lifeDomain: goal.lifeDomain,
      description: goal.description,
    }));
  }
}
