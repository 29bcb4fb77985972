import { formatDate } from '../../apps/web/src/lib/format';

describe('web: formatDate', () => {
  it('writes a calendar date the Dutch way', () => {
    expect(formatDate('2026-11-22')).toBe('22 november 2026');
    expect(formatDate('2026-01-05')).toBe('5 januari 2026');
  });

  it('dates a timestamp by its day in Amsterdam, not in UTC', () => {
    expect(formatDate('2026-11-22T23:30:00.000Z')).toBe('23 november 2026'); // 00:30 CET
    expect(formatDate('2026-06-30T21:59:00Z')).toBe('30 juni 2026'); // 23:59 CEST
    expect(formatDate('2026-06-30T22:00:00Z')).toBe('1 juli 2026');
  });

  it('leaves what is not a date as it is, and empty as empty', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('onbekend')).toBe('onbekend');
  });
});
