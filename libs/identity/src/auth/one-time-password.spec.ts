import { newOneTimePassword, ONE_TIME_PASSWORD_TTL_HOURS } from './one-time-password';

describe('one-time passwords', () => {
  const now = new Date('2026-11-22T10:00:00Z');

  it('are four groups of five unambiguous characters, expiring after 72 hours', () => {
    const { password, expiresAt } = newOneTimePassword(now);
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{5}(-[A-HJ-NP-Za-km-z2-9]{5}){3}$/);
    expect(ONE_TIME_PASSWORD_TTL_HOURS).toBe(72);
    expect(expiresAt.toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });

  it('differ every time', () => {
    const passwords = new Set(Array.from({ length: 1000 }, () => newOneTimePassword(now).password));
    expect(passwords.size).toBe(1000);
  });
});
