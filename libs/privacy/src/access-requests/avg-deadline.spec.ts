import { addCalendarMonths, daysBetween, publicHolidays } from '@app/core';
import { avgDeadline, avgExtendedDeadline } from './avg-deadline';

describe('AVG deadline (one calendar month, Regulation 1182/71)', () => {
  it('ends on the same date of the next month', () => {
    expect(avgDeadline('2026-03-10')).toBe('2026-04-10'); // a Friday
  });

  it('ends on the last day of a shorter month', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('moves past a weekend', () => {
    // 2026-01-31 + 1 month = Saturday 2026-02-28 → Monday 2 March.
    expect(avgDeadline('2026-01-31')).toBe('2026-03-02');
  });

  it('moves past Dutch public holidays', () => {
    // 2026: Easter 5 April, so Tweede Paasdag 6 April; Koningsdag Monday 27 April.
    expect([...publicHolidays(2026)]).toEqual(
      expect.arrayContaining(['2026-04-06', '2026-05-14', '2026-05-25', '2026-04-27', '2026-05-05']),
    );
    expect(avgDeadline('2026-03-06')).toBe('2026-04-07'); // 6 April is Tweede Paasdag
    expect(avgDeadline('2026-11-25')).toBe('2026-12-28'); // Friday 25 Dec, Saturday 26 Dec, Sunday 27 Dec
  });

  it('celebrates Koningsdag on 26 April when the 27th is a Sunday', () => {
    expect([...publicHolidays(2025)]).toContain('2025-04-26');
  });

  it('counts days', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
  });

  it('extends by two further months (art. 12 lid 3), past weekends and holidays', () => {
    expect(avgExtendedDeadline('2026-11-18')).toBe('2027-02-18'); // a Thursday
    // 31 January + 3 months: 30 April, the last day of that month (a Thursday).
    expect(avgExtendedDeadline('2026-01-31')).toBe('2026-04-30');
    // 2026-02-25 + 3 months = Monday 25 May 2026, Tweede Pinksterdag → Tuesday 26 May.
    expect(avgExtendedDeadline('2026-02-25')).toBe('2026-05-26');
  });
});
