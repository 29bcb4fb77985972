import { Column, Entity, PrimaryColumn } from 'typeorm';

export const FLAG_KINDS = ['review_overdue', 'no_evaluation'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const FLAG_LABELS: Record<FlagKind, string> = {
  review_overdue: 'Casusbespreking verlopen',
  no_evaluation: 'Plan te lang niet geëvalueerd',
};

/** Raised by the daily job; replaced on every run. */
@Entity({ name: 'review_flag' })
export class ReviewFlag {
  @PrimaryColumn({ name: 'household_id', type: 'uuid' }) householdId: string;
  @PrimaryColumn({ type: 'text' }) kind: FlagKind;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ type: 'date' }) since: string;
  @Column({ name: 'flagged_on', type: 'date' }) flaggedOn: string;
}
