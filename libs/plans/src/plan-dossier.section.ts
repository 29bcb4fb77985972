import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessService, AppAbility } from '@app/access';
import { Clock } from '@app/core';
import { DossierSectionRegistry, Household } from '@app/households';
import { Plan, PlanGoal, PlanVersion } from './entities';
import { OPEN_GOAL_STATUSES } from './life-domains';
import { PlanVisibility } from './plan-visibility';

/** The 'plan' part of a household's dossier: a summary of what the caller may see of the plan. */
@Injectable()
export class PlanDossierSection implements OnModuleInit {
  constructor(
    private readonly registry: DossierSectionRegistry,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.registry.register({
      name: 'plan',
      load: ({ ability, household, manager }) => this.summary(manager, ability, household),
    });
  }

  private async summary(m: EntityManager, ability: AppAbility, household: Household) {
    const probe = { householdId: household.id, municipalityId: household.municipalityId };
    if (!this.access.can(ability, 'read', 'Plan', probe)) return null;
    const dataSubjects = [{ type: 'household' as const, id: household.id }];
    const plan = await m.findOneBy(Plan, { householdId: household.id });
    if (!plan) return { content: { exists: false, revision: 0 }, dataSubjects };
    const visibility = new PlanVisibility(this.access, ability, household);
    const version = await m.findOneByOrFail(PlanVersion, { planId: plan.id, number: plan.latestVersion });
    const goals = (await m.findBy(PlanGoal, { versionId: version.id }))
      .map((g) => visibility.goal(g))
      .filter((g): g is PlanGoal => g !== null);
    const today = this.clock.today();
    return {
      content: {
        exists: true,
        revision: plan.revision,
        scope: visibility.scope,
        version: { number: version.number, status: version.status, agreedOn: version.agreedOn },
        goals: goals.length,
        goalsReached: goals.filter((g) => g.status === 'behaald').length,
        overdueGoals: goals.filter((g) => OPEN_GOAL_STATUSES.includes(g.status) && g.targetDate < today)
          .length,
        nextEvaluationOn: plan.nextEvaluationOn,
      },
      dataSubjects,
    };
  }
}
