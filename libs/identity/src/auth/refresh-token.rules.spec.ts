import { decideRefresh, newRefreshToken, refreshTokenHash } from './refresh-token.rules';

describe('refresh token rotation rules', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const later = new Date('2026-03-09T10:00:00Z');
  const earlier = new Date('2026-03-01T10:00:00Z');

  it('rotates a fresh, unused token', () => {
    expect(decideRefresh({ expiresAt: later, usedAt: null, revokedAt: null }, now)).toBe('rotate');
  });

  it('treats a second use as reuse, even after it expired', () => {
    expect(decideRefresh({ expiresAt: later, usedAt: earlier, revokedAt: null }, now)).toBe('reuse-detected');
    expect(decideRefresh({ expiresAt: earlier, usedAt: earlier, revokedAt: null }, now)).toBe(
      'reuse-detected',
    );
  });

  it('refuses a revoked token, whatever else holds', () => {
    expect(decideRefresh({ expiresAt: later, usedAt: null, revokedAt: earlier }, now)).toBe('revoked');
    expect(decideRefresh({ expiresAt: later, usedAt: earlier, revokedAt: earlier }, now)).toBe('revoked');
  });

  it('refuses an expired token, also at the exact expiry instant', () => {
    expect(decideRefresh({ expiresAt: earlier, usedAt: null, revokedAt: null }, now)).toBe('expired');
    expect(decideRefresh({ expiresAt: now, usedAt: null, revokedAt: null }, now)).toBe('expired');
  });

  it('makes distinct opaque tokens and stores only a sha-256 digest', () => {
    const a = newRefreshToken();
    const b = newRefreshToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(refreshTokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(refreshTokenHash(a)).toBe(refreshTokenHash(a));
    expect(refreshTokenHash(a)).not.toContain(a);
  });
});
