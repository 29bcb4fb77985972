import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';

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

/** The application connection: works as the restricted role (no UPDATE/DELETE on the log). */
export function appConnectionExtra(appRole: string, ownLogin: boolean, poolSize = 20) {
  return {
    application_name: 'gezinsplan-api',
    options: `${ownLogin ? '' : `-c role=${appRole} `}-c statement_timeout=30000`,
    max: poolSize,
  };
}
