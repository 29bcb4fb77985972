import type { Household, Person } from '../api/types';

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

const AMSTERDAM_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });

/**
 * `2026-11-22` as `22 november 2026`; an ISO timestamp by its day in Amsterdam (a request sent at 00:30
 * Dutch time is 23:30 UTC the day before).
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const instant = value.length > 10 ? new Date(value) : null;
  const calendarDay = instant && !Number.isNaN(instant.getTime()) ? AMSTERDAM_DAY.format(instant) : value;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(calendarDay);
  if (!match) return value;
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/**
 * Today's calendar date in Amsterdam, as `YYYY-MM-DD`: the day the API's legal clocks and checks use,
 * also when the browser's clock is set to another zone.
 */
export function today(): string {
  return AMSTERDAM_DAY.format(new Date());
}

export function ageOn(birthDate: string, on = today()): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function fullName(person: Pick<Person, 'givenNames' | 'familyNamePrefix' | 'familyName'>): string {
  return [person.givenNames, person.familyNamePrefix, person.familyName].filter(Boolean).join(' ');
}

/** `6224PS` as `6224 PS`. */
export function formatPostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : postcode;
}

/** What the API expects: `1234AB`, no space, capitals. */
export function normalisePostcode(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase();
}

export function addressLine(household: Pick<Household, 'street' | 'houseNumber'>): string {
  return `${household.street} ${household.houseNumber}`;
}

export function fullAddress(household: Pick<Household, 'street' | 'houseNumber' | 'postcode' | 'city'>) {
  return `${addressLine(household)}, ${formatPostcode(household.postcode)} ${household.city}`;
}

export function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/** Cents as `€ 1.250,00`. */
export function formatEuro(cents: number): string {
  return new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
