import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditService, declaredProcessingActivity, refusalEntry } from '@app/audit';
import { DomainError } from '@app/core';
import { AccessService } from './access.service';
import { AuthenticatedUser } from './access.types';
import { Action, SubjectName } from './subjects';

export const REQUIRED_PERMISSION = 'access:required-permission';
export interface RequiredPermission {
  action: Action;
  subject: SubjectName;
}

/**
 * Type-level check ("may this user do this to at least one such record?"). Record-level checks and
 * list filters happen in the services through AccessService.
 */
@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndOverride<RequiredPermission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (!user) throw DomainError.forbidden();
    const ability = await this.access.abilityFor(user);
    if (ability.can(required.action, required.subject)) return true;
    const activity = declaredProcessingActivity(this.reflector, context);
    if (activity) await this.audit.recordDenied(refusalEntry(context, activity));
    throw DomainError.forbidden();
  }
}
