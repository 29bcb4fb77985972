import { addCalendarMonths, nextWorkingDayFrom } from '@app/core';

/**
 * The AVG clock (art. 12 lid 3: "within one month of receipt"), counted as EU Regulation 1182/71
 * art. 3 prescribes: the month ends on the same date of the next month (the last day of that month when
 * the date does not exist there), and a deadline on a Saturday, Sunday or public holiday moves to the
 * next working day (Algemene termijnenwet).
 */
export function avgDeadline(receivedOn: string): string {
  return nextWorkingDayFrom(addCalendarMonths(receivedOn, 1));
}

/**
 * The deadline after the one extension AVG art. 12 lid 3 allows ("met nog eens twee maanden"): three
 * calendar months from receipt in all, moved past a weekend or public holiday like the first.
 */
export function avgExtendedDeadline(receivedOn: string): string {
  return nextWorkingDayFrom(addCalendarMonths(receivedOn, 3));
}
