import { MigrationInterface, QueryRunner } from 'typeorm';

const THEMES = `('ontschotting', 'financien', 'regie', 'samenwerking', 'privacy', 'wet-en-regelgeving', 'overig')`;

/**
 * Case reviews by the teamleider (issue 9): the review with its agreed actions and leerpunten, and the
 * flags the daily job raises (review overdue, plan without evaluation). The household's cohort marker
 * (household.cohort_50) already exists.
 */
export class Reviews1763801200000 implements MigrationInterface {
  name = 'Reviews1763801200000';

  async up(q: QueryRunner) {
    await q.query(`
      CREATE TABLE case_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        reviewed_on date NOT NULL,
        reviewer_id uuid NOT NULL REFERENCES user_account(id),
        participants text[] NOT NULL DEFAULT '{}' CHECK (cardinality(participants) <= 30),
        findings text NOT NULL CHECK (length(trim(findings)) BETWEEN 1 AND 8000),
        next_review_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES user_account(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (next_review_on IS NULL OR next_review_on > reviewed_on)
      )`);
    await q.query(`CREATE INDEX case_review_household ON case_review (household_id, reviewed_on DESC)`);
    await q.query(`
      CREATE TABLE case_review_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES case_review(id) ON DELETE CASCADE,
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        position integer NOT NULL,
        description text NOT NULL CHECK (length(trim(description)) BETWEEN 1 AND 2000),
        owner text NOT NULL CHECK (length(trim(owner)) BETWEEN 1 AND 200),
        due_on date NOT NULL,
        done_on date,
        UNIQUE (review_id, position)
      )`);
    await q.query(`CREATE INDEX case_review_action_review ON case_review_action (review_id)`);
    await q.query(`
      CREATE TABLE case_review_leerpunt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES case_review(id) ON DELETE CASCADE,
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        position integer NOT NULL,
        theme text NOT NULL CHECK (theme IN ${THEMES}),
        text text NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 4000),
        UNIQUE (review_id, position)
      )`);
    await q.query(`CREATE INDEX case_review_leerpunt_review ON case_review_leerpunt (review_id)`);
    await q.query(`
      CREATE TABLE review_flag (
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        kind text NOT NULL CHECK (kind IN ('review_overdue', 'no_evaluation')),
        since date NOT NULL,
        flagged_on date NOT NULL,
        PRIMARY KEY (household_id, kind)
      )`);
  }

  async down(q: QueryRunner) {
    await q.query(`DROP TABLE review_flag, case_review_leerpunt, case_review_action, case_review`);
  }
}
