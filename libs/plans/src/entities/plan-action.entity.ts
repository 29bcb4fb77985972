import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActorType } from '../life-domains';

/** Who does what by when, for one goal, in one version (ids stable across versions, like goals). */
@Entity({ name: 'plan_action' })
export class PlanAction {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' }) versionId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'goal_id', type: 'uuid' }) goalId: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'actor_type', type: 'text' }) actorType: ActorType;
  @Column({ name: 'actor_person_id', type: 'uuid', nullable: true }) actorPersonId: string | null;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ name: 'actor_organisation', type: 'text', nullable: true }) actorOrganisation: string | null;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column({ type: 'boolean' }) done: boolean;
  @Column({ type: 'int' }) position: number;
}
