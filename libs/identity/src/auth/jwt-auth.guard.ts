import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@app/core';

export const JWT_STRATEGY = 'jwt';

export function unauthenticated() {
  return new DomainError(ErrorCode.Unauthenticated, 'U bent niet ingelogd of uw sessie is verlopen.');
}

/** Requires a valid bearer access token of an active user (see JwtStrategy). */
@Injectable()
export class JwtAuthGuard extends AuthGuard(JWT_STRATEGY) {
  handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    // A bad token is a failure (user false), not an error: errors come from looking the user up, and a
    // database outage there must answer 503, never "not logged in" (the web app would log everyone out).
    if (error) throw error;
    if (!user) throw unauthenticated();
    return user;
  }
}

/** Any logged-in user, with a Dutch 401 (admin routes use `@Authorized(action, subject)` from @app/access). */
export function RequireAuthentication() {
  return applyDecorators(
    UseGuards(JwtAuthGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Niet ingelogd of sessie verlopen' }),
  );
}
