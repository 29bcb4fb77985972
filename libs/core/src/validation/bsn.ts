import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, registerDecorator } from 'class-validator';
import { FieldOptions } from './field-options';

/** The BSN "elfproef": 9 digits, weighted sum (9..2, and -1 for the last digit) divisible by 11. */
export function isValidBsn(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 8).reduce((acc, digit, i) => acc + digit * (9 - i), 0) - digits[8];
  return sum % 11 === 0 && value !== '000000000';
}

/**
 * A BSN field: accepts 8 or 9 digits (a leading zero is often dropped) and checks the elfproef.
 * Use `IsBsn({ optional: true })` rather than `@IsOptional() @IsBsn()`: the decorator also writes the
 * OpenAPI property, and only it knows whether that property is required.
 */
export function IsBsn({ optional = false, ...options }: FieldOptions = {}) {
  const ApiField = optional ? ApiPropertyOptional : ApiProperty;
  return applyDecorators(
    ApiField({
      type: String,
      example: '111222333',
      pattern: '^[0-9]{8,9}$',
      description: 'Burgerservicenummer: 9 cijfers (of 8 zonder voorloopnul) die de elfproef halen',
    }),
    ...(optional ? [IsOptional()] : []),
    Transform(({ value }) =>
      typeof value === 'string' && /^\d{8}$/.test(value.trim()) ? `0${value.trim()}` : value,
    ),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isBsn',
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message: 'BSN is ongeldig (9 cijfers en de elfproef)', ...options },
        validator: { validate: isValidBsn },
      }),
  );
}
