/**
 * Diagnostic only (node -r, never in production): gives every node-postgres pool of the process
 * $BENCH_POOL_MAX connections instead of the application's 20, to measure what the application would
 * do without the pool exhaustion described in BENCHMARKS.md (B1). Nothing else changes.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as typeof import('pg') & { Pool: typeof import('pg').Pool };

const max = Number(process.env.BENCH_POOL_MAX);
if (max > 0) {
  const Original = pg.Pool;
  class BenchPool extends Original {
    constructor(options?: import('pg').PoolConfig) {
      super({ ...options, max });
    }
  }
  (pg as { Pool: unknown }).Pool = BenchPool;
}
