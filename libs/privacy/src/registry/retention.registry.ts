import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Pillar } from '@app/access';

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

@Injectable()
export class RetentionRegistry {
  private readonly participants: RetentionParticipant[] = [];

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
