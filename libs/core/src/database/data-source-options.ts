import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { watchConnection } from './pool-errors';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Where migrations live, both when run from sources (ts-node, jest) and from dist/. */
export const MIGRATION_GLOBS = [join(ROOT, 'migrations', '*.{ts,js}')].map((p) => p.replace(/\\/g, '/'));
export const ENTITY_GLOBS = [join(ROOT, 'libs', '*', 'src', '**', '*.entity.{ts,js}')];

/**
 * The owner connection: runs migrations, owns the tables. Entities are loaded only for
 * `migration:generate` (the CLI resolves path aliases; running migrations does not need them).
 */
export function ownerDataSourceOptions(url: string, withEntities = false): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: withEntities ? ENTITY_GLOBS : [],
    migrations: MIGRATION_GLOBS.filter((g) => !g.endsWith('.d.ts')),
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { application_name: 'gezinsplan-migrations', max: 2 },
  };
}

/**
 * The application connection: works as the restricted role (no UPDATE/DELETE on the log). A request
 * waits at most `acquireTimeoutMs` for a pooled connection, so an exhausted pool answers 503 instead
 * of hanging.
 */
export function appConnectionExtra(
  appRole: string,
  ownLogin: boolean,
  { poolSize = 20, acquireTimeoutMs = 10_000 }: { poolSize?: number; acquireTimeoutMs?: number } = {},
) {
  return {
    application_name: 'gezinsplan-api',
    options: `${ownLogin ? '' : `-c role=${appRole} `}-c statement_timeout=30000`,
    max: poolSize,
    connectionTimeoutMillis: acquireTimeoutMs,
    onConnect: watchConnection,
  };
}
