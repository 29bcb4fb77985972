import { Client } from 'pg';

export default async function globalTeardown() {
  const embedded = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as
    { stop(): Promise<void> } | undefined;
  if (embedded) return embedded.stop();
  // On a shared server, leave nothing behind but the template (dropped at the next run).
  const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'gezinsplan_test_%' AND datname <> 'gezinsplan_test_template'`,
  );
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
