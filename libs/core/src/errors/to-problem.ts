import { HttpException, HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';
import { problem, ProblemDetails } from './problem-details';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.Validation,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.Unauthenticated,
  [HttpStatus.FORBIDDEN]: ErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: ErrorCode.NotFound,
  [HttpStatus.METHOD_NOT_ALLOWED]: ErrorCode.NotFound,
  [HttpStatus.CONFLICT]: ErrorCode.Conflict,
  [HttpStatus.PRECONDITION_FAILED]: ErrorCode.PreconditionFailed,
  [HttpStatus.PRECONDITION_REQUIRED]: ErrorCode.PreconditionRequired,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PayloadTooLarge,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.UnsupportedMediaType,
  [HttpStatus.UNPROCESSABLE_ENTITY]: ErrorCode.BusinessRule,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.TooManyRequests,
  [HttpStatus.LOCKED]: ErrorCode.AccountLocked,
  [HttpStatus.SERVICE_UNAVAILABLE]: ErrorCode.ServiceUnavailable,
};

// PostgreSQL SQLSTATEs that mean "the request conflicts with data or rules", not "the server broke".
const CODE_BY_SQLSTATE: Record<string, ErrorCode> = {
  '23505': ErrorCode.Conflict,
  '23P01': ErrorCode.Conflict,
  '40001': ErrorCode.Conflict,
  '40P01': ErrorCode.Conflict,
  '23503': ErrorCode.BusinessRule,
  '23514': ErrorCode.BusinessRule,
  '23502': ErrorCode.Validation,
  '22P02': ErrorCode.Validation,
  '22007': ErrorCode.Validation,
  '22008': ErrorCode.Validation,
  '22003': ErrorCode.Validation,
  '22001': ErrorCode.Validation,
  '22021': ErrorCode.Validation, // e.g. a NUL character, which text columns cannot hold
};

const BODY_PARSER_CODES: Record<string, ErrorCode> = {
  'entity.parse.failed': ErrorCode.MalformedJson,
  'entity.too.large': ErrorCode.PayloadTooLarge,
  'charset.unsupported': ErrorCode.UnsupportedMediaType,
  'encoding.unsupported': ErrorCode.UnsupportedMediaType,
  'request.aborted': ErrorCode.Validation,
  'request.size.invalid': ErrorCode.Validation,
};

export interface MappedError {
  problem: ProblemDetails;
  /** Unexpected errors are logged with their stack; expected refusals are not. */
  unexpected: boolean;
  /** Sent as `Retry-After` (a temporary outage: the same request may succeed later). */
  retryAfterSeconds?: number;
}

const UNAVAILABLE_DETAIL = 'De database is even niet bereikbaar. Probeer het over enkele seconden opnieuw.';

function unavailable(detail = UNAVAILABLE_DETAIL, extensions: Record<string, unknown> = {}): MappedError {
  return {
    problem: problem(ErrorCode.ServiceUnavailable, detail, extensions),
    unexpected: false,
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
  };
}

/** A failed terminus health check: which checks are down (their names only, never the driver's message). */
function healthChecks(error: HttpException): Record<string, unknown> {
  const failed = (error.getResponse() as { error?: unknown }).error;
  if (!failed || typeof failed !== 'object') return {};
  return { checks: Object.fromEntries(Object.keys(failed).map((name) => [name, 'down'])) };
}

/** Turns any thrown value into a problem-details document without leaking internals. */
export function toProblem(error: unknown): MappedError {
  if (error instanceof DomainError) {
    return { problem: problem(error.code, error.detail, error.extensions), unexpected: false };
  }
  const bodyParserType = (error as { type?: unknown })?.type;
  if (typeof bodyParserType === 'string' && BODY_PARSER_CODES[bodyParserType]) {
    return { problem: problem(BODY_PARSER_CODES[bodyParserType]), unexpected: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status];
    if (code === ErrorCode.ServiceUnavailable) return unavailable(httpDetail(error), healthChecks(error));
    if (code) return { problem: problem(code, httpDetail(error)), unexpected: false };
    if (status < 500) return { problem: { ...problem(ErrorCode.Validation), status }, unexpected: false };
  }
  if (isDatabaseUnavailable(error)) return unavailable();
  if (error instanceof QueryFailedError) {
    const sqlState = (error.driverError as { code?: string })?.code ?? '';
    const code = CODE_BY_SQLSTATE[sqlState];
    if (code) {
      const constraint = (error.driverError as { constraint?: string })?.constraint;
      return {
        problem: problem(code, undefined, constraint ? { constraint } : {}),
        unexpected: false,
      };
    }
  }
  return { problem: problem(ErrorCode.Internal), unexpected: true };
}

function httpDetail(error: HttpException): string | undefined {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}
