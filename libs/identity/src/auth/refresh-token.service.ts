import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/core';
import { AuthConfig, authConfig } from '../auth.config';
import { unauthenticated } from './jwt-auth.guard';
import { decideRefresh, newRefreshToken, refreshTokenHash } from './refresh-token.rules';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export interface IssuedRefreshToken {
  token: string;
  userId: string;
  familyId: string;
  maxAgeMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rotating refresh tokens with reuse detection per family (one family per login). */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger(RefreshTokenService.name);

  constructor(
    private readonly tokens: RefreshTokensRepository,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  private get ttlMs() {
    return this.config.refreshTokenTtlDays * DAY_MS;
  }

  /** The first token of a new family (at login). */
  async startFamily(userId: string): Promise<IssuedRefreshToken> {
    const now = this.clock.now();
    await this.tokens.deleteExpiredOfUser(userId, new Date(now.getTime() - DAY_MS));
    return this.tokens.transaction((manager) => this.issue(manager, userId, randomUUID(), now));
  }

  /** Exchanges a token for the next one of its family; any irregularity is a 401. */
  async rotate(token: string): Promise<IssuedRefreshToken> {
    const now = this.clock.now();
    const outcome = await this.tokens.transaction(async (manager) => {
      const stored = await this.tokens.findByHashForUpdate(manager, refreshTokenHash(token));
      if (!stored) return { decision: 'unknown' as const };
      const decision = decideRefresh(stored, now);
      if (decision === 'reuse-detected') {
        await this.tokens.revokeFamily(stored.familyId, now, manager);
        return { decision, familyId: stored.familyId };
      }
      if (decision !== 'rotate') return { decision };
      await this.tokens.markUsed(manager, stored.id, now);
      return { decision, next: await this.issue(manager, stored.userId, stored.familyId, now) };
    });
    if (outcome.decision === 'reuse-detected') {
      this.logger.warn({ familyId: outcome.familyId }, 'refresh token used twice: family revoked');
    }
    if (outcome.decision !== 'rotate' || !('next' in outcome) || !outcome.next) throw unauthenticated();
    return outcome.next;
  }

  /** Ends the session the token belongs to (logout). Unknown tokens are ignored. */
  async revokeFamilyOf(token: string): Promise<void> {
    const stored = await this.tokens.findByHash(refreshTokenHash(token));
    if (stored) await this.tokens.revokeFamily(stored.familyId, this.clock.now());
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.revokeFamily(familyId, this.clock.now());
  }

  /** Ends every session of the user (password change, deactivation). */
  revokeAllOfUser(userId: string, manager?: Parameters<RefreshTokensRepository['revokeAllOfUser']>[2]) {
    return this.tokens.revokeAllOfUser(userId, this.clock.now(), manager);
  }

  private async issue(
    manager: Parameters<RefreshTokensRepository['insert']>[0],
    userId: string,
    familyId: string,
    now: Date,
  ): Promise<IssuedRefreshToken> {
    const token = newRefreshToken();
    await this.tokens.insert(manager, {
      userId,
      familyId,
      tokenHash: refreshTokenHash(token),
      expiresAt: new Date(now.getTime() + this.ttlMs),
      createdAt: now,
    });
    return { token, userId, familyId, maxAgeMs: this.ttlMs };
  }
}
