import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Pillar } from '@app/access';

export const CASE_ROLES = ['regisseur', 'pillar_contact', 'contributor'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

@Entity({ name: 'case_team_member' })
export class CaseTeamMember {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'case_role', type: 'text' }) caseRole: CaseRole;
  @Column({ type: 'text', nullable: true }) pillar: Pillar | null;
  /** The legal basis of this organisation's processing for the household (publieke taak or consent). */
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis: string;
  @Column({ name: 'joined_at', type: 'timestamptz' }) joinedAt: Date;
  @Column({ name: 'left_at', type: 'timestamptz', nullable: true }) leftAt: Date | null;
  @Column({ name: 'added_by', type: 'uuid', nullable: true }) addedBy: string | null;
}
