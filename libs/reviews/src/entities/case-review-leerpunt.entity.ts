import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const LEERPUNT_THEMES = [
  'ontschotting',
  'financien',
  'regie',
  'samenwerking',
  'privacy',
  'wet-en-regelgeving',
  'overig',
] as const;
export type LeerpuntTheme = (typeof LEERPUNT_THEMES)[number];

export const THEME_LABELS: Record<LeerpuntTheme, string> = {
  ontschotting: 'Ontschotting',
  financien: 'Financiën',
  regie: 'Regie',
  samenwerking: 'Samenwerking',
  privacy: 'Privacy',
  'wet-en-regelgeving': 'Wet- en regelgeving',
  overig: 'Overig',
};

/** A lesson from a review, tagged by theme; the casusboek exports these anonymised. */
@Entity({ name: 'case_review_leerpunt' })
export class CaseReviewLeerpunt {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'review_id', type: 'uuid' }) reviewId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'text' }) theme: LeerpuntTheme;
  @Column({ type: 'text' }) text: string;
}
