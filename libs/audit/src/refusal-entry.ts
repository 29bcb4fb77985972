import { ExecutionContext } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/core';
import { ProcessingAction, ProcessingEntry } from './audit.types';

const ACTION_BY_METHOD: Record<string, ProcessingAction> = {
  GET: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A refusal worth logging: the caller was identified but may not see or do this. */
export function isRefusal(error: unknown): boolean {
  return (
    error instanceof DomainError && (error.code === ErrorCode.NotFound || error.code === ErrorCode.Forbidden)
  );
}

/** What a refused request tried to reach, from the route itself (no body is ever read). */
export function refusalEntry(context: ExecutionContext, activityId: string): ProcessingEntry {
  const req = context
    .switchToHttp()
    .getRequest<{ method: string; route?: { path?: string }; params?: Record<string, string> }>();
  const params = req.params ?? {};
  const householdId = [
    params.householdId,
    req.route?.path?.startsWith('/api/v1/households/:id') ? params.id : undefined,
  ].find((id) => id && UUID.test(id));
  const resourceId = Object.values(params).find((value) => UUID.test(value));
  return {
    activityId,
    action: ACTION_BY_METHOD[req.method] ?? 'read',
    resourceType: req.route?.path ?? 'unknown',
    resourceId,
    householdId,
    dataSubjects: householdId ? [{ type: 'household', id: householdId }] : [],
  };
}
