import { DomainError, ErrorCode } from '@app/core';

/**
 * The status of an indication and the only moves between them.
 *
 *   melding ──► in_behandeling ──► toegekend ──► beeindigd
 *      │              ├──────────► afgewezen
 *      │              ├──────────► buiten_behandeling
 *      └──────────────┴──────────► ingetrokken
 *
 * in_behandeling starts with the aanvraag (Wmo, Jeugd, Participatie, Onderwijs) or the first
 * conversation (SHV); the three beschikking outcomes end the legal clock. A bezwaar does not change the
 * status: it runs alongside with its own clock; a new decision after a founded bezwaar is a new indication.
 */
export const INDICATION_STATUSES = [
  'melding',
  'in_behandeling',
  'toegekend',
  'afgewezen',
  'buiten_behandeling',
  'ingetrokken',
  'beeindigd',
] as const;
export type IndicationStatus = (typeof INDICATION_STATUSES)[number];

export const BESCHIKKING_OUTCOMES = ['toegekend', 'afgewezen', 'buiten_behandeling'] as const;
export type BeschikkingOutcome = (typeof BESCHIKKING_OUTCOMES)[number];

const TRANSITIONS: Record<IndicationStatus, readonly IndicationStatus[]> = {
  melding: ['in_behandeling', 'ingetrokken'],
  in_behandeling: ['toegekend', 'afgewezen', 'buiten_behandeling', 'ingetrokken'],
  toegekend: ['beeindigd'],
  afgewezen: [],
  buiten_behandeling: [],
  ingetrokken: [],
  beeindigd: [],
};

/** Statuses in which a beschikking has been taken, so a bezwaar can be lodged. */
export const DECIDED_STATUSES: readonly IndicationStatus[] = [
  'toegekend',
  'afgewezen',
  'buiten_behandeling',
  'beeindigd',
];

/** Statuses in which the procedure still runs towards a beschikking (suspensions are possible). */
export const OPEN_STATUSES: readonly IndicationStatus[] = ['melding', 'in_behandeling'];

export function allowedNextStates(from: IndicationStatus): IndicationStatus[] {
  return [...TRANSITIONS[from]];
}

export function canTransition(from: IndicationStatus, to: IndicationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** 409 `invalid-transition` naming the current and requested state and listing the allowed ones. */
export function assertTransition(from: IndicationStatus, to: IndicationStatus): void {
  if (canTransition(from, to)) return;
  const allowed = allowedNextStates(from);
  throw new DomainError(
    ErrorCode.InvalidTransition,
    `Een indicatie met status '${from}' kan niet naar '${to}'. ` +
      (allowed.length ? `Toegestaan: ${allowed.join(', ')}.` : 'Deze status is definitief.'),
    { currentState: from, requestedState: to, allowedNextStates: allowed },
  );
}
