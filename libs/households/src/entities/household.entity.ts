import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type HouseholdStatus = 'active' | 'closed';

@Entity({ name: 'household' })
export class Household {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'neighbourhood_id', type: 'uuid', nullable: true }) neighbourhoodId: string | null;
  /**
   * Street, house number and postcode are NULL once the household is anonymised (anonymisedAt set,
   * retention; a CHECK in the privacy migration enforces it). Typed as string: only closed cases past
   * their retention period have such rows.
   */
  @Column({ type: 'text', nullable: true }) street: string;
  @Column({ name: 'house_number', type: 'text', nullable: true }) houseNumber: string;
  @Column({ type: 'char', length: 6, nullable: true }) postcode: string;
  @Column({ type: 'text' }) city: string;
  @Column({ name: 'cohort_50', type: 'boolean', default: false }) cohort50: boolean;
  @Column({ type: 'text', default: 'active' }) status: HouseholdStatus;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn: string | null;
  @Column({ name: 'close_reason', type: 'text', nullable: true }) closeReason: string | null;
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true }) anonymisedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false }) updatedAt: Date;
}
