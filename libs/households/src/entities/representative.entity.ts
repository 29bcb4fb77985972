import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const REPRESENTATIVE_KINDS = ['bewindvoerder', 'mentor', 'curator', 'gemachtigde'] as const;
export type RepresentativeKind = (typeof REPRESENTATIVE_KINDS)[number];

@Entity({ name: 'representative' })
export class Representative {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) kind: RepresentativeKind;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'organisation_name', type: 'text', nullable: true }) organisationName: string | null;
  @Column({ type: 'text', nullable: true }) contact: string | null;
  @Column({ type: 'text' }) scope: string;
  @Column({ name: 'starts_on', type: 'date' }) startsOn: string;
  @Column({ name: 'ends_on', type: 'date', nullable: true }) endsOn: string | null;
}
