export * from './demo/demo-plans.seeder';
export * from './entities';
export * from './etag';
export * from './life-domains';
export * from './plan-reading.service';
export * from './plan-summaries.service';
export * from './plans.module';
export * from './worklist-flags.registry';
export type {
  ActionView,
  EvaluationView,
  GoalView,
  PlanView,
  VersionSummary,
  VersionView,
} from './plan-views';
export type { Comparison } from './plan-comparison';
