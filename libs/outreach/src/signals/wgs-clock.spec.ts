import { addWorkingDays, isWorkingDay } from '@app/core';
import { wgsClock } from './wgs-clock';

describe('Wgs clock of a signal', () => {
  it('skips weekends and Dutch public holidays when counting working days', () => {
    // Friday 24 April 2026; Monday 27 April is Koningsdag.
    expect(addWorkingDays('2026-04-24', 3)).toBe('2026-04-30');
    // Thursday 24 December 2026: both Christmas days and the weekend are skipped.
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(isWorkingDay('2026-05-05')).toBe(false);
    expect(isWorkingDay('2026-05-06')).toBe(true);
  });

  it('gives 3 working days in a threatening situation and 4 weeks otherwise', () => {
    const base = { helpRequestedOn: '2026-04-24', firstConversationOn: null };
    expect(wgsClock({ ...base, threatening: true }, '2026-04-24')).toMatchObject({
      dueOn: '2026-04-30',
      status: 'lopend',
      daysLeft: 6,
    });
    expect(wgsClock({ ...base, threatening: false }, '2026-04-24')?.dueOn).toBe('2026-05-22');
    expect(wgsClock({ ...base, threatening: true }, '2026-05-01')?.status).toBe('verlopen');
  });

  it('is met when the first conversation is (planned) on or before the due date', () => {
    const clock = (firstConversationOn: string) =>
      wgsClock({ helpRequestedOn: '2026-04-24', threatening: true, firstConversationOn }, '2026-04-24')
        ?.status;
    expect(clock('2026-04-30')).toBe('op_tijd');
    expect(clock('2026-05-01')).toBe('te_laat');
  });

  it('does not run without a request for help', () => {
    expect(
      wgsClock({ helpRequestedOn: null, threatening: true, firstConversationOn: null }, '2026-04-24'),
    ).toBeNull();
  });
});
