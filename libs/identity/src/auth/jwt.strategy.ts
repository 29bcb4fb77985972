import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthenticatedUser } from '@app/access';
import { RequestContext } from '@app/core';
import { AuthConfig, authConfig } from '../auth.config';
import { JWT_STRATEGY, unauthenticated } from './jwt-auth.guard';
import { USER_DIRECTORY, UserDirectory } from './user-directory';

export const ACCESS_TOKEN_ISSUER = 'gezinsplan';
export const ACCESS_TOKEN_AUDIENCE = 'gezinsplan-api';

export interface AccessTokenClaims {
  sub: string;
}

/**
 * Bearer access tokens. The token only says who; what the user may do is read fresh on every request,
 * so a deactivated user or a changed role takes effect at the next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(
    @Inject(authConfig.KEY) config: AuthConfig,
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    private readonly context: RequestContext,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given a string, jsonwebtoken first tries createPublicKey on every request, which
      // throws before it falls back to a secret key (2% of the app's CPU under B1).
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: Partial<AccessTokenClaims>): Promise<AuthenticatedUser> {
    if (typeof claims.sub !== 'string') throw unauthenticated();
    const user = await this.directory.findActiveUser(claims.sub);
    if (!user) throw unauthenticated();
    this.context.setPrincipal({ id: user.id, roles: user.roles, organisationId: user.organisationId });
    return user;
  }
}
