import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An action agreed in a review: who does what by when, tracked until done. */
@Entity({ name: 'case_review_action' })
export class CaseReviewAction {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'review_id', type: 'uuid' }) reviewId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text' }) owner: string;
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column({ name: 'done_on', type: 'date', nullable: true }) doneOn: string | null;
}
