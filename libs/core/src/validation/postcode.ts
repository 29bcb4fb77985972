import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Matches, ValidationOptions } from 'class-validator';

export const POSTCODE_PATTERN = /^[1-9][0-9]{3}[A-Z]{2}$/;

/** Dutch postcode; "6211 ab" is normalised to "6211AB" before the check. */
export function IsPostcode(options?: ValidationOptions) {
  return applyDecorators(
    ApiProperty({ example: '6211AB', description: 'Nederlandse postcode' }),
    Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value)),
    Matches(POSTCODE_PATTERN, { message: 'postcode moet de vorm 1234AB hebben', ...options }),
  );
}
