import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Pillar } from '@app/access';

/** What one run did (or, for a dry run, would do) to one household. Ids and counts only. */
export interface RetentionRunHousehold {
  householdId: string;
  municipalityId: string;
  closedOn: string;
  pillars: Pillar[];
  retentionYears: number;
  dueOn: string;
  personsAnonymised: number;
  /** Members who stay identifiable because they belong to a household that is not anonymised. */
  personsKept: number;
  /** Records changed per participating context (other than households). */
  recordsChanged: Record<string, number>;
}

/** What one run did (or would do) to the records of one sweep (RetentionRegistry.registerSweep). */
export interface RetentionRunSweep {
  name: string;
  rule: string;
  periodDays: number;
  deleted: string[];
  anonymised: string[];
}

/** The register of retention runs, appended to by every run (dry or real). */
@Entity({ name: 'retention_run' })
export class RetentionRun {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz' }) finishedAt: Date;
  @Column({ name: 'reference_date', type: 'date' }) referenceDate: string;
  @Column({ name: 'dry_run', type: 'boolean' }) dryRun: boolean;
  @Column({ name: 'triggered_by', type: 'text' }) triggeredBy: 'schedule' | 'manual';
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ name: 'households_due', type: 'int' }) householdsDue: number;
  @Column({ name: 'households_anonymised', type: 'int' }) householdsAnonymised: number;
  @Column({ name: 'persons_anonymised', type: 'int' }) personsAnonymised: number;
  @Column({ type: 'jsonb' }) policy: { yearsByPillar: Record<Pillar, number>; yearsWithoutPillar: number };
  @Column({ type: 'jsonb' }) households: RetentionRunHousehold[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) sweeps: RetentionRunSweep[];
}
