import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AttemptKind } from '../outreach.vocabulary';

/** One outreach attempt on a signal: a letter, a phone call or a home visit. */
@Entity({ name: 'arrears_signal_attempt' })
export class SignalAttempt {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'signal_id', type: 'uuid' }) signalId: string;
  @Column({ type: 'text' }) kind: AttemptKind;
  @Column({ name: 'attempted_on', type: 'date' }) attemptedOn: string;
  @Column({ type: 'boolean' }) reached: boolean;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
