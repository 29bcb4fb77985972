import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One retention path for vroegsignalering signals (issues 8 and 12): unanswered signals are deleted only
 * by the privacy retention run (libs/privacy, sweep `outreach.signals`), which keeps its own register
 * (`retention_run.sweeps`). The outreach library's own runs, job and register go; down() restores the
 * register as migration 1763800800000 created it (its rows are not restored).
 */
export class DropSignalRetentionRun1763801900000 implements MigrationInterface {
  name = 'DropSignalRetentionRun1763801900000';

  async up(q: QueryRunner) {
    await q.query(`DROP TABLE arrears_signal_retention_run`);
  }

  async down(q: QueryRunner) {
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
    await q.query(
      `CREATE UNIQUE INDEX arrears_signal_retention_once_a_day ON arrears_signal_retention_run (run_on)
         WHERE trigger = 'schedule' AND NOT dry_run`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON arrears_signal_retention_run FROM gezinsplan_app`);
  }
}
