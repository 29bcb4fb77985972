import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { PoliciesGuard, REQUIRED_PERMISSION, RequiredPermission } from './policies.guard';

/**
 * Authentication, the required permission and the OpenAPI metadata in one decorator.
 * `@Authorized()` only requires a logged-in user; `@Authorized('read', 'Household')` also a permission.
 */
export function Authorized(
  ...permission: [] | [RequiredPermission['action'], RequiredPermission['subject']]
) {
  const decorators = [
    UseGuards(AuthGuard('jwt'), PoliciesGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Niet ingelogd of sessie verlopen' }),
    ApiForbiddenResponse({ description: 'Geen recht op deze handeling' }),
  ];
  if (permission.length === 2) {
    decorators.unshift(SetMetadata(REQUIRED_PERMISSION, { action: permission[0], subject: permission[1] }));
  }
  return applyDecorators(...decorators);
}
