import { isValidBsn } from './bsn';
import { isCalendarDate } from './dates';

describe('BSN elfproef', () => {
  it.each(['111222333', '123456782', '999999990'])('accepts %s', (bsn) => expect(isValidBsn(bsn)).toBe(true));
  it.each(['123456789', '12345678', '1234567890', 'abcdefghi', '000000000', '111222334'])(
    'refuses %s',
    (bsn) => expect(isValidBsn(bsn)).toBe(false),
  );
});

describe('calendar dates', () => {
  it('accepts real dates, including a leap day', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });
  it.each(['2025-02-29', '2025-13-01', '2025-1-1', '01-01-2025'])('refuses %s', (d) =>
    expect(isCalendarDate(d)).toBe(false),
  );
});
