import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A signal another context raises about a household, shown on the regisseur's worklist. */
export interface WorklistFlag {
  householdId: string;
  /** Stable key, e.g. `review_overdue`. */
  kind: string;
  /** Dutch text for the worklist. */
  label: string;
  /** Since when the condition holds (YYYY-MM-DD). */
  since: string;
}

export interface WorklistFlagSource {
  name: string;
  flagsFor(householdIds: string[], manager: EntityManager): Promise<WorklistFlag[]>;
}

/**
 * Lets other contexts (e.g. reviews) add flags to the plan worklist without this context knowing
 * their tables: they register in onModuleInit; the worklist asks them for the caller's households.
 */
@Injectable()
export class WorklistFlagRegistry {
  private readonly sources: WorklistFlagSource[] = [];

  register(source: WorklistFlagSource) {
    if (!this.sources.some((s) => s.name === source.name)) this.sources.push(source);
  }

  async flagsFor(householdIds: string[], manager: EntityManager): Promise<WorklistFlag[]> {
    if (householdIds.length === 0) return [];
    const all = await Promise.all(this.sources.map((s) => s.flagsFor(householdIds, manager)));
    return all
      .flat()
      .sort((a, b) => a.since.localeCompare(b.since) || a.householdId.localeCompare(b.householdId));
  }
}
