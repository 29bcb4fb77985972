import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outreach (issue 8): the wijkservicepunten where financial coaches hold spreekuur, spreekuur contacts,
 * and vroegsignalering signals with their imports, outreach attempts and retention runs. Every record
 * carries its municipality so access rules filter on it directly (DESIGN.md rule 1).
 */
export class Outreach1763800800000 implements MigrationInterface {
  name = 'Outreach1763800800000';

  async up(q: QueryRunner) {
    await q.query(`
      CREATE TABLE coach_location (
        user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
        wijkservicepunt_id uuid NOT NULL REFERENCES wijkservicepunt(id) ON DELETE CASCADE,
        is_primary boolean NOT NULL DEFAULT false,
        assigned_by uuid REFERENCES user_account(id),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, wijkservicepunt_id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX coach_location_one_primary ON coach_location (user_id) WHERE is_primary`,
    );
    await q.query(`CREATE INDEX coach_location_wijkservicepunt ON coach_location (wijkservicepunt_id)`);

    await q.query(`
      CREATE TABLE spreekuur_contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        wijkservicepunt_id uuid NOT NULL REFERENCES wijkservicepunt(id),
        contact_at timestamptz NOT NULL,
        topics text[] NOT NULL CONSTRAINT spreekuur_contact_topics_known CHECK (
          cardinality(topics) BETWEEN 1 AND 6
          AND topics <@ ARRAY['budget', 'schulden', 'regelingen', 'inkomen', 'administratie', 'other']::text[]),
        household_id uuid REFERENCES household(id),
        person_id uuid REFERENCES person(id),
        basis text CHECK (basis IN ('publieke-taak', 'toestemming')),
        legal_basis text CHECK (length(legal_basis) BETWEEN 1 AND 300),
        consent_given_on date,
        consent_method text CHECK (consent_method IN ('schriftelijk', 'mondeling', 'digitaal')),
        referral_to text CHECK (referral_to IN ('kbl', 'szmh', 'sociaal-team', 'trajekt', 'other')),
        referral_organisation_id uuid REFERENCES organisation(id),
        referral_other text CHECK (length(referral_other) BETWEEN 1 AND 100),
        referral_id uuid REFERENCES referral(id),
        note text CHECK (length(note) <= 500),
        follow_up_on date,
        follow_up_done_on date,
        created_by uuid NOT NULL REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Anonymous, or linked to a household (and possibly one of its members) on a recorded basis.
        CONSTRAINT spreekuur_contact_link_has_basis CHECK ((household_id IS NULL) = (basis IS NULL)),
        CONSTRAINT spreekuur_contact_person_in_household CHECK (person_id IS NULL OR household_id IS NOT NULL),
        CONSTRAINT spreekuur_contact_legal_task CHECK (basis <> 'publieke-taak' OR legal_basis IS NOT NULL),
        CONSTRAINT spreekuur_contact_consent CHECK (
          basis <> 'toestemming' OR (consent_given_on IS NOT NULL AND consent_method IS NOT NULL)),
        CONSTRAINT spreekuur_contact_referral_other CHECK (
          (referral_to IS DISTINCT FROM 'other') = (referral_other IS NULL)),
        CONSTRAINT spreekuur_contact_referral_needs_target CHECK (
          referral_to IS NOT NULL OR (referral_organisation_id IS NULL AND referral_id IS NULL))
      )`);
    await q.query(
      `CREATE INDEX spreekuur_contact_location ON spreekuur_contact (wijkservicepunt_id, contact_at DESC)`,
    );
    await q.query(
      `CREATE INDEX spreekuur_contact_creator ON spreekuur_contact (created_by, contact_at DESC)`,
    );
    await q.query(
      `CREATE INDEX spreekuur_contact_household ON spreekuur_contact (household_id) WHERE household_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX spreekuur_contact_period ON spreekuur_contact (municipality_id, contact_at)`);

    await q.query(`
      CREATE TABLE arrears_signal_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        owner_organisation_id uuid NOT NULL REFERENCES organisation(id),
        imported_by uuid REFERENCES user_account(id),
        imported_at timestamptz NOT NULL DEFAULT now(),
        line_count integer NOT NULL CHECK (line_count >= 0),
        accepted integer NOT NULL CHECK (accepted >= 0),
        duplicates integer NOT NULL CHECK (duplicates >= 0),
        invalid integer NOT NULL CHECK (invalid >= 0),
        not_stored integer NOT NULL CHECK (not_stored >= 0),
        CONSTRAINT arrears_signal_import_counts CHECK (accepted + duplicates + invalid + not_stored = line_count)
      )`);

    await q.query(`CREATE SEQUENCE arrears_signal_reference_seq`);
    await q.query(`
      CREATE TABLE arrears_signal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE
          DEFAULT 'VS' || lpad(nextval('arrears_signal_reference_seq')::text, 7, '0'),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        owner_organisation_id uuid NOT NULL REFERENCES organisation(id),
        owner_user_id uuid REFERENCES user_account(id),
        import_id uuid REFERENCES arrears_signal_import(id),
        creditor_type text NOT NULL CHECK (creditor_type IN ('huur', 'energie', 'water', 'zorgverzekering')),
        creditor text NOT NULL CHECK (length(btrim(creditor)) BETWEEN 1 AND 200),
        creditor_key text NOT NULL CHECK (length(creditor_key) BETWEEN 1 AND 200),
        creditor_reference text CHECK (length(creditor_reference) BETWEEN 1 AND 100),
        bsn char(9) NOT NULL CHECK (bsn ~ '^[0-9]{9}$'),
        postcode char(6) NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
        house_number integer NOT NULL CHECK (house_number BETWEEN 1 AND 99999),
        house_number_addition text CHECK (length(house_number_addition) BETWEEN 1 AND 10),
        street text CHECK (length(street) <= 200),
        city text CHECK (length(city) <= 100),
        address_key text NOT NULL,
        arrears_cents bigint NOT NULL CHECK (arrears_cents > 0 AND arrears_cents <= 100000000),
        arrears_months smallint NOT NULL CHECK (arrears_months BETWEEN 1 AND 120),
        received_on date NOT NULL CHECK (received_on >= DATE '2021-01-01'),
        threatening boolean NOT NULL DEFAULT false,
        person_id uuid REFERENCES person(id) ON DELETE SET NULL,
        household_id uuid REFERENCES household(id) ON DELETE SET NULL,
        neighbourhood_id uuid REFERENCES neighbourhood(id),
        multiple boolean NOT NULL DEFAULT false,
        repeated boolean NOT NULL DEFAULT false,
        priority smallint NOT NULL GENERATED ALWAYS AS (
          CASE WHEN threatening OR (multiple AND repeated) THEN 3 WHEN multiple OR repeated THEN 2 ELSE 1 END
        ) STORED,
        outcome text CHECK (outcome IN
          ('aanbod_gedaan', 'eerste_gesprek_gepland', 'al_in_traject', 'geen_contact', 'geweigerd')),
        outcome_on date,
        help_requested_on date,
        first_conversation_on date,
        feedback_exported_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- The natural key: the same creditor reporting the same person on the same day is one signal.
        CONSTRAINT arrears_signal_natural_key
          UNIQUE (municipality_id, creditor_type, creditor_key, bsn, received_on),
        CONSTRAINT arrears_signal_outcome_dated CHECK ((outcome IS NULL) = (outcome_on IS NULL)),
        CONSTRAINT arrears_signal_conversation_after_request CHECK (
          first_conversation_on IS NULL OR (help_requested_on IS NOT NULL AND first_conversation_on >= help_requested_on))
      )`);
    await q.query(
      `CREATE INDEX arrears_signal_address ON arrears_signal (municipality_id, address_key, received_on)`,
    );
    await q.query(
      `CREATE INDEX arrears_signal_worklist ON arrears_signal
         (owner_organisation_id, priority DESC, received_on, reference) WHERE outcome IS NULL`,
    );
    await q.query(`CREATE INDEX arrears_signal_retention ON arrears_signal (received_on)`);
    await q.query(`CREATE INDEX arrears_signal_import_idx ON arrears_signal (import_id)`);

    await q.query(`
      CREATE TABLE arrears_signal_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        signal_id uuid NOT NULL REFERENCES arrears_signal(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('brief', 'telefoon', 'huisbezoek')),
        attempted_on date NOT NULL,
        reached boolean NOT NULL,
        note text CHECK (length(note) <= 500),
        recorded_by uuid NOT NULL REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX arrears_signal_attempt_signal ON arrears_signal_attempt (signal_id)`);

    await q.query(`
      CREATE TABLE arrears_signal_retention_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ran_at timestamptz NOT NULL,
        run_on date NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
        dry_run boolean NOT NULL,
        retention_days integer NOT NULL CHECK (retention_days > 0),
        received_before date NOT NULL,
        signal_count integer NOT NULL CHECK (signal_count >= 0),
        triggered_by uuid REFERENCES user_account(id),
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    // Backstop for several API instances: the scheduled deletion runs at most once a day.
    await q.query(
      `CREATE UNIQUE INDEX arrears_signal_retention_once_a_day ON arrears_signal_retention_run (run_on)
         WHERE trigger = 'schedule' AND NOT dry_run`,
    );
    // The retention log is evidence: the application may add runs, never change or remove them.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON arrears_signal_retention_run FROM gezinsplan_app`);
  }

  async down(q: QueryRunner) {
    await q.query(`DROP TABLE arrears_signal_retention_run`);
    await q.query(`DROP TABLE arrears_signal_attempt`);
    await q.query(`DROP TABLE arrears_signal`);
    await q.query(`DROP SEQUENCE arrears_signal_reference_seq`);
    await q.query(`DROP TABLE arrears_signal_import`);
    await q.query(`DROP TABLE spreekuur_contact`);
    await q.query(`DROP TABLE coach_location`);
  }
}
