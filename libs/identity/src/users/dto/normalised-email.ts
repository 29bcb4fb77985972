import { TransformFnParams } from 'class-transformer';

/** E-mail addresses are stored and compared lower-case. */
export const normalisedEmail = ({ value }: TransformFnParams): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
