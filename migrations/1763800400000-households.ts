import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Households, persons and membership over time; the case team (need-to-know); consents,
 * representatives, referrals and break-the-glass grants. Every case record carries its
 * municipality so that access rules can filter on it directly (DESIGN.md rule 1).
 */
export class Households1763800400000 implements MigrationInterface {
  name = 'Households1763800400000';

  async up(q: QueryRunner) {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bsn char(9) NOT NULL CONSTRAINT person_bsn_unique UNIQUE CHECK (bsn ~ '^[0-9]{9}$'),
        given_names text NOT NULL CHECK (length(trim(given_names)) > 0),
        family_name_prefix text,
        family_name text NOT NULL CHECK (length(trim(family_name)) > 0),
        birth_date date NOT NULL,
        anonymised_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX person_family_name_trgm ON person USING gin (lower(family_name) gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX person_birth_date ON person (birth_date)`);
    await q.query(`
      CREATE TABLE household (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        neighbourhood_id uuid REFERENCES neighbourhood(id),
        street text NOT NULL,
        house_number text NOT NULL,
        postcode char(6) NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
        city text NOT NULL,
        cohort_50 boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
        closed_on date,
        close_reason text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT household_closed_has_date CHECK ((status = 'closed') = (closed_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX household_municipality ON household (municipality_id)`);
    await q.query(`CREATE INDEX household_postcode ON household (postcode, house_number)`);
    await q.query(`
      CREATE TABLE household_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        person_id uuid NOT NULL REFERENCES person(id),
        relation text NOT NULL CHECK (relation IN ('parent', 'partner', 'child', 'other')),
        joined_on date NOT NULL,
        left_on date,
        CONSTRAINT member_leaves_after_joining CHECK (left_on IS NULL OR left_on >= joined_on),
        -- A person lives in one household at a time; history is kept as closed periods.
        CONSTRAINT member_one_household_at_a_time EXCLUDE USING gist (
          person_id WITH =, daterange(joined_on, left_on, '[)') WITH &&)
      )`);
    await q.query(`CREATE INDEX household_member_household ON household_member (household_id)`);
    await q.query(`
      CREATE TABLE case_team_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        user_id uuid NOT NULL REFERENCES user_account(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        case_role text NOT NULL CHECK (case_role IN ('regisseur', 'pillar_contact', 'contributor')),
        pillar text CHECK (pillar IN ('WMO', 'JEUGD', 'PARTICIPATIE', 'SHV', 'ONDERWIJS')),
        legal_basis text NOT NULL,
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz,
        added_by uuid REFERENCES user_account(id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX case_team_one_active_membership ON case_team_member (household_id, user_id) WHERE left_at IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX case_team_one_regisseur ON case_team_member (household_id) WHERE case_role = 'regisseur' AND left_at IS NULL`,
    );
    await q.query(`CREATE INDEX case_team_member_user ON case_team_member (user_id) WHERE left_at IS NULL`);
    // At least one regisseur per active household, checked at commit so a handover can be one transaction.
    await q.query(`
      CREATE FUNCTION check_household_has_regisseur() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE hid uuid;
      BEGIN
        IF TG_TABLE_NAME = 'household' THEN
          hid := NEW.id;
        ELSE
          hid := OLD.household_id;
        END IF;
        IF EXISTS (SELECT 1 FROM household h WHERE h.id = hid AND h.status = 'active')
           AND NOT EXISTS (SELECT 1 FROM case_team_member c WHERE c.household_id = hid
                           AND c.case_role = 'regisseur' AND c.left_at IS NULL) THEN
          RAISE EXCEPTION 'household % has no active regisseur', hid
            USING ERRCODE = '23514', CONSTRAINT = 'household_needs_regisseur';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER household_needs_regisseur AFTER INSERT OR UPDATE ON household
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_household_has_regisseur()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER case_team_needs_regisseur AFTER UPDATE OR DELETE ON case_team_member
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_household_has_regisseur()`);
    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        person_id uuid NOT NULL REFERENCES person(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        category text NOT NULL CHECK (category IN ('PLAN', 'PILLAR_WMO', 'PILLAR_JEUGD', 'PILLAR_PARTICIPATIE', 'PILLAR_SHV', 'PILLAR_ONDERWIJS')),
        given_on date NOT NULL,
        method text NOT NULL CHECK (method IN ('schriftelijk', 'mondeling', 'digitaal')),
        revoked_on date,
        recorded_by uuid REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT consent_revoked_after_given CHECK (revoked_on IS NULL OR revoked_on >= given_on)
      )`);
    await q.query(`CREATE INDEX consent_household ON consent (household_id)`);
    await q.query(`CREATE INDEX consent_organisation ON consent (organisation_id) WHERE revoked_on IS NULL`);
    await q.query(`
      CREATE TABLE representative (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        person_id uuid NOT NULL REFERENCES person(id),
        kind text NOT NULL CHECK (kind IN ('bewindvoerder', 'mentor', 'curator', 'gemachtigde')),
        name text NOT NULL,
        organisation_name text,
        contact text,
        scope text NOT NULL,
        starts_on date NOT NULL,
        ends_on date,
        CONSTRAINT representative_period CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX representative_household ON representative (household_id)`);
    await q.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        person_id uuid REFERENCES person(id),
        from_organisation_id uuid NOT NULL REFERENCES organisation(id),
        to_organisation_id uuid NOT NULL REFERENCES organisation(id),
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined')),
        created_by uuid NOT NULL REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES user_account(id),
        decided_at timestamptz,
        decline_reason text,
        assigned_user_id uuid REFERENCES user_account(id),
        CONSTRAINT referral_to_another_organisation CHECK (from_organisation_id <> to_organisation_id),
        CONSTRAINT referral_decline_has_reason CHECK (status <> 'declined' OR decline_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX referral_household ON referral (household_id)`);
    await q.query(`CREATE INDEX referral_to_open ON referral (to_organisation_id) WHERE status = 'open'`);
    await q.query(`
      CREATE TABLE break_glass_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        user_id uuid NOT NULL REFERENCES user_account(id),
        category text NOT NULL,
        reason text NOT NULL CHECK (length(trim(reason)) >= 10),
        granted_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        review_status text NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'accepted', 'questioned')),
        reviewed_by uuid REFERENCES user_account(id),
        reviewed_at timestamptz,
        review_note text
      )`);
    await q.query(`CREATE INDEX break_glass_active ON break_glass_grant (user_id, expires_at)`);
  }

  async down(q: QueryRunner) {
    for (const table of [
      'break_glass_grant',
      'referral',
      'representative',
      'consent',
      'case_team_member',
      'household_member',
      'household',
      'person',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS check_household_has_regisseur()`);
  }
}
