import Holidays from 'date-holidays';

/**
 * The Wgs clock of a signal that led to a request for help: the first conversation is due within
 * 3 working days in a threatening situation (eviction, cut-off of energy or water, end of the health
 * insurance), else within 4 weeks (Wgs art. 4 lid 1 and 2). Dates are `YYYY-MM-DD`; nothing here reads
 * the current date. Kept local on purpose: libs/indications owns the general legal clocks.
 */
const DAY_MS = 86_400_000;
const utc = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));

export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

const holidaysNl = new Holidays('NL');
const holidaysByYear = new Map<number, ReadonlySet<string>>();

/** Dutch public holidays of the Algemene termijnenwet; 5 May counts every year for legal time limits. */
function publicHolidays(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    const set = new Set(
      holidaysNl
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    set.add(`${year}-05-05`);
    days = set;
    holidaysByYear.set(year, days);
  }
  return days;
}

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(utc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !publicHolidays(+date.slice(0, 4)).has(date);
}

/** The date `count` working days after `date` (the start day itself does not count). */
export function addWorkingDays(date: string, count: number): string {
  let current = date;
  for (let left = count; left > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

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
