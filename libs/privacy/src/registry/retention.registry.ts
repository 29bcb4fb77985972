import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Pillar } from '@app/access';
import type { DataSubject } from '@app/audit';

/**
 * A context with case data of households. When a closed household is past its retention period, each
 * participant anonymises its own records of that household (names, free text, identifying numbers),
 * keeping what aggregates count (pillar, product category, dates, status). It runs inside the run's
 * transaction; the run logs it. It must be idempotent.
 */
export interface RetentionParticipant {
  name: string;
  /** Pillars this context processed for these households; the longest period of all pillars applies. */
  pillarsOf?(householdIds: string[], manager: EntityManager): Promise<Map<string, Pillar[]>>;
  /** Returns the number of records changed. */
  anonymise(householdId: string, manager: EntityManager): Promise<number>;
}

/**
 * Records with a retention period of their own, counted per record rather than from the close of a
 * household (e.g. outreach signals and spreekuur contacts). Each run calls `expire` with its reference
 * date, inside the run's transaction (a dry run rolls it back, so it lists exactly what a real run then
 * changes); the run stores the result and logs the data subjects. It must be idempotent.
 */
export interface RetentionSweep {
  /** Unique, e.g. 'outreach.signals'. */
  name: string;
  /** The rule in Dutch, its period and where the default comes from (shown with the policy). */
  policy(): RetentionSweepPolicy;
  expire(referenceDate: string, manager: EntityManager): Promise<RetentionSweepResult>;
}

export interface RetentionSweepPolicy {
  rule: string;
  periodDays: number;
  source: string;
}

export interface RetentionSweepResult {
  /** Ids of the records deleted and anonymised (no personal data). */
  deleted: string[];
  anonymised: string[];
  /** Whom the change concerned, for the processing log. */
  dataSubjects: DataSubject[];
}

@Injectable()
export class RetentionRegistry {
  private readonly participants: RetentionParticipant[] = [];
  private readonly sweepList: RetentionSweep[] = [];

  registerSweep(sweep: RetentionSweep) {
    if (this.sweepList.some((s) => s.name === sweep.name)) {
      throw new Error(`A retention sweep named '${sweep.name}' is already registered`);
    }
    this.sweepList.push(sweep);
  }

  sweeps(): readonly RetentionSweep[] {
    return this.sweepList;
  }

  register(participant: RetentionParticipant) {
    if (this.participants.some((p) => p.name === participant.name)) {
      throw new Error(`A retention participant named '${participant.name}' is already registered`);
    }
    this.participants.push(participant);
  }

  all(): readonly RetentionParticipant[] {
    return this.participants;
  }
}
