import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time passwords and the vier-ogenprincipe in user administration (SECURITY.md): a password set by
 * the server for someone else expires and must be changed at first login, and a change that gives an
 * account case access (or the right to approve such changes) waits for a second functioneel beheerder.
 */
export class AccountFourEyes1763802300000 implements MigrationInterface {
  name = 'AccountFourEyes1763802300000';

  async up(q: QueryRunner) {
    // Set: the current password is a one-time password, valid until then and only to choose a new one.
    await q.query(`ALTER TABLE user_account ADD COLUMN one_time_password_expires_at timestamptz`);
    await q.query(`
      CREATE TABLE user_account_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('create', 'update', 'password-reset')),
        user_id uuid REFERENCES user_account (id) ON DELETE CASCADE,
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        changes jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(changes) = 'object'),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
        requested_by uuid NOT NULL REFERENCES user_account (id),
        requested_at timestamptz NOT NULL,
        decided_by uuid REFERENCES user_account (id),
        decided_at timestamptz,
        rejection_reason text CHECK (length(rejection_reason) BETWEEN 1 AND 1000),
        CHECK ((kind = 'create') = (user_id IS NULL) OR (kind = 'create' AND status = 'approved')),
        CHECK ((status = 'pending') = (decided_at IS NULL)),
        CHECK (status = 'pending' OR decided_by IS NOT NULL),
        CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)),
        -- Four eyes, also in the database: nobody approves or rejects their own request.
        CHECK (status NOT IN ('approved', 'rejected') OR decided_by <> requested_by),
        CHECK (status NOT IN ('approved', 'rejected') OR user_id IS NULL OR decided_by <> user_id),
        CHECK (status <> 'withdrawn' OR decided_by = requested_by)
      )`);
    await q.query(
      `CREATE INDEX user_account_change_pending ON user_account_change (requested_at) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner) {
    await q.query(`DROP TABLE user_account_change`);
    await q.query(`ALTER TABLE user_account DROP COLUMN one_time_password_expires_at`);
  }
}
