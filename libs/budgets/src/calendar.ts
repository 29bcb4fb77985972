/** The calendar day of an instant in Europe/Amsterdam, as YYYY-MM-DD. */
export function amsterdamDay(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(instant));
}
