import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Takes the hash chain out of the request path: log rows are appended without a lock, and a sealer
 * links them into the chain afterwards, in batches (issue 14; BENCHMARKS.md "Processing-log chain").
 *
 * Before, every transaction that wrote log rows took the chain's advisory lock at its first log insert
 * and held it until commit, so all logged requests queued behind each other: under 32 connections, 11 of
 * 12 busy database sessions were waiting for that lock (pg_stat_activity sampled during B1).
 *
 * Now:
 * - `processing_log` and `access_audit` hold only content (no chain_seq, prev_hash, row_hash). An AFTER
 *   STATEMENT trigger queues the new ids in `processing_log_unsealed`; no lock, no head.
 * - `processing_log_seal(max_rows)` (SECURITY DEFINER; the application calls it every second and before
 *   each verification) takes the lock, takes committed ids off the queue in id order and appends one seal
 *   row per log row to `processing_log_seal` / `access_audit_seal`: chain_seq, log_id, prev_hash,
 *   row_hash. The chain order is the order of sealing; a transaction that commits late is sealed later.
 * - The seal tables are append-only like the log; their log_id references the log row, so a sealed log
 *   row cannot be deleted without switching the triggers and constraints off, which breaks the chain.
 * - The hash covers exactly what it covered before (chain_seq, id, content, prev_hash): the chains
 *   already written move to the seal tables unchanged and stay valid.
 * The price: a row is hash-protected only once sealed (about a second later). Until then it is protected
 * by the privileges and the append-only triggers; a row that disappears from the queue without a seal is
 * reported by the verifier.
 */
const CHAIN_LOCK = 1763800300; // the advisory lock key of 1763800300000-processing-log
const TABLES = ['processing_log', 'access_audit'] as const;

const PROCESSING_LOG_CONTENT = `r.trace_id, r.span_id, r.parent_span_id, r.name,
  processing_log_utc(r.start_time), processing_log_utc(r.end_time), r.status_code,
  r.processing_activity_id, r.data_subject_id, r.data_subject_type,
  r.resource_type, r.resource_id, r.household_id, r.action`;
const ACCESS_AUDIT_CONTENT = `r.trace_id, r.span_id, processing_log_utc(r.occurred_at),
  r.user_id, to_jsonb(r.roles), r.organisation_id, r.processing_activity_id,
  r.purpose, r.legal_basis, r.action, r.resource_type, r.resource_id, r.household_id,
  r.outcome, r.reason`;
const CONTENT = { processing_log: PROCESSING_LOG_CONTENT, access_audit: ACCESS_AUDIT_CONTENT };

export class ProcessingLogSealedLater1763802200000 implements MigrationInterface {
  name = 'ProcessingLogSealedLater1763802200000';

