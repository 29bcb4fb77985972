import { MigrationInterface, QueryRunner } from 'typeorm';

const LIFE_DOMAINS = `('financien', 'wonen', 'werk', 'opvoeden', 'gezondheid', 'sociaal-netwerk', 'veiligheid', 'onderwijs')`;
const GOAL_STATUSES = `('open', 'bezig', 'behaald', 'gestopt')`;

/**
 * The household plan (issue 6): one living plan per household, versions that freeze when agreed,
 * goals and actions per version (ids stable across versions), evaluations, and the change log.
 * Indication ids are stored without a foreign key: indications belong to another context.
 * Agreed versions are frozen by triggers as well as by the application.
 */
export class Plans1763800600000 implements MigrationInterface {
  name = 'Plans1763800600000';

  async up(q: QueryRunner) {
    await q.query(`
      CREATE TABLE plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        revision integer NOT NULL CHECK (revision >= 1),
        latest_version integer NOT NULL DEFAULT 1 CHECK (latest_version >= 1),
        created_on date NOT NULL,
        next_evaluation_on date,
        created_by uuid REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES user_account(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_one_per_household UNIQUE (household_id)
      )`);
    await q.query(`CREATE INDEX plan_evaluation_due ON plan (next_evaluation_on)`);
    await q.query(`
      CREATE TABLE plan_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        number integer NOT NULL CHECK (number >= 1),
        status text NOT NULL CHECK (status IN ('concept', 'vastgesteld')),
        own_words text NOT NULL DEFAULT '',
        agreed_on date,
        agreed_by_person_ids uuid[] NOT NULL DEFAULT '{}',
        agreed_recorded_by uuid REFERENCES user_account(id),
        created_by uuid REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_version_number_unique UNIQUE (plan_id, number),
        CONSTRAINT plan_version_agreed_has_date CHECK ((status = 'vastgesteld') = (agreed_on IS NOT NULL)),
        CONSTRAINT plan_version_agreed_by_members
          CHECK (status = 'concept' OR cardinality(agreed_by_person_ids) > 0)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX plan_version_one_concept ON plan_version (plan_id) WHERE status = 'concept'`,
    );
    await q.query(`
      CREATE TABLE plan_goal (
        version_id uuid NOT NULL REFERENCES plan_version(id),
        id uuid NOT NULL,
        plan_id uuid NOT NULL REFERENCES plan(id),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        life_domain text NOT NULL CHECK (life_domain IN ${LIFE_DOMAINS}),
        description text NOT NULL CHECK (length(trim(description)) > 0),
        owner_type text NOT NULL CHECK (owner_type IN ('member', 'professional')),
        owner_person_id uuid REFERENCES person(id),
        owner_user_id uuid REFERENCES user_account(id),
        target_date date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ${GOAL_STATUSES}),
        indication_ids uuid[] NOT NULL DEFAULT '{}',
        internal_note text,
        position integer NOT NULL,
        PRIMARY KEY (version_id, id),
        CONSTRAINT plan_goal_one_owner CHECK (
          (owner_type = 'member' AND owner_person_id IS NOT NULL AND owner_user_id IS NULL) OR
          (owner_type = 'professional' AND owner_user_id IS NOT NULL AND owner_person_id IS NULL))
      )`);
    await q.query(`CREATE INDEX plan_goal_household ON plan_goal (household_id)`);
    await q.query(
      `CREATE INDEX plan_goal_open_target ON plan_goal (target_date) WHERE status IN ('open', 'bezig')`,
    );
    await q.query(`
      CREATE TABLE plan_action (
        version_id uuid NOT NULL,
        id uuid NOT NULL,
        goal_id uuid NOT NULL,
        plan_id uuid NOT NULL REFERENCES plan(id),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        actor_type text NOT NULL CHECK (actor_type IN ('member', 'professional', 'organisation')),
        actor_person_id uuid REFERENCES person(id),
        actor_user_id uuid REFERENCES user_account(id),
        actor_organisation text,
        description text NOT NULL CHECK (length(trim(description)) > 0),
        due_on date NOT NULL,
        done boolean NOT NULL DEFAULT false,
        position integer NOT NULL,
        PRIMARY KEY (version_id, id),
        FOREIGN KEY (version_id, goal_id) REFERENCES plan_goal (version_id, id) ON DELETE CASCADE,
        CONSTRAINT plan_action_one_actor CHECK (
          (actor_type = 'member' AND actor_person_id IS NOT NULL AND actor_user_id IS NULL AND actor_organisation IS NULL) OR
          (actor_type = 'professional' AND actor_user_id IS NOT NULL AND actor_person_id IS NULL AND actor_organisation IS NULL) OR
          (actor_type = 'organisation' AND length(trim(actor_organisation)) > 0 AND actor_person_id IS NULL AND actor_user_id IS NULL))
      )`);
    await q.query(`CREATE INDEX plan_action_goal ON plan_action (version_id, goal_id)`);
    await q.query(`
      CREATE TABLE plan_evaluation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        version_number integer NOT NULL,
        evaluated_on date NOT NULL,
        next_evaluation_on date NOT NULL,
        recorded_by uuid NOT NULL REFERENCES user_account(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_evaluation_next_after CHECK (next_evaluation_on > evaluated_on)
      )`);
    await q.query(`CREATE INDEX plan_evaluation_plan ON plan_evaluation (plan_id, evaluated_on)`);
    await q.query(`
      CREATE TABLE plan_evaluation_outcome (
        evaluation_id uuid NOT NULL REFERENCES plan_evaluation(id),
        goal_id uuid NOT NULL,
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        life_domain text NOT NULL CHECK (life_domain IN ${LIFE_DOMAINS}),
        status text NOT NULL CHECK (status IN ${GOAL_STATUSES}),
        outcome text NOT NULL CHECK (length(trim(outcome)) > 0),
        PRIMARY KEY (evaluation_id, goal_id)
      )`);
    await q.query(`
      CREATE TABLE plan_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plan(id),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        revision integer NOT NULL,
        version_number integer,
        kind text NOT NULL,
        target_id uuid,
        life_domain text,
        fields text[] NOT NULL DEFAULT '{}',
        changed_by uuid NOT NULL REFERENCES user_account(id),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX plan_change_plan ON plan_change (plan_id, id)`);
    // Who changed what is history: the application may add to it, never rewrite it.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON plan_change FROM gezinsplan_app`);

    // An agreed version is frozen: its row and its goals and actions no longer change.
    await q.query(`
      CREATE FUNCTION plan_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'vastgesteld' THEN
          RAISE EXCEPTION 'plan version % is agreed and cannot change', OLD.number
            USING ERRCODE = '23514', CONSTRAINT = 'plan_version_frozen';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RETURN OLD;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER plan_version_frozen BEFORE UPDATE OR DELETE ON plan_version
      FOR EACH ROW EXECUTE FUNCTION plan_version_frozen()`);
    await q.query(`
      CREATE FUNCTION plan_content_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE versions uuid[] := '{}';
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          versions := versions || OLD.version_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          versions := versions || NEW.version_id;
        END IF;
        IF EXISTS (SELECT 1 FROM plan_version v WHERE v.id = ANY (versions) AND v.status = 'vastgesteld') THEN
          RAISE EXCEPTION 'the content of an agreed plan version cannot change'
            USING ERRCODE = '23514', CONSTRAINT = 'plan_version_frozen';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RETURN OLD;
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['plan_goal', 'plan_action']) {
      await q.query(`
        CREATE TRIGGER ${table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION plan_content_frozen()`);
    }
  }

  async down(q: QueryRunner) {
    for (const table of [
      'plan_change',
      'plan_evaluation_outcome',
      'plan_evaluation',
      'plan_action',
      'plan_goal',
      'plan_version',
      'plan',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS plan_content_frozen()`);
    await q.query(`DROP FUNCTION IF EXISTS plan_version_frozen()`);
  }
}
