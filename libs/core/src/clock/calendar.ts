import Holidays from 'date-holidays';

/**
 * Calendar arithmetic on dates as `YYYY-MM-DD` strings (no time of day, no time zone), and the Dutch
 * working days of the Algemene termijnenwet (Atw). Pure: nothing here reads the current date.
 */
const DAY_MS = 86_400_000;

const utc = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));

export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Calendar months as EU Regulation 1182/71 art. 3 counts them: the same date of the later month, or
 * its last day when that date does not exist there (2026-01-31 + 1 month = 2026-02-28).
 */
export function addCalendarMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` lies before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

const holidaysNl = new Holidays('NL');
const byYear = new Map<number, ReadonlySet<string>>();

/**
 * The "algemeen erkende feestdagen" of Atw art. 3: Nieuwjaarsdag, tweede paas- en pinksterdag, beide
 * kerstdagen, Hemelvaartsdag, Koningsdag and 5 mei. date-holidays supplies the movable ones (Easter,
 * Ascension, Whitsun, Koningsdag moved to Saturday when 27 April is a Sunday) as type 'public'. It marks
 * Bevrijdingsdag only as a school holiday because it is a day off once every five years in most
 * collective agreements; for legal time limits the Atw counts 5 May every year, so we add it.
 */
export function publicHolidays(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (!days) {
    const set = new Set(
      holidaysNl
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    set.add(`${year}-05-05`);
    days = set;
    byYear.set(year, days);
  }
  return days;
}

export function isWeekend(date: string): boolean {
  const day = new Date(utc(date)).getUTCDay();
  return day === 0 || day === 6;
}

export function isPublicHoliday(date: string): boolean {
  return publicHolidays(+date.slice(0, 4)).has(date);
}

/** Not a Saturday, Sunday or Atw public holiday. */
export function isWorkingDay(date: string): boolean {
  return !isWeekend(date) && !isPublicHoliday(date);
}

/** Atw art. 1: a statutory time limit ending on a weekend or public holiday runs to the next working day. */
export function nextWorkingDayFrom(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
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