  async up(q: QueryRunner) {
    for (const table of TABLES) {
      await q.query(`
        CREATE TABLE ${table}_seal (
          chain_seq bigint PRIMARY KEY CHECK (chain_seq > 0),
          log_id bigint NOT NULL UNIQUE REFERENCES ${table} (id),
          prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
          row_hash text NOT NULL CHECK (row_hash ~ '^[0-9a-f]{64}$')
        )`);
      await q.query(`INSERT INTO ${table}_seal (chain_seq, log_id, prev_hash, row_hash)
        SELECT chain_seq, id, prev_hash, row_hash FROM ${table}`);
      await q.query(`DROP TRIGGER ${table}_move_head ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_append ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_lock_head ON ${table}`);
    }
    await q.query(
      `DROP FUNCTION processing_log_move_head(), processing_log_link(), processing_log_lock_head()`,
    );
    await q.query(
      `DROP FUNCTION access_audit_row_hash(access_audit), processing_log_row_hash(processing_log)`,
    );
    for (const table of TABLES) {
      await q.query(
        `ALTER TABLE ${table} DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN row_hash`,
      );
      await q.query(`
        CREATE FUNCTION ${table}_row_hash(r ${table}, chain_seq bigint, prev_hash text) RETURNS text
        LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
          SELECT encode(digest(prev_hash || jsonb_build_array(chain_seq, r.id, ${CONTENT[table]})::text,
            'sha256'), 'hex')
        $$`);
    }

    await q.query(`
      CREATE TABLE processing_log_unsealed (
        chain text NOT NULL CHECK (chain IN ('processing_log', 'access_audit')),
        log_id bigint NOT NULL,
        PRIMARY KEY (chain, log_id)
      )`);
    await q.query(`
      CREATE FUNCTION processing_log_queue() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO processing_log_unsealed (chain, log_id) SELECT TG_TABLE_NAME, id FROM appended;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION access_audit_from_register() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        -- Purpose and legal basis always come from the register, never from the caller.
        SELECT a.purpose, a.legal_basis INTO NEW.purpose, NEW.legal_basis
          FROM processing_activity a WHERE a.id = NEW.processing_activity_id;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'unknown processing activity %', NEW.processing_activity_id
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER access_audit_from_register BEFORE INSERT ON access_audit
      FOR EACH ROW EXECUTE FUNCTION access_audit_from_register()`);
    for (const table of TABLES) {
      await q.query(`CREATE TRIGGER ${table}_queue AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION processing_log_queue()`);
    }

    for (const table of TABLES) {
      await q.query(`
        CREATE FUNCTION ${table}_seal_queued(max_rows int) RETURNS int
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
          head processing_log_chain_head%ROWTYPE;
          ids bigint[];
          r ${table}%ROWTYPE;
          seq bigint;
          hash text;
        BEGIN
          SELECT * INTO STRICT head FROM processing_log_chain_head WHERE chain = '${table}' FOR UPDATE;
          -- Only committed ids are visible here, so a transaction still running is sealed by a later run.
          WITH taken AS (
            DELETE FROM processing_log_unsealed u
             WHERE u.chain = '${table}' AND u.log_id IN (
               SELECT log_id FROM processing_log_unsealed
                WHERE chain = '${table}' ORDER BY log_id LIMIT max_rows)
            RETURNING u.log_id)
          SELECT array_agg(log_id ORDER BY log_id) INTO ids FROM taken;
          IF ids IS NULL THEN RETURN 0; END IF;
          seq := head.last_seq;
          hash := head.last_hash;
          FOR r IN SELECT * FROM ${table} WHERE id = ANY (ids) ORDER BY id LOOP
            seq := seq + 1;
            INSERT INTO ${table}_seal (chain_seq, log_id, prev_hash, row_hash)
              VALUES (seq, r.id, hash, ${table}_row_hash(r, seq, hash))
              RETURNING row_hash INTO hash;
          END LOOP;
          UPDATE processing_log_chain_head SET last_seq = seq, last_hash = hash WHERE chain = '${table}';
          RETURN seq - head.last_seq;
        END $$`);
    }
    await q.query(`
      CREATE FUNCTION processing_log_seal(max_rows int) RETURNS int
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF max_rows IS NULL OR max_rows < 1 THEN
          RAISE EXCEPTION 'max_rows must be positive' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        -- One sealer at a time; it is held for one batch only, never by a request.
        PERFORM pg_advisory_xact_lock(${CHAIN_LOCK});
        RETURN processing_log_seal_queued(max_rows) + access_audit_seal_queued(max_rows);
      END $$`);

    for (const table of TABLES) {
      await q.query(`CREATE TRIGGER ${table}_seal_no_change BEFORE UPDATE OR DELETE ON ${table}_seal
        FOR EACH ROW EXECUTE FUNCTION processing_log_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_seal_no_truncate BEFORE TRUNCATE ON ${table}_seal
        FOR EACH STATEMENT EXECUTE FUNCTION processing_log_refuse_change()`);
      await q.query(`REVOKE ALL ON ${table}_seal FROM gezinsplan_app`);
      await q.query(`GRANT SELECT ON ${table}_seal TO gezinsplan_app`);
      await q.query(`REVOKE EXECUTE ON FUNCTION ${table}_seal_queued(int) FROM PUBLIC`);
    }
    await q.query(`REVOKE ALL ON processing_log_unsealed FROM gezinsplan_app`);
    await q.query(`GRANT SELECT ON processing_log_unsealed TO gezinsplan_app`);
    await q.query(`REVOKE EXECUTE ON FUNCTION processing_log_seal(int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION processing_log_seal(int) TO gezinsplan_app`);
  }

