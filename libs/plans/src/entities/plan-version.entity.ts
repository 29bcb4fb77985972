import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { VersionStatus } from '../life-domains';

/** Version N of a plan: a concept while edited, frozen once agreed (vastgesteld) with the household. */
@Entity({ name: 'plan_version' })
export class PlanVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'text' }) status: VersionStatus;
  /** What the household wants to achieve, in its own words. */
  @Column({ name: 'own_words', type: 'text' }) ownWords: string;
  @Column({ name: 'agreed_on', type: 'date', nullable: true }) agreedOn: string | null;
  @Column({ name: 'agreed_by_person_ids', type: 'uuid', array: true }) agreedByPersonIds: string[];
  @Column({ name: 'agreed_recorded_by', type: 'uuid', nullable: true }) agreedRecordedBy: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
