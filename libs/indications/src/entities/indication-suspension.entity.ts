import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An opschorting of the legal clock: both ends inclusive, end open while it lasts. */
@Entity({ name: 'indication_suspension' })
export class IndicationSuspension {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'indication_id', type: 'uuid' }) indicationId: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate: string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