  async down(q: QueryRunner) {
    // Everything committed gets its seal first, so every row has its place in the chain again.
    await q.query(`SELECT processing_log_seal(2147483647)`);
    await q.query(`DROP FUNCTION processing_log_seal(int)`);
    for (const table of TABLES) {
      await q.query(`DROP TRIGGER ${table}_queue ON ${table}`);
      await q.query(`DROP FUNCTION ${table}_seal_queued(int)`);
    }
    await q.query(`DROP TRIGGER access_audit_from_register ON access_audit`);
    await q.query(`DROP FUNCTION processing_log_queue(), access_audit_from_register()`);
    await q.query(`DROP TABLE processing_log_unsealed`);
    for (const table of TABLES) {
      await q.query(`DROP FUNCTION ${table}_row_hash(${table}, bigint, text)`);
      await q.query(`ALTER TABLE ${table} ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash text,
        ADD COLUMN row_hash text`);
      await q.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_change`);
      await q.query(`UPDATE ${table} t SET chain_seq = s.chain_seq, prev_hash = s.prev_hash,
        row_hash = s.row_hash FROM ${table}_seal s WHERE s.log_id = t.id`);
      await q.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_no_change`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN chain_seq SET NOT NULL,
        ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN row_hash SET NOT NULL,
        ADD CONSTRAINT ${table}_chain_seq_key UNIQUE (chain_seq),
        ADD CONSTRAINT ${table}_prev_hash_check CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        ADD CONSTRAINT ${table}_row_hash_check CHECK (row_hash ~ '^[0-9a-f]{64}$')`);
      await q.query(`DROP TABLE ${table}_seal`);
      await q.query(`
        CREATE FUNCTION ${table}_row_hash(r ${table}) RETURNS text
        LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
          SELECT encode(digest(r.prev_hash || jsonb_build_array(r.chain_seq, r.id, ${CONTENT[table]})::text,
            'sha256'), 'hex')
        $$`);
    }
    await restorePerStatementLinking(q);
  }
}

/** The triggers of 1763801300000-processing-log-chain-per-statement, as they were. */
async function restorePerStatementLinking(q: QueryRunner) {
  await q.query(`
    CREATE FUNCTION processing_log_lock_head() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(${CHAIN_LOCK});
      PERFORM 1 FROM processing_log_chain_head WHERE chain = TG_TABLE_NAME FOR UPDATE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'chain head of % is missing', TG_TABLE_NAME USING ERRCODE = 'data_corrupted';
      END IF;
      RETURN NULL;
    END $$`);
  await q.query(`
    CREATE FUNCTION processing_log_link() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
      head processing_log_chain_head%ROWTYPE;
      prev_seq bigint;
      prev_hash text;
    BEGIN
      PERFORM pg_advisory_xact_lock(${CHAIN_LOCK});
      SELECT * INTO STRICT head FROM processing_log_chain_head WHERE chain = TG_TABLE_NAME;
      IF TG_TABLE_NAME = 'access_audit' THEN
        SELECT t.chain_seq, t.row_hash INTO prev_seq, prev_hash FROM access_audit t
          WHERE t.chain_seq > head.last_seq ORDER BY t.chain_seq DESC LIMIT 1;
      ELSE
        SELECT t.chain_seq, t.row_hash INTO prev_seq, prev_hash FROM processing_log t
          WHERE t.chain_seq > head.last_seq ORDER BY t.chain_seq DESC LIMIT 1;
      END IF;
      NEW.chain_seq := COALESCE(prev_seq, head.last_seq) + 1;
      NEW.prev_hash := COALESCE(prev_hash, head.last_hash);
      IF TG_TABLE_NAME = 'access_audit' THEN
        SELECT a.purpose, a.legal_basis INTO NEW.purpose, NEW.legal_basis
          FROM processing_activity a WHERE a.id = NEW.processing_activity_id;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'unknown processing activity %', NEW.processing_activity_id
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        NEW.row_hash := access_audit_row_hash(NEW);
      ELSE
        NEW.row_hash := processing_log_row_hash(NEW);
      END IF;
      RETURN NEW;
    END $$`);
  await q.query(`
    CREATE FUNCTION processing_log_move_head() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      UPDATE processing_log_chain_head h SET last_seq = l.chain_seq, last_hash = l.row_hash
        FROM (SELECT chain_seq, row_hash FROM linked ORDER BY chain_seq DESC LIMIT 1) l
       WHERE h.chain = TG_TABLE_NAME AND l.chain_seq > h.last_seq;
      RETURN NULL;
    END $$`);
  for (const table of TABLES) {
    await q.query(`CREATE TRIGGER ${table}_lock_head BEFORE INSERT ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION processing_log_lock_head()`);
    await q.query(`CREATE TRIGGER ${table}_append BEFORE INSERT ON ${table}
      FOR EACH ROW EXECUTE FUNCTION processing_log_link()`);
    await q.query(`CREATE TRIGGER ${table}_move_head AFTER INSERT ON ${table}
      REFERENCING NEW TABLE AS linked FOR EACH STATEMENT EXECUTE FUNCTION processing_log_move_head()`);
  }
}
