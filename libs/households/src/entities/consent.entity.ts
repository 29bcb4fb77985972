import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsentCategory } from '@app/access';

export const CONSENT_CATEGORIES: ConsentCategory[] = [
  'PLAN',
  'PILLAR_WMO',
  'PILLAR_JEUGD',
  'PILLAR_PARTICIPATIE',
  'PILLAR_SHV',
  'PILLAR_ONDERWIJS',
];
export const CONSENT_METHODS = ['schriftelijk', 'mondeling', 'digitaal'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

@Entity({ name: 'consent' })
export class Consent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ type: 'text' }) category: ConsentCategory;
  @Column({ name: 'given_on', type: 'date' }) givenOn: string;
  @Column({ type: 'text' }) method: ConsentMethod;
  @Column({ name: 'revoked_on', type: 'date', nullable: true }) revokedOn: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
}
