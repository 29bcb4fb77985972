import {
  addDays,
  addWorkingDays,
  daysBetween,
  isPublicHoliday,
  isWorkingDay,
  publicHolidays,
} from './calendar';

describe('calendar', () => {
  it('adds and counts days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('knows the Dutch public holidays of the Algemene termijnenwet (date-holidays + 5 May)', () => {
    expect([...publicHolidays(2026)].sort()).toEqual([
      '2026-01-01', // Nieuwjaarsdag
      '2026-04-05', // Eerste paasdag (a Sunday anyway)
      '2026-04-06', // Tweede paasdag
      '2026-04-27', // Koningsdag
      '2026-05-05', // Bevrijdingsdag: every year for legal time limits (Atw art. 3)
      '2026-05-14', // Hemelvaartsdag
      '2026-05-24', // Eerste pinksterdag (a Sunday anyway)
      '2026-05-25', // Tweede pinksterdag
      '2026-12-25', // Eerste kerstdag
      '2026-12-26', // Tweede kerstdag
    ]);
  });

  it('moves Koningsdag to Saturday when 27 April is a Sunday, and leaves Good Friday a working day', () => {
    expect(isPublicHoliday('2025-04-26')).toBe(true);
    expect(isPublicHoliday('2025-04-27')).toBe(false);
    expect(isWorkingDay('2026-04-03')).toBe(true); // Goede Vrijdag is no Atw holiday
    expect(isWorkingDay('2026-12-31')).toBe(true); // Oudejaarsdag neither
  });

  it('counts 5 May as a holiday in lustrum and other years alike', () => {
    expect(isWorkingDay('2025-05-05')).toBe(false);
    expect(isWorkingDay('2026-05-05')).toBe(false);
    expect(isWorkingDay('2030-05-06')).toBe(true);
  });

  it('counts working days past weekends and holidays, not counting the start day', () => {
    expect(addWorkingDays('2026-11-20', 3)).toBe('2026-11-25'); // Friday -> Wednesday
    expect(addWorkingDays('2026-12-23', 3)).toBe('2026-12-29'); // Christmas and a weekend in between
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });
});
