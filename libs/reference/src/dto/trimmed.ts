import { TransformFnParams } from 'class-transformer';

/** Trims strings (so "  " counts as empty); leaves anything else for the validators to refuse. */
export const trimmed = ({ value }: TransformFnParams): unknown =>
  typeof value === 'string' ? value.trim() : value;
