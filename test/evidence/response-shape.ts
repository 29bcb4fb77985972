import { isDeepStrictEqual } from 'node:util';
import type { Shape } from './authorization-matrix';

/** What differs between an answer and the shape the matrix expects (empty: it matches exactly). */
export function shapeProblems(value: unknown, shape: Shape, path = 'body'): string[] {
  if (shape.items) {
    if (!Array.isArray(value)) return [`${path} is not a list`];
    return value.flatMap((item, i) => shapeProblems(item, shape.items!, `${path}[${i}]`));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return [`${path} is not an object`];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  const allowed = new Set([...shape.keys, ...(shape.optional ?? [])]);
  const extra = Object.keys(record).filter((k) => !allowed.has(k));
  const missing = shape.keys.filter((k) => !(k in record));
  if (extra.length) problems.push(`${path} has fields it may not show: ${extra.join(', ')}`);
  if (missing.length) problems.push(`${path} lacks ${missing.join(', ')}`);
  for (const [key, expected] of Object.entries(shape.values ?? {})) {
    if (!isDeepStrictEqual(record[key], expected))
      problems.push(`${path}.${key} is ${JSON.stringify(record[key])}, expected ${JSON.stringify(expected)}`);
  }
  for (const [key, nested] of Object.entries(shape.nested ?? {})) {
    if (record[key] === undefined || record[key] === null) continue;
    problems.push(...shapeProblems(record[key], nested, `${path}.${key}`));
  }
  return problems;
}

/** The members of a problem document; a refusal carries nothing else (no data of the record). */
export const PROBLEM_FIELDS = [
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'traceId',
  'errors',
  'constraint',
];
