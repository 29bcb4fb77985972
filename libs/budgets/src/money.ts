/**
 * Money is integer euro cents end to end: parsed from strings without floating point, stored as
 * bigint, compared and summed as integers. A JavaScript number holds cents exactly up to 2^53.
 */

/** Upper bound of one request or payment: EUR 1.000.000,00. */
export const MAX_REQUEST_CENTS = 100_000_000;
/** Upper bound of a yearly budget: EUR 10.000.000.000,00 (far below 2^53 cents). */
export const MAX_BUDGET_CENTS = 1_000_000_000_000;

/** A euro amount as the API accepts it: digits, a point and exactly two decimals ("450.00"). */
export const EURO_PATTERN = /^(0|[1-9][0-9]{0,11})\.([0-9]{2})$/;

/** "450.00" → 45000; anything else (floats, commas, signs, three decimals) → null. */
export function parseEuros(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = EURO_PATTERN.exec(value);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number(match[2]);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** 45000 → "450.00" (the API's decimal string). */
export function formatEuros(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123456 → "€ 1.234,56" (Dutch notation, for letters and messages). */
export function formatEurosNl(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** bigint columns arrive as strings; refuse anything that is not an exact integer. */
export function centsFromDb(value: string | number | null): number | null {
  if (value === null || value === undefined) return null;
  const cents = typeof value === 'number' ? value : Number(value);
  assertCents(cents);
  return cents;
}

export const CENTS_COLUMN = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => centsFromDb(value),
};

function assertCents(cents: number) {
  if (!Number.isSafeInteger(cents)) throw new Error('amount in cents is not an exact integer');
}
