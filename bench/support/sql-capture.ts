/**
 * Preloaded into the application process for a capture run only (node -r): records every statement
 * node-postgres sends (text, parameters, duration, row count) as JSON lines in $BENCH_SQL_CAPTURE, so
 * the floor can run exactly the SQL the application runs. Synthetic data only: parameters are written.
 */
import { appendFileSync } from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as typeof import('pg');

const out = process.env.BENCH_SQL_CAPTURE;

if (out) {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [config, values] = args as [unknown, unknown];
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
    const params =
      typeof config === 'string' ? values : ((config as { values?: unknown } | null)?.values ?? values);
    const result = original.apply(this, args);
    if (typeof text === 'string' && result && typeof (result as Promise<unknown>).then === 'function') {
      const started = process.hrtime.bigint();
      const write = (rows: number | null, error?: string) =>
        appendFileSync(
          out,
          JSON.stringify({
            at: Date.now(),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            text,
            params: Array.isArray(params) ? params : [],
            rows,
            error,
          }) + '\n',
        );
      (result as Promise<{ rowCount?: number | null }>).then(
        (r) => write(r?.rowCount ?? null),
        (e: Error) => write(null, e.message),
      );
    }
    return result;
  };
}
