/**
 * The AVG clock (art. 12 lid 3: "within one month of receipt"), counted as EU Regulation 1182/71
 * art. 3 prescribes: the month ends on the same date of the next month (the last day of that month when
 * the date does not exist there), and a deadline on a Saturday, Sunday or public holiday moves to the
 * next working day. Dutch public holidays as in the Algemene termijnenwet art. 3.
 */

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** 2026-01-31 + 1 month = 2026-02-28: a date that does not exist becomes the last day of the month. */
export function addCalendarMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return iso(target);
}

export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** Whole calendar days from `from` to `to` (negative when `to` lies before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(new Date(Date.UTC(year, month - 1, day)));
}

/** Algemene termijnenwet art. 3: Nieuwjaarsdag, 2e Paasdag, Hemelvaartsdag, 2e Pinksterdag, Kerstdagen, Koningsdag, 5 mei. */
export function dutchPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const kingsDay = utc(`${year}-04-27`).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return [
    `${year}-01-01`,
    addDays(easter, 1),
    addDays(easter, 39),
    addDays(easter, 50),
    kingsDay,
    `${year}-05-05`,
    `${year}-12-25`,
    `${year}-12-26`,
  ];
}

export function isWorkingDay(date: string): boolean {
  const weekday = utc(date).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !dutchPublicHolidays(Number(date.slice(0, 4))).includes(date);
}

/** The last day on which an access request received on this date must be answered. */
export function avgDeadline(receivedOn: string): string {
  let deadline = addCalendarMonths(receivedOn, 1);
  while (!isWorkingDay(deadline)) deadline = addDays(deadline, 1);
  return deadline;
}
