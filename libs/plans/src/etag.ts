import {
  applyDecorators,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { ApiHeader, ApiPreconditionFailedResponse, ApiResponse } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { DomainError, ErrorCode } from '@app/core';

/** A read or write result with the plan revision it reflects; the interceptor turns it into an ETag. */
export class Versioned<T> {
  constructor(
    readonly revision: number,
    readonly body: T,
  ) {}
}

export const etagOf = (revision: number) => `"${revision}"`;

/** Sets `ETag` (the plan's revision) on every plan answer; plan content is never cached. */
@Injectable()
export class PlanEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof Versioned)) return result;
        res.setHeader('ETag', etagOf(result.revision));
        res.setHeader('Cache-Control', 'no-store');
        return result.body;
      }),
    );
  }
}

const IF_MATCH = 'If-Match';

/**
 * The plan revision the client last read, from `If-Match`. Required on every plan write: without it
 * a write could silently overwrite someone else's change (428); only one strong ETag is accepted.
 */
export function parseIfMatch(header: string | undefined): number {
  const value = header?.trim();
  if (!value || value === '*') {
    throw new DomainError(
      ErrorCode.PreconditionRequired,
      'Stuur de ETag van het gezinsplan mee in de If-Match header (haal het plan op voor de actuele ETag).',
      { errors: [{ field: IF_MATCH, message: 'If-Match met de ETag van het plan is verplicht' }] },
    );
  }
  const match = /^"(\d{1,9})"$/.exec(value);
  if (!match) {
    throw new DomainError(
      ErrorCode.Validation,
      'If-Match moet precies één ETag van het plan bevatten, zoals "3".',
      {
        errors: [{ field: IF_MATCH, message: 'ongeldige ETag' }],
      },
    );
  }
  return Number(match[1]);
}

export const IfMatchRevision = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  parseIfMatch(context.switchToHttp().getRequest<Request>().headers['if-match']),
);

/** OpenAPI for a plan write: If-Match is required; 412 on a stale and 428 on a missing ETag. */
export function PlanWrite() {
  return applyDecorators(
    ApiHeader({
      name: IF_MATCH,
      required: true,
      description: 'ETag van de laatst gelezen planstand, bv. "3"',
    }),
    ApiPreconditionFailedResponse({ description: 'Het plan is intussen gewijzigd: opnieuw ophalen' }),
    ApiResponse({ status: 428, description: 'If-Match ontbreekt' }),
  );
}

export function stalePlan() {
  return new DomainError(
    ErrorCode.PreconditionFailed,
    'Het gezinsplan is intussen door iemand anders gewijzigd. Haal het plan opnieuw op en breng uw wijziging opnieuw aan.',
  );
}
