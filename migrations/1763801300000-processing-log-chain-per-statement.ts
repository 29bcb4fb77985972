import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links the processing-log chains once per statement instead of moving the chain head once per row.
 *
 * Before, the BEFORE INSERT row trigger updated `processing_log_chain_head` for every log row. Every
 * update of one row inside one transaction leaves a version that cannot be pruned before commit, and each
 * next lookup of the head walks all of them: a multi-row insert cost O(rows²) (3.6 s for 10,000 rows in
 * one statement; BENCHMARKS.md "Processing-log chain").
 *
 * Now, per statement:
 * - BEFORE STATEMENT takes the chain's advisory lock and locks the head row (SELECT ... FOR UPDATE, so
 *   REPEATABLE READ / SERIALIZABLE transactions still get a retryable 40001 instead of a fork);
 * - BEFORE ROW links each row to its predecessor: the last row this statement already linked (SQL in a
 *   row trigger sees the rows the same statement inserted before), else the head. The head is only read;
 *   rows beyond it exist only while their statement runs, since the lock is held until commit;
 * - AFTER STATEMENT moves the head once, to the last row of the statement's transition table.
 * The chain content, the hash functions, the verifier and the append-only triggers are unchanged.
 *
 * Also (issue 8, same migration slot): retention_run.sweeps, what a run did to records with a retention
 * period of their own (RetentionRegistry.registerSweep: outreach signals and spreekuur contacts).
 */
const CHAIN_LOCK = 1763800300; // the advisory lock key of 1763800300000-processing-log
const TABLES = ['processing_log', 'access_audit'] as const;

export class ProcessingLogChainPerStatement1763801300000 implements MigrationInterface {
  name = 'ProcessingLogChainPerStatement1763801300000';

  async up(q: QueryRunner) {
    for (const table of TABLES) await q.query(`DROP TRIGGER ${table}_append ON ${table}`);
    await q.query(`DROP FUNCTION processing_log_append()`);

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
        -- Held since BEFORE STATEMENT; taking it again is a local no-op and keeps this trigger safe alone.
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
          -- Purpose and legal basis always come from the register, never from the caller.
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
    await q.query(`ALTER TABLE retention_run ADD COLUMN sweeps jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner) {
    await q.query(`ALTER TABLE retention_run DROP COLUMN sweeps`);
    for (const table of TABLES) {
      await q.query(`DROP TRIGGER ${table}_move_head ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_append ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_lock_head ON ${table}`);
    }
    await q.query(
      `DROP FUNCTION processing_log_move_head(), processing_log_link(), processing_log_lock_head()`,
    );
    // The row trigger of 1763800300000-processing-log, as it was.
    await q.query(`
      CREATE FUNCTION processing_log_append() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        head processing_log_chain_head%ROWTYPE;
      BEGIN
        PERFORM pg_advisory_xact_lock(${CHAIN_LOCK});
        SELECT * INTO STRICT head FROM processing_log_chain_head WHERE chain = TG_TABLE_NAME FOR UPDATE;
        NEW.chain_seq := head.last_seq + 1;
        NEW.prev_hash := head.last_hash;
        IF TG_TABLE_NAME = 'access_audit' THEN
          -- Purpose and legal basis always come from the register, never from the caller.
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
        UPDATE processing_log_chain_head SET last_seq = NEW.chain_seq, last_hash = NEW.row_hash
          WHERE chain = TG_TABLE_NAME;
        RETURN NEW;
      END $$`);
    for (const table of TABLES) {
      await q.query(`CREATE TRIGGER ${table}_append BEFORE INSERT ON ${table}
        FOR EACH ROW EXECUTE FUNCTION processing_log_append()`);
    }
  }
}
