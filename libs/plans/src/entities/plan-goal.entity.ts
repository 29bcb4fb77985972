import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GoalStatus, LifeDomain, OwnerType } from '../life-domains';

/**
 * A goal as it stands in one version. `id` is stable across versions (a new version copies the rows
 * with the same ids), so two versions can be compared goal by goal.
 */
@Entity({ name: 'plan_goal' })
export class PlanGoal {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' }) versionId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'life_domain', type: 'text' }) lifeDomain: LifeDomain;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'owner_type', type: 'text' }) ownerType: OwnerType;
  @Column({ name: 'owner_person_id', type: 'uuid', nullable: true }) ownerPersonId: string | null;
  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true }) ownerUserId: string | null;
  @Column({ name: 'target_date', type: 'date' }) targetDate: string;
  @Column({ type: 'text' }) status: GoalStatus;
  /** Indications this goal relies on; ids of the indications context, deliberately without a foreign key. */
  @Column({ name: 'indication_ids', type: 'uuid', array: true }) indicationIds: string[];
  /** For professionals only: never printed for the family. */
  @Column({ name: 'internal_note', type: 'text', nullable: true }) internalNote: string | null;
  @Column({ type: 'int' }) position: number;
}
