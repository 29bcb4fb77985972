import { MigrationInterface, QueryRunner } from 'typeorm';

// The same codes as libs/budgets/src/replaced-schemes.ts; a committed migration never changes.
const SCHEMES = `ARRAY['bijzondere-bijstand', 'individuele-inkomenstoeslag', 'declaratieregeling',
  'wmo-voorziening', 'jeugdhulp', 'schuldhulpverlening', 'leerlingenvervoer']::text[]`;

/**
 * Maatwerkbudget (issue 7): a budget per municipality and year, requests tied to plan goals, payments,
 * an append-only ledger and idempotency keys for the writes that move money.
 *
 * Money is bigint euro cents. The budget row carries the running totals: committed (granted, not yet
 * paid) and paid. The application moves them only with guarded relative UPDATEs in the transaction
 * that appends the ledger row; `budget_never_overspent` is the backstop that makes overspending
 * impossible even for a faulty caller. Goal ids belong to the plans context: no foreign key.
 */
export class Budgets1763800700000 implements MigrationInterface {
  name = 'Budgets1763800700000';

  async up(q: QueryRunner) {
    await q.query(`
      CREATE TABLE budget (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        year integer NOT NULL CHECK (year BETWEEN 2020 AND 2100),
        amount_cents bigint NOT NULL CHECK (amount_cents BETWEEN 0 AND 1000000000000),
        committed_cents bigint NOT NULL DEFAULT 0 CHECK (committed_cents >= 0),
        paid_cents bigint NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES user_account(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT budget_one_per_municipality_year UNIQUE (municipality_id, year),
        CONSTRAINT budget_never_overspent CHECK (committed_cents + paid_cents <= amount_cents)
      )`);
    await q.query(`
      CREATE TABLE budget_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_id uuid NOT NULL REFERENCES budget(id),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        person_id uuid REFERENCES person(id),
        goal_ids uuid[] NOT NULL CHECK (cardinality(goal_ids) BETWEEN 1 AND 20),
        amount_cents bigint NOT NULL CHECK (amount_cents BETWEEN 1 AND 100000000),
        justification text NOT NULL CHECK (length(trim(justification)) > 0),
        replaced_schemes text[] NOT NULL
          CHECK (cardinality(replaced_schemes) >= 1 AND replaced_schemes <@ ${SCHEMES}),
        payee_name text NOT NULL CHECK (length(trim(payee_name)) > 0),
        payee_iban text CHECK (payee_iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
        wanted_on date NOT NULL,
        status text NOT NULL DEFAULT 'ingediend'
          CHECK (status IN ('ingediend', 'toegekend', 'afgewezen', 'betaald', 'ingetrokken')),
        requested_by uuid NOT NULL REFERENCES user_account(id),
        requester_team_id uuid REFERENCES team(id),
        requested_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES user_account(id),
        decided_at timestamptz,
        motivation text,
        paid_cents bigint NOT NULL DEFAULT 0,
        released_cents bigint NOT NULL DEFAULT 0,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        version integer NOT NULL DEFAULT 1,
        -- Four eyes, also for a caller that skips the application's check.
        CONSTRAINT budget_request_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
        CONSTRAINT budget_request_decision_recorded CHECK (CASE status
          WHEN 'ingediend' THEN decided_by IS NULL AND decided_at IS NULL AND withdrawn_at IS NULL
          WHEN 'ingetrokken' THEN withdrawn_at IS NOT NULL
          ELSE decided_by IS NOT NULL AND decided_at IS NOT NULL AND length(trim(motivation)) > 0
        END),
        CONSTRAINT budget_request_paid_within_grant
          CHECK (paid_cents >= 0 AND released_cents >= 0 AND paid_cents + released_cents <= amount_cents),
        CONSTRAINT budget_request_paid_only_when_granted
          CHECK (paid_cents = 0 OR status IN ('toegekend', 'betaald')),
        CONSTRAINT budget_request_settled CHECK (
          (status = 'betaald') = (paid_cents > 0 AND paid_cents + released_cents = amount_cents))
      )`);
    await q.query(`CREATE INDEX budget_request_household ON budget_request (household_id, created_at)`);
    await q.query(`CREATE INDEX budget_request_budget ON budget_request (budget_id, status)`);
    await q.query(
      `CREATE INDEX budget_request_waiting ON budget_request (municipality_id, created_at) WHERE status = 'ingediend'`,
    );
    await q.query(`
      CREATE TABLE budget_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES budget_request(id),
        budget_id uuid NOT NULL REFERENCES budget(id),
        household_id uuid NOT NULL REFERENCES household(id),
        municipality_id uuid NOT NULL REFERENCES municipality(id),
        amount_cents bigint NOT NULL CHECK (amount_cents BETWEEN 1 AND 100000000),
        paid_on date NOT NULL,
        reference text CHECK (length(reference) <= 200),
        final boolean NOT NULL DEFAULT false,
        recorded_by uuid NOT NULL REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX budget_payment_request ON budget_payment (request_id, created_at)`);
    await q.query(`
      CREATE TABLE budget_ledger_entry (
        id bigserial PRIMARY KEY,
        budget_id uuid NOT NULL REFERENCES budget(id),
        request_id uuid NOT NULL REFERENCES budget_request(id),
        payment_id uuid REFERENCES budget_payment(id),
        kind text NOT NULL CHECK (kind IN ('commitment', 'release', 'payment')),
        committed_delta_cents bigint NOT NULL,
        paid_delta_cents bigint NOT NULL,
        recorded_by uuid REFERENCES user_account(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT budget_ledger_entry_shape CHECK (
          (kind = 'commitment' AND committed_delta_cents > 0 AND paid_delta_cents = 0 AND payment_id IS NULL) OR
          (kind = 'release' AND committed_delta_cents < 0 AND paid_delta_cents = 0 AND payment_id IS NULL) OR
          (kind = 'payment' AND paid_delta_cents > 0 AND committed_delta_cents = -paid_delta_cents
             AND payment_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX budget_ledger_entry_budget ON budget_ledger_entry (budget_id, id)`);
    await q.query(`CREATE INDEX budget_ledger_entry_request ON budget_ledger_entry (request_id)`);
    // The ledger and the payments are records of money moved: the application may only append.
    for (const table of ['budget_ledger_entry', 'budget_payment']) {
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM gezinsplan_app`);
    }
    await q.query(`
      CREATE TABLE budget_idempotency_key (
        user_id uuid NOT NULL REFERENCES user_account(id),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        operation text NOT NULL CHECK (operation IN ('decision', 'payment')),
        target_id uuid NOT NULL,
        request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX budget_idempotency_key_created ON budget_idempotency_key (created_at)`);
  }

  async down(q: QueryRunner) {
    await q.query(
      `DROP TABLE budget_idempotency_key, budget_ledger_entry, budget_payment, budget_request, budget`,
    );
  }
}
