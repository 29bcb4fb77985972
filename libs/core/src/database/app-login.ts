import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const APP_LOGIN = 'gezinsplan_api';

/**
 * Creates (or re-keys) a login role that is only a member of the application role, and returns a
 * URL for it on the same server and database. Used for the embedded database and the tests, where
 * we own the server; elsewhere DATABASE_APP_URL is provisioned by the operator.
 */
export async function ensureAppLogin(ownerUrl: string, appRole = 'gezinsplan_app'): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_LOGIN}') THEN
        CREATE ROLE ${APP_LOGIN} LOGIN NOINHERIT;
      END IF;
    END $$`);
    // INHERIT the application role's rights, nothing else; a fresh password at every start.
    await client.query(
      `ALTER ROLE ${APP_LOGIN} WITH LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`,
    );
    await client.query(`GRANT ${appRole} TO ${APP_LOGIN}`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_LOGIN;
  url.password = password;
  return url.toString();
}
