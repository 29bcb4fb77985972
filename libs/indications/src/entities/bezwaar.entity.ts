import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The outcome categories of the Monitor Toekomstagenda Sociaal Domein. */
export const BEZWAAR_OUTCOMES = [
  'ingetrokken',
  'niet_ontvankelijk',
  'ongegrond',
  'deels_gegrond',
  'gegrond',
] as const;
export type BezwaarOutcome = (typeof BEZWAAR_OUTCOMES)[number];

/** A bezwaar against the beschikking of an indication, with its own 6-week clock. */
@Entity({ name: 'indication_bezwaar' })
export class Bezwaar {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'indication_id', type: 'uuid' }) indicationId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'received_date', type: 'date' }) receivedDate: string;
  @Column({ name: 'decision_date', type: 'date', nullable: true }) decisionDate: string | null;
  @Column({ type: 'text', nullable: true }) outcome: BezwaarOutcome | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
