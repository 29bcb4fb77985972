import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application connects as gezinsplan_app, which never owns tables. It may read and write case
 * tables; the processing-log tables later grant it only SELECT and INSERT.
 */
export class DatabaseRoles1763800000000 implements MigrationInterface {
  name = 'DatabaseRoles1763800000000';

  async up(q: QueryRunner) {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gezinsplan_app') THEN
        CREATE ROLE gezinsplan_app NOLOGIN;
      END IF;
    END $$`);
    await q.query(`GRANT gezinsplan_app TO CURRENT_USER`);
    await q.query(`GRANT USAGE ON SCHEMA public TO gezinsplan_app`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO gezinsplan_app`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO gezinsplan_app`,
    );
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
  }

  async down(q: QueryRunner) {
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM gezinsplan_app`,
    );
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM gezinsplan_app`,
    );
    await q.query(`REVOKE USAGE ON SCHEMA public FROM gezinsplan_app`);
  }
}
