import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError, ErrorCode, FieldError } from '../errors';

const NUL = '\u0000';

/**
 * Refuses text with a NUL character anywhere in a body, query or path parameter, naming the field.
 * PostgreSQL cannot store NUL in text, so without this such input reached the database and failed
 * there as a 500; no legitimate form or file input contains one.
 */
@Injectable()
export class RefuseNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type === 'custom') return value;
    const errors = nulFields(value, metadata.data ?? '');
    if (errors.length === 0) return value;
    const fields = errors.map((e) => e.field).join(', ');
    throw new DomainError(ErrorCode.Validation, `Controleer de velden: ${fields}.`, { errors });
  }
}

function nulFields(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') {
    return value.includes(NUL)
      ? [{ field: path || 'body', message: `${path || 'De tekst'} bevat een ongeldig teken (NUL)` }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => nulFields(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(key.includes(NUL)
        ? [{ field: path || 'body', message: 'Een veldnaam bevat een ongeldig teken (NUL)' }]
        : []),
      ...nulFields(item, path ? `${path}.${key}` : key),
    ]);
  }
  return [];
}
