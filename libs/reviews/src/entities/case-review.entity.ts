import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'case_review' })
export class CaseReview {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'reviewed_on', type: 'date' }) reviewedOn: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId: string;
  @Column({ type: 'text', array: true }) participants: string[];
  @Column({ type: 'text' }) findings: string;
  @Column({ name: 'next_review_on', type: 'date', nullable: true }) nextReviewOn: string | null;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false }) updatedAt: Date;
}
