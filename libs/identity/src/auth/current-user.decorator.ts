import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedUser } from '@app/access';
import { unauthenticated } from './jwt-auth.guard';

/** The AuthenticatedUser of this request; use behind JwtAuthGuard (or `@Authorized`). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
  if (!user) throw unauthenticated();
  return user;
});
