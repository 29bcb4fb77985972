import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES = [
  'consulent',
  'sociaal-team-medewerker',
  'schuldhulpverlener',
  'financial-coach',
  'teamleider',
  'beleidsmedewerker',
  'privacy-officer',
  'functioneel-beheerder',
];
const PILLARS = ['WMO', 'JEUGD', 'PARTICIPATIE', 'SHV', 'ONDERWIJS'];
const textArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

export class Identity1763800200000 implements MigrationInterface {
  name = 'Identity1763800200000';

  async up(q: QueryRunner) {
    await q.query(`
      CREATE TABLE user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CONSTRAINT user_account_email_lower_case CHECK (email = lower(email) AND email LIKE '%_@_%'),
        display_name text NOT NULL CONSTRAINT user_account_display_name_not_blank CHECK (btrim(display_name) <> ''),
        password_hash text NOT NULL CONSTRAINT user_account_password_hash_argon2id CHECK (password_hash LIKE '$argon2id$%'),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        roles text[] NOT NULL CONSTRAINT user_account_roles_known
          CHECK (cardinality(roles) >= 1 AND roles <@ ${textArray(ROLES)}),
        pillars text[] NOT NULL DEFAULT '{}' CONSTRAINT user_account_pillars_known CHECK (pillars <@ ${textArray(PILLARS)}),
        mandate_cents bigint NOT NULL DEFAULT 0 CONSTRAINT user_account_mandate_non_negative CHECK (mandate_cents >= 0),
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0 CONSTRAINT user_account_failed_logins_non_negative CHECK (failed_logins >= 0),
        locked_until timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX user_account_email_key ON user_account (lower(email))`);
    await q.query(`CREATE INDEX user_account_organisation_idx ON user_account (organisation_id)`);

    await q.query(`
      CREATE TABLE user_municipality (
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        PRIMARY KEY (user_id, municipality_id)
      )`);
    await q.query(`CREATE INDEX user_municipality_municipality_idx ON user_municipality (municipality_id)`);

    await q.query(`
      CREATE TABLE user_team (
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES team (id),
        is_lead boolean NOT NULL DEFAULT false,
        PRIMARY KEY (user_id, team_id)
      )`);
    await q.query(`CREATE INDEX user_team_team_idx ON user_team (team_id)`);

    // Only the SHA-256 of an opaque refresh token is stored, never the token itself.
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL CONSTRAINT refresh_token_hash_sha256 CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refresh_token_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);
  }

  async down(q: QueryRunner) {
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE user_team`);
    await q.query(`DROP TABLE user_municipality`);
    await q.query(`DROP TABLE user_account`);
  }
}
