import { ErrorCode, problemType, STATUS_BY_CODE, TITLE_BY_CODE } from './error-codes';
import { FieldError } from './domain-error';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  traceId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  code: ErrorCode,
  detail?: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  return {
    type: problemType(code),
    title: TITLE_BY_CODE[code],
    status: STATUS_BY_CODE[code],
    ...(detail ? { detail } : {}),
    ...extensions,
  };
}
