import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

export const PROCESSING_ACTIVITY = 'audit:processing-activity';
export const NO_PERSONAL_DATA = 'audit:no-personal-data';

/** Declares which activity of the register a route (or every route of a controller) performs. */
export const ProcessingActivity = (id: string) => SetMetadata(PROCESSING_ACTIVITY, id);

/** Declares that a route processes no personal data, so it needs no processing activity. */
export const NoPersonalData = () => SetMetadata(NO_PERSONAL_DATA, true);

/**
 * The activity declared on the handler (or else its controller). Guards run before interceptors, so a
 * guard that records a denial resolves the activity itself with this.
 */
export function declaredProcessingActivity(
  reflector: Reflector,
  context: ExecutionContext,
): string | undefined {
  return reflector.getAllAndOverride<string | undefined>(PROCESSING_ACTIVITY, [
    context.getHandler(),
    context.getClass(),
  ]);
}
