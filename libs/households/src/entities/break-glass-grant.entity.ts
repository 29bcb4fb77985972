import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'break_glass_grant' })
export class BreakGlassGrant {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) category: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'granted_at', type: 'timestamptz' }) grantedAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'review_status', type: 'text', default: 'pending' }) reviewStatus:
    'pending' | 'accepted' | 'questioned';
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ name: 'review_note', type: 'text', nullable: true }) reviewNote: string | null;
}
