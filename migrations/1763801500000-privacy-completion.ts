import { MigrationInterface, QueryRunner } from 'typeorm';

const ANONYMISED = `'[geanonimiseerd]'`;
/** Free-text columns of the plan that retention may overwrite, also in an agreed version. */
const PLAN_FREE_TEXT = `ARRAY['own_words', 'description', 'internal_note']`;

/**
 * Privacy operations, completed (issue 12):
 * - AVG art. 12 lid 3: the one-month term of an access request may be extended once by two further
 *   months, with a reason, the person informed within the first month.
 * - Retention reaches the plan and the maatwerkbudget. An agreed plan version stays frozen, except for
 *   the one change retention makes: the free text of a closed household replaced by '[geanonimiseerd]'
 *   (every other column unchanged). Payments stay append-only for the application; their reference is
 *   blanked by a SECURITY DEFINER function that only touches closed households.
 */
export class PrivacyCompletion1763801500000 implements MigrationInterface {
  name = 'PrivacyCompletion1763801500000';

  async up(q: QueryRunner) {
    await q.query(`ALTER TABLE access_request
      ADD COLUMN extended_deadline date,
      ADD COLUMN extension_reason text,
      ADD COLUMN extension_informed_on date,
      ADD COLUMN extended_by uuid REFERENCES user_account(id),
      ADD COLUMN extended_at timestamptz`);
    await q.query(`ALTER TABLE access_request ADD CONSTRAINT access_request_extension_recorded CHECK (
      CASE WHEN extended_deadline IS NULL
        THEN extension_reason IS NULL AND extension_informed_on IS NULL AND extended_by IS NULL AND extended_at IS NULL
        ELSE length(trim(extension_reason)) > 0 AND extension_informed_on IS NOT NULL AND extended_by IS NOT NULL
             AND extended_at IS NOT NULL AND extended_deadline > deadline
             AND extension_informed_on BETWEEN received_on AND deadline
      END)`);

    await q.query(`
      CREATE OR REPLACE FUNCTION plan_retention_anonymises(old_row jsonb, new_row jsonb) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM household h
                        WHERE h.id = (old_row ->> 'household_id')::uuid AND h.status = 'closed')
           AND old_row - ${PLAN_FREE_TEXT} = new_row - ${PLAN_FREE_TEXT}
           AND NOT EXISTS (SELECT 1 FROM jsonb_each_text(new_row) AS n(key, value)
                            WHERE n.key = ANY (${PLAN_FREE_TEXT})
                              AND n.value IS DISTINCT FROM old_row ->> n.key
                              AND n.value <> ${ANONYMISED})
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION plan_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'vastgesteld' AND NOT (TG_OP = 'UPDATE'
            AND plan_retention_anonymises(to_jsonb(OLD), to_jsonb(NEW))) THEN
          RAISE EXCEPTION 'plan version % is agreed and cannot change', OLD.number
            USING ERRCODE = '23514', CONSTRAINT = 'plan_version_frozen';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RETURN OLD;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION plan_content_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE versions uuid[] := '{}';
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.version_id = NEW.version_id
            AND plan_retention_anonymises(to_jsonb(OLD), to_jsonb(NEW)) THEN
          RETURN NEW;
        END IF;
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

    await q.query(`
      CREATE FUNCTION anonymise_budget_payments(p_household uuid) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE changed integer;
      BEGIN
        UPDATE budget_payment p SET reference = ${ANONYMISED}
          FROM household h
         WHERE h.id = p_household AND h.status = 'closed'
           AND p.household_id = h.id AND p.reference IS NOT NULL AND p.reference <> ${ANONYMISED};
        GET DIAGNOSTICS changed = ROW_COUNT;
        RETURN changed;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION anonymise_budget_payments(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION anonymise_budget_payments(uuid) TO gezinsplan_app`);
  }

  async down(q: QueryRunner) {
    await q.query(`DROP FUNCTION anonymise_budget_payments(uuid)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION plan_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
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
      CREATE OR REPLACE FUNCTION plan_content_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`DROP FUNCTION plan_retention_anonymises(jsonb, jsonb)`);
    await q.query(`ALTER TABLE access_request DROP CONSTRAINT access_request_extension_recorded,
      DROP COLUMN extended_at, DROP COLUMN extended_by, DROP COLUMN extension_informed_on,
      DROP COLUMN extension_reason, DROP COLUMN extended_deadline`);
  }
}
