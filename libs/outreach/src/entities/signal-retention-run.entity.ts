import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RetentionTrigger = 'schedule' | 'manual';

/** Every retention run, dry or real, scheduled or started by hand. */
@Entity({ name: 'arrears_signal_retention_run' })
export class SignalRetentionRun {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'ran_at', type: 'timestamptz' }) ranAt: Date;
  @Column({ name: 'run_on', type: 'date' }) runOn: string;
  @Column({ type: 'text' }) trigger: RetentionTrigger;
  @Column({ name: 'dry_run', type: 'boolean' }) dryRun: boolean;
  @Column({ name: 'retention_days', type: 'int' }) retentionDays: number;
  /** Unanswered signals received before this date go. */
  @Column({ name: 'received_before', type: 'date' }) receivedBefore: string;
  @Column({ name: 'signal_count', type: 'int' }) signalCount: number;
  @Column({ name: 'triggered_by', type: 'uuid', nullable: true }) triggeredBy: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false, select: false })
  recordedAt: Date;
}
