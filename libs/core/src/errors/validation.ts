import { ValidationError } from '@nestjs/common';
import { DomainError, FieldError } from './domain-error';
import { ErrorCode } from './error-codes';

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationExceptionFactory(errors: ValidationError[]) {
  const fieldErrors = flattenValidationErrors(errors);
  const fields = [...new Set(fieldErrors.map((e) => e.field))].join(', ');
  return new DomainError(ErrorCode.Validation, `Controleer de velden: ${fields}.`, { errors: fieldErrors });
}
