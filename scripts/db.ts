/**
 * Runs a TypeORM CLI command against DATABASE_URL, or against the embedded PostgreSQL when unset.
 *   npm run migration:generate -- migrations/add-something
 *   npm run migration:run
 *   npm run migration:revert
 */
import { spawnSync } from 'node:child_process';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../libs/core/src/database/embedded-database';

async function main() {
  const args = process.argv.slice(2);
  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase();
    process.env.DATABASE_URL = embedded.url;
  }
  const result = spawnSync(
    'npx',
    ['typeorm-ts-node-commonjs', '-d', 'libs/core/src/database/cli-data-source.ts', ...args],
    // The CLI loads the entities, which import each other through the `@app/*` paths of tsconfig.json.
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require tsconfig-paths/register`,
        // As the app's own scripts run: type checking is `npm run typecheck`'s job, not the CLI's.
        TS_NODE_TRANSPILE_ONLY: 'true',
      },
    },
  );
  await embedded?.stop();
  process.exit(result.status ?? 1);
}

void main();
