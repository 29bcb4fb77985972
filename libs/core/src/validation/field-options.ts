import { ValidationOptions } from 'class-validator';

/** Options of a field decorator that also declares the OpenAPI property. */
export interface FieldOptions extends ValidationOptions {
  /** The field may be left out (adds `@IsOptional()` and documents it as not required). */
  optional?: boolean;
}
