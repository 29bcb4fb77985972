import type { Pillar } from '@app/access';
import { addCalendarMonths } from '@app/core';

export interface RetentionPolicy {
  yearsByPillar: Record<Pillar, number>;
  yearsWithoutPillar: number;
}

/**
 * A household's record holds the data of all its pillars together, so the longest period of its
 * pillars applies; a case without any pillar keeps the general period.
 */
export function retentionYears(policy: RetentionPolicy, pillars: readonly Pillar[]): number {
  if (pillars.length === 0) return policy.yearsWithoutPillar;
  return Math.max(...pillars.map((p) => policy.yearsByPillar[p]));
}

/** The day from which a case closed on `closedOn` is anonymised (29 February + n years → 28 February). */
export function retentionDueOn(closedOn: string, years: number): string {
  return addCalendarMonths(closedOn, years * 12);
}

/** Cases closed after this day cannot be due yet under any period of the policy. */
export function latestPossiblyDueClosedOn(policy: RetentionPolicy, today: string): string {
  const shortest = Math.min(policy.yearsWithoutPillar, ...Object.values(policy.yearsByPillar));
  return addCalendarMonths(today, -shortest * 12);
}
