import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** Validates one configuration namespace; the error names every invalid setting. */
export function validateConfig<T extends object>(
  namespace: string,
  schema: ClassConstructor<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const values = plainToInstance(schema, { ...env }, { enableImplicitConversion: true });
  const errors = validateSync(values, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = errors
      .map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`)
      .join('; ');
    throw new Error(`Invalid ${namespace} configuration: ${problems}`);
  }
  return values;
}
