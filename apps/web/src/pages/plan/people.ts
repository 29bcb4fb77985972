import { ApiError } from '../../api/client';
import type { Dossier } from '../../api/types';
import { fullName } from '../../lib/format';

/** Who can own a goal or carry out an action: current members and the active case team. */
export function planPeople(dossier: Dossier) {
  return [
    ...(dossier.members ?? [])
      .filter((m) => !m.leftOn && m.person)
      .map((m) => ({ value: `member:${m.personId}`, label: `${fullName(m.person!)} (gezinslid)` })),
    ...(dossier.caseTeam ?? [])
      .filter((c) => !c.leftAt)
      .map((c) => ({ value: `professional:${c.userId}`, label: `${c.name} (${c.organisation})` })),
  ];
}

/**
 * A plan write that met a colleague's newer revision (412). The page shows the conflict; the form keeps
 * what was typed so it can be sent again.
 */
export const conflictError = () =>
  new ApiError({
    type: 'urn:gezinsplan:web:plan-conflict',
    title: 'Niet opgeslagen: het plan is intussen gewijzigd',
    status: 412,
    detail: 'Uw invoer staat er nog. Bekijk het plan zoals het nu is en sla daarna opnieuw op.',
  });

/** A plan write: true when saved, false on a conflict (already shown by the page). */
export type PlanWrite = (method: string, path: string, body: unknown) => Promise<boolean>;
