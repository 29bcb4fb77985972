import type { Pillar } from '@app/access';
import { AuditService, DataSubject } from '@app/audit';
import { EntityManager } from 'typeorm';

/** Each pillar processes under its own activity of the register (and so its own legal basis). */
export function activityFor(pillar: Pillar | string, kind: 'read' | 'write'): string {
  return `indications.${pillar.toLowerCase()}.${kind}`;
}

/**
 * Logs the read of these indications: one entry per pillar, with the persons they concern as data
 * subjects. Call it as the last step of the transaction. With nothing read about persons, a household
 * list is still logged (under the route's activity) as a look at that household.
 */
export async function recordIndicationReads(
  audit: AuditService,
  m: EntityManager,
  read: { pillar: string; personId: string }[],
  householdId?: string,
) {
  const byPillar = new Map<string, DataSubject[]>();
  for (const item of read) {
    const subjects = byPillar.get(item.pillar) ?? [];
    subjects.push({ type: 'person', id: item.personId });
    byPillar.set(item.pillar, subjects);
  }
  if (byPillar.size === 0 && householdId) {
    await audit.record(m, {
      action: 'read',
      resourceType: 'Indication',
      householdId,
      dataSubjects: [{ type: 'household', id: householdId }],
    });
    return;
  }
  for (const [pillar, subjects] of [...byPillar.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    await audit.record(m, {
      activityId: activityFor(pillar, 'read'),
      action: 'read',
      resourceType: 'Indication',
      householdId,
      dataSubjects: subjects,
    });
  }
}
