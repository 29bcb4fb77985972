import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PLAN_CHANGE_KINDS = [
  'plan.create',
  'own-words.update',
  'goal.create',
  'goal.update',
  'goal.delete',
  'action.create',
  'action.update',
  'action.delete',
  'version.open',
  'version.agree',
  'evaluation.create',
] as const;
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number];

/**
 * Who changed what and when (append-only). Names the changed fields, never their values: the values
 * are in the versions, under their own access rules.
 */
@Entity({ name: 'plan_change' })
export class PlanChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  /** The plan revision this change produced. */
  @Column({ type: 'int' }) revision: number;
  @Column({ name: 'version_number', type: 'int', nullable: true }) versionNumber: number | null;
  @Column({ type: 'text' }) kind: PlanChangeKind;
  @Column({ name: 'target_id', type: 'uuid', nullable: true }) targetId: string | null;
  /** Life domain of the goal (or the action's goal) concerned, so the change is shown under the same rules. */
  @Column({ name: 'life_domain', type: 'text', nullable: true }) lifeDomain: string | null;
  @Column({ type: 'text', array: true }) fields: string[];
  @Column({ name: 'changed_by', type: 'uuid' }) changedBy: string;
  @Column({ name: 'changed_at', type: 'timestamptz', insert: false, update: false }) changedAt: Date;
}
