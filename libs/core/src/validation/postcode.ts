import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { FieldOptions } from './field-options';

export const POSTCODE_PATTERN = /^[1-9][0-9]{3}[A-Z]{2}$/;

/**
 * Dutch postcode; "6211 ab" is normalised to "6211AB" before the check. Use
 * `IsPostcode({ optional: true })` rather than `@IsOptional() @IsPostcode()` (see IsBsn).
 */
export function IsPostcode({ optional = false, ...options }: FieldOptions = {}) {
  const ApiField = optional ? ApiPropertyOptional : ApiProperty;
  return applyDecorators(
    ApiField({
      type: String,
      example: '6211AB',
      pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$',
      description: 'Nederlandse postcode (1234AB; een spatie en kleine letters worden genormaliseerd)',
    }),
    ...(optional ? [IsOptional()] : []),
    Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value)),
    Matches(POSTCODE_PATTERN, { message: 'postcode moet de vorm 1234AB hebben', ...options }),
  );
}
