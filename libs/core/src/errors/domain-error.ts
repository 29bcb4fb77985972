import { ErrorCode } from './error-codes';

export interface FieldError {
  field: string;
  message: string;
}

/** A refusal the caller can act on. Mapped to problem details in one place (ProblemDetailsFilter). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extensions: Record<string, unknown> & { errors?: FieldError[] } = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }

  static notFound(what = 'Het gevraagde item') {
    return new DomainError(ErrorCode.NotFound, `${what} bestaat niet of u heeft er geen toegang toe.`);
  }

  static invalidField(field: string, message: string) {
    return new DomainError(ErrorCode.Validation, message, { errors: [{ field, message }] });
  }

  static conflict(detail: string, extensions: Record<string, unknown> = {}) {
    return new DomainError(ErrorCode.Conflict, detail, extensions);
  }

  static rule(detail: string, field?: string) {
    return new DomainError(
      ErrorCode.BusinessRule,
      detail,
      field ? { errors: [{ field, message: detail }] } : {},
    );
  }

  static forbidden(detail = 'U heeft geen recht op deze handeling.') {
    return new DomainError(ErrorCode.Forbidden, detail);
  }
}
