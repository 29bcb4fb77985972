import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One living plan per household. `revision` is the plan's version counter: the ETag of every read and
 * the If-Match of every write; only a guarded UPDATE (see plan-revision.ts) ever changes it.
 */
@Entity({ name: 'plan' })
export class Plan {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ type: 'int' }) revision: number;
  /** Number of the newest version (a concept, or the last agreed one). */
  @Column({ name: 'latest_version', type: 'int' }) latestVersion: number;
  /** The day the plan came into existence: no target date may lie before it. */
  @Column({ name: 'created_on', type: 'date' }) createdOn: string;
  @Column({ name: 'next_evaluation_on', type: 'date', nullable: true }) nextEvaluationOn: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false }) updatedAt: Date;
}
