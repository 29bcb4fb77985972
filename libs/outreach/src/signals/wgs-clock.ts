import { addDays, addWorkingDays, daysBetween } from '@app/core';

/**
 * The Wgs clock of a signal that led to a request for help: the first conversation is due within
 * 3 working days in a threatening situation (eviction, cut-off of energy or water, end of the health
 * insurance), else within 4 weeks (Wgs art. 4 lid 1 and 2). Dates are `YYYY-MM-DD`; nothing here reads
 * the current date.
 */
export const WGS_THREATENING_WORKING_DAYS = 3;
export const WGS_REGULAR_DAYS = 28;

export type WgsClockStatus = 'lopend' | 'verlopen' | 'op_tijd' | 'te_laat';

export interface WgsClock {
  requestedOn: string;
  threatening: boolean;
  dueOn: string;
  firstConversationOn: string | null;
  status: WgsClockStatus;
  /** Calendar days until the due date while the clock runs (negative once overdue). */
  daysLeft: number | null;
}

export function wgsClock(
  signal: { helpRequestedOn: string | null; threatening: boolean; firstConversationOn: string | null },
  today: string,
): WgsClock | null {
  if (!signal.helpRequestedOn) return null;
  const dueOn = signal.threatening
    ? addWorkingDays(signal.helpRequestedOn, WGS_THREATENING_WORKING_DAYS)
    : addDays(signal.helpRequestedOn, WGS_REGULAR_DAYS);
  const planned = signal.firstConversationOn;
  const status: WgsClockStatus = planned
    ? planned <= dueOn
      ? 'op_tijd'
      : 'te_laat'
    : today > dueOn
      ? 'verlopen'
      : 'lopend';
  return {
    requestedOn: signal.helpRequestedOn,
    threatening: signal.threatening,
    dueOn,
    firstConversationOn: planned,
    status,
    daysLeft: planned ? null : daysBetween(today, dueOn),
  };
}
