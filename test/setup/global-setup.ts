import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureAppLogin, runMigrations, startEmbeddedDatabase } from '../../libs/core/src/database';
import { ensureWebBuild } from '../web/web-build';
import { TEMPLATE_DATABASE, withDatabase } from './test-database';

/**
 * One PostgreSQL for the whole run (embedded unless DATABASE_URL is set), migrated once into a
 * template database; each test file then clones its own database from it.
 */
export default async function globalSetup() {
  // The browser tests (test/web) drive the production build of apps/web; rebuilt only when stale.
  ensureWebBuild();
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'gezinsplan-test-pg-'));
    chmodSync(dir, 0o755); // the server may run as a dedicated user when we are root
    const embedded = await startEmbeddedDatabase(join(dir, 'data'), {
      persistent: false,
      database: 'postgres',
    });
    (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = embedded;
    adminUrl = embedded.url;
  }
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await runMigrations(withDatabase(adminUrl, TEMPLATE_DATABASE));
  try {
    // The app under test logs in as its own role, exactly as the embedded start does.
    process.env.TEST_APP_LOGIN_URL = await ensureAppLogin(withDatabase(adminUrl, TEMPLATE_DATABASE));
  } catch (error) {
    console.warn(
      `No separate application login (${(error as Error).message}); the app will switch roles instead.`,
    );
  }
}
