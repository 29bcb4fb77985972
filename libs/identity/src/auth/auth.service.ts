import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthenticatedUser } from '@app/access';
import { Clock, DomainError, ErrorCode } from '@app/core';
import { AuthConfig, authConfig } from '../auth.config';
import { UserAccountsRepository } from '../users/user-accounts.repository';
import { unauthenticated } from './jwt-auth.guard';
import { AccessTokenClaims } from './jwt.strategy';
import { PasswordHasher } from './password-hasher';
import { IssuedRefreshToken, RefreshTokenService } from './refresh-token.service';
import { USER_DIRECTORY, UserDirectory } from './user-directory';

export interface Session {
  accessToken: string;
  expiresIn: number;
  user: AuthenticatedUser;
  refresh: IssuedRefreshToken;
}

const MINUTE_MS = 60_000;

/** Login, token refresh, logout and password change for local accounts. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly accounts: UserAccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokenService,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  /**
   * Same answer for an unknown e-mail, a wrong password and a deactivated account. A one-time password
   * (set by the server for someone else) gives no session: only `setFirstPassword` accepts it.
   */
  async login(email: string, password: string): Promise<Session> {
    const credentials = await this.verifiedCredentials(email, password);
    if (credentials.oneTimePasswordExpiresAt) {
      assertNotExpired(credentials.oneTimePasswordExpiresAt, this.clock.now());
      throw new DomainError(
        ErrorCode.PasswordChangeRequired,
        'Wijzig eerst uw eenmalige wachtwoord: kies een eigen wachtwoord om in te loggen.',
        { passwordChangeRequired: true },
      );
    }
    return this.startSession(credentials.id);
  }

  /** Replaces a one-time password by the user's own and logs them in (the only use of a one-time password). */
  async setFirstPassword(email: string, oneTimePassword: string, newPassword: string): Promise<Session> {
    const credentials = await this.verifiedCredentials(email, oneTimePassword);
    if (!credentials.oneTimePasswordExpiresAt) {
      throw DomainError.rule(
        'Dit account heeft geen eenmalig wachtwoord; wijzig uw wachtwoord na het inloggen.',
        'oneTimePassword',
      );
    }
    const now = this.clock.now();
    assertNotExpired(credentials.oneTimePasswordExpiresAt, now);
    if (newPassword === oneTimePassword) {
      throw DomainError.invalidField('newPassword', 'Kies een eigen wachtwoord, niet het eenmalige.');
    }
    await this.accounts.setPassword(credentials.id, await this.hasher.hash(newPassword), now);
    await this.refreshTokens.revokeAllOfUser(credentials.id);
    this.logger.log({ userId: credentials.id }, 'one-time password replaced');
    return this.startSession(credentials.id);
  }

  private async startSession(userId: string): Promise<Session> {
    await this.accounts.recordSuccessfulLogin(userId);
    const user = await this.directory.findActiveUser(userId);
    if (!user) throw invalidCredentials();
    return this.session(user, await this.refreshTokens.startFamily(user.id));
  }

  /** The account behind a right e-mail and password; counts failures towards the lock. */
  private async verifiedCredentials(email: string, password: string) {
    const credentials = await this.accounts.findCredentialsByEmail(email);
    if (!credentials) {
      await this.hasher.verifyAgainstDummy(password);
      throw invalidCredentials();
    }
    const now = this.clock.now();
    if (credentials.lockedUntil && credentials.lockedUntil > now)
      throw accountLocked(credentials.lockedUntil);
    const valid = await this.hasher.verify(credentials.passwordHash, password);
    if (!credentials.active) throw invalidCredentials();
    if (!valid) {
      const lockedUntil = await this.accounts.recordFailedLogin(
        credentials.id,
        this.config.loginMaxFailures,
        new Date(now.getTime() + this.config.loginLockMinutes * MINUTE_MS),
      );
      if (!lockedUntil) throw invalidCredentials();
      this.logger.warn({ userId: credentials.id }, 'account locked after repeated failed logins');
      throw accountLocked(lockedUntil);
    }
    return credentials;
  }

  async refresh(refreshToken: string | undefined): Promise<Session> {
    if (!refreshToken) throw unauthenticated();
    const next = await this.refreshTokens.rotate(refreshToken);
    const user = await this.directory.findActiveUser(next.userId);
    if (!user) {
      await this.refreshTokens.revokeFamily(next.familyId);
      throw unauthenticated();
    }
    return this.session(user, next);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (refreshToken) await this.refreshTokens.revokeFamilyOf(refreshToken);
  }

  /** Changing the password ends every session of the user (all refresh tokens). */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    if (newPassword === currentPassword) {
      throw DomainError.invalidField(
        'newPassword',
        'Het nieuwe wachtwoord moet verschillen van het huidige.',
      );
    }
    const hash = await this.accounts.findPasswordHash(userId);
    if (!hash || !(await this.hasher.verify(hash, currentPassword))) {
      throw DomainError.invalidField('currentPassword', 'Het huidige wachtwoord klopt niet.');
    }
    const now = this.clock.now();
    await this.accounts.setPassword(userId, await this.hasher.hash(newPassword), now);
    await this.refreshTokens.revokeAllOfUser(userId);
    this.logger.log({ userId }, 'password changed; sessions ended');
  }

  private async session(user: AuthenticatedUser, refresh: IssuedRefreshToken): Promise<Session> {
    const claims: AccessTokenClaims = { sub: user.id };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, expiresIn: this.config.accessTokenTtlSeconds, user, refresh };
  }
}

function invalidCredentials() {
  return new DomainError(ErrorCode.Unauthenticated, 'Het e-mailadres of wachtwoord is onjuist.');
}

function assertNotExpired(expiresAt: Date, now: Date) {
  if (new Date(expiresAt) > now) return;
  throw new DomainError(
    ErrorCode.Unauthenticated,
    'Uw eenmalige wachtwoord is verlopen. Vraag de functioneel beheerder om een nieuw wachtwoord.',
    { oneTimePasswordExpired: true },
  );
}

function accountLocked(lockedUntil: Date) {
  return new DomainError(
    ErrorCode.AccountLocked,
    'Uw account is tijdelijk geblokkeerd na te veel mislukte inlogpogingen. Probeer het later opnieuw.',
    { lockedUntil: lockedUntil.toISOString() },
  );
}
