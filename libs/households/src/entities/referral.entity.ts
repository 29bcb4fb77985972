import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ReferralStatus = 'open' | 'accepted' | 'declined';

@Entity({ name: 'referral' })
export class Referral {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId: string | null;
  @Column({ name: 'from_organisation_id', type: 'uuid' }) fromOrganisationId: string;
  @Column({ name: 'to_organisation_id', type: 'uuid' }) toOrganisationId: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text', default: 'open' }) status: ReferralStatus;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason: string | null;
  @Column({ name: 'assigned_user_id', type: 'uuid', nullable: true }) assignedUserId: string | null;
}
