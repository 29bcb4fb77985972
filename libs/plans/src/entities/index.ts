export * from './plan-action.entity';
export * from './plan-change.entity';
export * from './plan-evaluation.entity';
export * from './plan-goal.entity';
export * from './plan-version.entity';
export * from './plan.entity';

import { PlanAction } from './plan-action.entity';
import { PlanChange } from './plan-change.entity';
import { PlanEvaluation, PlanEvaluationOutcome } from './plan-evaluation.entity';
import { PlanGoal } from './plan-goal.entity';
import { PlanVersion } from './plan-version.entity';
import { Plan } from './plan.entity';

export const PLAN_ENTITIES = [
  Plan,
  PlanVersion,
  PlanGoal,
  PlanAction,
  PlanEvaluation,
  PlanEvaluationOutcome,
  PlanChange,
];
