import { createHash, randomBytes } from 'node:crypto';

export interface RefreshTokenState {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * What presenting a stored refresh token leads to:
 * - revoked: its family was ended (logout, reuse, password change, deactivation) → 401;
 * - reuse-detected: it was already exchanged once, so someone else may hold a copy → revoke the whole
 *   family, 401 (checked before expiry: replaying an old stolen token must still end the family);
 * - expired → 401;
 * - rotate: mark it used and issue the next token of the family.
 */
export type RefreshDecision = 'revoked' | 'reuse-detected' | 'expired' | 'rotate';

export function decideRefresh(token: RefreshTokenState, now: Date): RefreshDecision {
  if (token.revokedAt) return 'revoked';
  if (token.usedAt) return 'reuse-detected';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}

/** An opaque refresh token: 256 random bits, URL-safe. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this digest is stored. A fast hash suffices: the token has 256 bits of entropy. */
export function refreshTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
