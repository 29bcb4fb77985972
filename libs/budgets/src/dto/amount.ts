import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  Max,
  Min,
  registerDecorator,
  ValidateIf,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import { formatEuros, MAX_REQUEST_CENTS, parseEuros } from '../money';

interface AmountBounds {
  minCents: number;
  maxCents: number;
}

/**
 * A euro amount as a decimal string with exactly two decimals ("450.00"). Numbers are refused: a JSON
 * number is a binary float, and 10.1 is not exactly ten euro and ten cents.
 */
export function IsEuroAmount(bounds: AmountBounds, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isEuroAmount',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => {
          const cents = parseEuros(value);
          return cents !== null && cents >= bounds.minCents && cents <= bounds.maxCents;
        },
        defaultMessage: (args: ValidationArguments) => euroMessage(args.property, args.value, bounds),
      },
    });
}

function euroMessage(field: string, value: unknown, { minCents, maxCents }: AmountBounds) {
  if (value === undefined || value === null) {
    return `${field} is verplicht: een bedrag in euro met precies twee decimalen, bijvoorbeeld "450.00" (of amountCents)`;
  }
  const cents = parseEuros(value);
  if (typeof value === 'string' && value.trim().startsWith('-')) return `${field} mag niet negatief zijn`;
  if (cents === null) {
    return `${field} moet een bedrag in euro zijn als tekst met een punt en precies twee decimalen, bijvoorbeeld "450.00"`;
  }
  if (cents < minCents) return `${field} moet minstens ${formatEuros(minCents)} zijn`;
  return `${field} mag hoogstens ${formatEuros(maxCents)} zijn`;
}

/** Both fields of one amount given at once. */
function NotTogetherWith(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'notTogetherWith',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [other],
      options: { message: `geef ${String(propertyName)} of ${other}, niet allebei`, ...options },
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          (args.object as Record<string, unknown>)[other] === undefined,
      },
    });
}

/**
 * An amount given either as `amount` (euro string, "450.00") or as `amountCents` (integer cents).
 * Without either, `amount` is reported missing.
 */
export function AmountFields(bounds: AmountBounds) {
  return {
    amount: applyDecorators(
      ApiPropertyOptional({
        example: '450.00',
        description: 'Bedrag in euro: tekst met een punt en precies twee decimalen. Of gebruik amountCents.',
      }),
      ValidateIf(
        (o: { amount?: unknown; amountCents?: unknown }) =>
          o.amountCents === undefined || o.amount !== undefined,
      ),
      IsEuroAmount(bounds),
    ),
    amountCents: applyDecorators(
      ApiPropertyOptional({
        example: 45000,
        description: 'Bedrag in eurocent (geheel getal). Of gebruik amount.',
      }),
      ValidateIf((o: { amountCents?: unknown }) => o.amountCents !== undefined),
      IsInt({ message: 'amountCents moet een geheel aantal eurocent zijn' }),
      Min(bounds.minCents, { message: `amountCents moet minstens ${bounds.minCents} zijn` }),
      Max(bounds.maxCents, { message: `amountCents mag hoogstens ${bounds.maxCents} zijn` }),
      NotTogetherWith('amount'),
    ),
  };
}

export const REQUEST_AMOUNT = AmountFields({ minCents: 1, maxCents: MAX_REQUEST_CENTS });

export interface GivenAmount {
  amount?: string;
  amountCents?: number;
}

/** The validated amount in cents, and the field the caller used (to name it in a refusal). */
export function centsOf(dto: GivenAmount): { cents: number; field: 'amount' | 'amountCents' } {
  if (dto.amountCents !== undefined) return { cents: dto.amountCents, field: 'amountCents' };
  const cents = parseEuros(dto.amount);
  if (cents === null) throw new Error('amount was not validated');
  return { cents, field: 'amount' };
}
