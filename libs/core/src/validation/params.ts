import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors';

/** A path id, refused as a field error naming the parameter. */
export const uuidParam = (name = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () => DomainError.invalidField(name, `${name} is geen geldige id.`),
  });
