import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy operations: AVG art. 15 access requests, the retention-run register, and what anonymisation
 * needs from the households tables.
 *
 * Anonymisation (retention) keeps the rows so aggregates still count them, and removes what identifies:
 * a person loses BSN and names and keeps only the birth year (birth date set to 1 January); a household
 * loses street, house number, postcode and its closing reason. CHECK constraints make the database
 * refuse a half-anonymised row: an anonymised person has no BSN or name, a person who is not has both;
 * the same for a household's address. person.bsn stays UNIQUE (NULLs do not collide).
 *
 * retention_run is a register the application may only append to (like the processing log, but without
 * a hash chain: its runs are also in the processing log, which has one).
 */
export class Privacy1763800900000 implements MigrationInterface {
  name = 'Privacy1763800900000';

  async up(q: QueryRunner) {
    await q.query(`ALTER TABLE person
      ALTER COLUMN bsn DROP NOT NULL,
      ALTER COLUMN given_names DROP NOT NULL,
      ALTER COLUMN family_name DROP NOT NULL`);
    await q.query(`ALTER TABLE person ADD CONSTRAINT person_anonymised_has_no_identity CHECK (
      CASE WHEN anonymised_at IS NULL
        THEN bsn IS NOT NULL AND given_names IS NOT NULL AND family_name IS NOT NULL
        ELSE bsn IS NULL AND given_names IS NULL AND family_name_prefix IS NULL AND family_name IS NULL
             AND extract(month FROM birth_date) = 1 AND extract(day FROM birth_date) = 1
      END)`);

    await q.query(`ALTER TABLE household ADD COLUMN anonymised_at timestamptz`);
    await q.query(`ALTER TABLE household
      ALTER COLUMN street DROP NOT NULL,
      ALTER COLUMN house_number DROP NOT NULL,
      ALTER COLUMN postcode DROP NOT NULL`);
    await q.query(`ALTER TABLE household ADD CONSTRAINT household_anonymised_has_no_address CHECK (
      CASE WHEN anonymised_at IS NULL
        THEN street IS NOT NULL AND house_number IS NOT NULL AND postcode IS NOT NULL
        ELSE status = 'closed' AND street IS NULL AND house_number IS NULL AND postcode IS NULL
             AND close_reason IS NULL
      END)`);
    await q.query(
      `CREATE INDEX household_retention_due ON household (closed_on) WHERE status = 'closed' AND anonymised_at IS NULL`,
    );

    await q.query(`CREATE SEQUENCE access_request_number`);
    await q.query(`
      CREATE TABLE access_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE CHECK (reference ~ '^AVG-[0-9]{4}-[0-9]{4,}$'),
        person_id uuid NOT NULL REFERENCES person(id),
        received_on date NOT NULL,
        channel text NOT NULL CHECK (channel IN ('brief', 'e-mail', 'balie', 'telefoon', 'digitaal')),
        deadline date NOT NULL,
        registered_by uuid NOT NULL REFERENCES user_account(id),
        registered_at timestamptz NOT NULL DEFAULT now(),
        last_exported_at timestamptz,
        delivered_on date,
        delivered_by uuid REFERENCES user_account(id),
        CONSTRAINT access_request_deadline_after_receipt CHECK (deadline > received_on),
        CONSTRAINT access_request_delivered_after_receipt CHECK (delivered_on IS NULL OR delivered_on >= received_on),
        CONSTRAINT access_request_delivery_recorded CHECK ((delivered_on IS NULL) = (delivered_by IS NULL))
      )`);
    await q.query(`CREATE INDEX access_request_open ON access_request (deadline) WHERE delivered_on IS NULL`);
    await q.query(`CREATE INDEX access_request_person ON access_request (person_id)`);
    await q.query(`REVOKE DELETE, TRUNCATE ON access_request FROM gezinsplan_app`);

    await q.query(`
      CREATE TABLE retention_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        reference_date date NOT NULL,
        dry_run boolean NOT NULL,
        triggered_by text NOT NULL CHECK (triggered_by IN ('schedule', 'manual')),
        user_id uuid REFERENCES user_account(id),
        households_due integer NOT NULL CHECK (households_due >= 0),
        households_anonymised integer NOT NULL CHECK (households_anonymised >= 0),
        persons_anonymised integer NOT NULL CHECK (persons_anonymised >= 0),
        policy jsonb NOT NULL,
        households jsonb NOT NULL,
        CONSTRAINT retention_run_dry_run_changes_nothing CHECK (
          NOT dry_run OR (households_anonymised = 0 AND persons_anonymised = 0)),
        CONSTRAINT retention_run_manual_has_user CHECK ((triggered_by = 'manual') = (user_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX retention_run_started ON retention_run (started_at DESC)`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON retention_run FROM gezinsplan_app`);
  }

  async down(q: QueryRunner) {
    await q.query(`DROP TABLE retention_run`);
    await q.query(`DROP TABLE access_request`);
    await q.query(`DROP SEQUENCE access_request_number`);
    // Refuses (NOT NULL violation) once households or persons were anonymised: their data is gone.
    await q.query(`DROP INDEX household_retention_due`);
    await q.query(`ALTER TABLE household DROP CONSTRAINT household_anonymised_has_no_address`);
    await q.query(`ALTER TABLE household
      ALTER COLUMN street SET NOT NULL,
      ALTER COLUMN house_number SET NOT NULL,
      ALTER COLUMN postcode SET NOT NULL`);
    await q.query(`ALTER TABLE household DROP COLUMN anonymised_at`);
    await q.query(`ALTER TABLE person DROP CONSTRAINT person_anonymised_has_no_identity`);
    await q.query(`ALTER TABLE person
      ALTER COLUMN bsn SET NOT NULL,
      ALTER COLUMN given_names SET NOT NULL,
      ALTER COLUMN family_name SET NOT NULL`);
  }
}
