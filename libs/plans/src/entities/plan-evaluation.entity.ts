import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { GoalStatus, LifeDomain } from '../life-domains';

/** A moment the plan was evaluated with the household; belongs to the plan, not to one version. */
@Entity({ name: 'plan_evaluation' })
export class PlanEvaluation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  /** The version that was evaluated. */
  @Column({ name: 'version_number', type: 'int' }) versionNumber: number;
  @Column({ name: 'evaluated_on', type: 'date' }) evaluatedOn: string;
  @Column({ name: 'next_evaluation_on', type: 'date' }) nextEvaluationOn: string;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false }) recordedAt: Date;
}

/** The outcome for one goal; carries the goal's life domain so access rules apply to it directly. */
@Entity({ name: 'plan_evaluation_outcome' })
export class PlanEvaluationOutcome {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @PrimaryColumn({ name: 'goal_id', type: 'uuid' }) goalId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'life_domain', type: 'text' }) lifeDomain: LifeDomain;
  @Column({ type: 'text' }) status: GoalStatus;
  @Column({ type: 'text' }) outcome: string;
}
