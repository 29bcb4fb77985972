import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiPreconditionFailedResponse, ApiResponse } from '@nestjs/swagger';
import { Request } from 'express';
import { DomainError, ErrorCode } from '@app/core';

const IF_MATCH = 'If-Match';

export const etagOf = (version: number) => `"${version}"`;

/** The review version the client last read, from `If-Match` (required on every change: 428 without). */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const value = context.switchToHttp().getRequest<Request>().headers['if-match']?.trim();
  if (!value || value === '*') {
    throw new DomainError(
      ErrorCode.PreconditionRequired,
      'Stuur de ETag van de casusbespreking mee in de If-Match header.',
      { errors: [{ field: IF_MATCH, message: 'If-Match met de ETag van de bespreking is verplicht' }] },
    );
  }
  const match = /^"(\d{1,9})"$/.exec(value);
  if (!match) {
    throw new DomainError(ErrorCode.Validation, 'If-Match moet precies één ETag bevatten, zoals "3".', {
      errors: [{ field: IF_MATCH, message: 'ongeldige ETag' }],
    });
  }
  return Number(match[1]);
});

export function ReviewWrite() {
  return applyDecorators(
    ApiHeader({
      name: IF_MATCH,
      required: true,
      description: 'ETag van de laatst gelezen bespreking, bv. "2"',
    }),
    ApiPreconditionFailedResponse({ description: 'De bespreking is intussen gewijzigd: opnieuw ophalen' }),
    ApiResponse({ status: 428, description: 'If-Match ontbreekt' }),
  );
}

export const staleReview = () =>
  new DomainError(
    ErrorCode.PreconditionFailed,
    'De casusbespreking is intussen door iemand anders gewijzigd. Haal haar opnieuw op en breng uw wijziging opnieuw aan.',
  );
