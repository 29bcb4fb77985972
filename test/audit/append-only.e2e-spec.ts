import { PoolClient } from 'pg';
import { createTestApp, TestApp } from '../setup/test-app';
import { auditHarness, DOSSIER_READ } from './audit-context';

const LOG_TABLES = ['processing_log', 'access_audit', 'processing_log_seal', 'access_audit_seal'];
const touch = (table: string) =>
  `UPDATE ${table} SET ${table.endsWith('_seal') ? 'chain_seq = chain_seq' : 'id = id'}`;

describe('audit: the processing log is append-only', () => {
  let t: TestApp;
  let client: PoolClient;
  beforeAll(async () => {
    t = await createTestApp();
    const h = auditHarness(t);
    await h.asUser(() => h.dataSource.transaction((m) => h.audit.record(m, DOSSIER_READ)));
    await h.audit.verifyChain(); // seals the rows, so that the seal tables have rows to refuse changes to
    client = await t.db.connect();
  });
  afterAll(async () => {
    client.release();
    await t.close();
  });

  /** Runs one statement in a transaction that is always rolled back, as the given role. */
  const attempt = async (sql: string, role?: string) => {
    await client.query('BEGIN');
    try {
      if (role) await client.query(`SET LOCAL ROLE ${role}`);
      await client.query(sql);
      return 'allowed';
    } catch (error) {
      return (error as Error).message;
    } finally {
      await client.query('ROLLBACK');
    }
  };

  it.each(LOG_TABLES)('refuses UPDATE, DELETE and TRUNCATE on %s to the application role', async (table) => {
    expect(await attempt(touch(table), 'gezinsplan_app')).toMatch(/permission denied/);
    expect(await attempt(`DELETE FROM ${table}`, 'gezinsplan_app')).toMatch(/permission denied/);
    expect(await attempt(`TRUNCATE ${table}`, 'gezinsplan_app')).toMatch(/permission denied/);
    expect(await attempt(`ALTER TABLE ${table} DISABLE TRIGGER ALL`, 'gezinsplan_app')).toMatch(
      /must be owner/,
    );
    expect(await attempt(`SELECT count(*) FROM ${table}`, 'gezinsplan_app')).toBe('allowed');
  });

  it.each(LOG_TABLES)(
    'refuses UPDATE, DELETE and TRUNCATE on %s to a superuser too (triggers)',
    async (table) => {
      expect(await attempt(touch(table))).toMatch(/append-only: UPDATE refused/);
      expect(await attempt(`DELETE FROM ${table}`)).toMatch(/append-only: DELETE refused/);
      // The log tables are also referenced by their seals; TRUNCATE ... CASCADE meets the seals' trigger.
      expect(await attempt(`TRUNCATE ${table}`)).toMatch(
        /append-only: TRUNCATE refused|referenced in a foreign key/,
      );
      expect(await attempt(`TRUNCATE ${table} CASCADE`)).toMatch(/append-only: TRUNCATE refused/);
    },
  );

  it('does not let the application role own the log, move the chain head or change the register', async () => {
    const { rows } = await t.db.query(
      `SELECT tablename FROM pg_tables WHERE tablename = ANY($1) AND tableowner = 'gezinsplan_app'`,
      [[...LOG_TABLES, 'processing_log_chain_head', 'processing_log_unsealed', 'processing_activity']],
    );
    expect(rows).toEqual([]);
    const app = 'gezinsplan_app';
    expect(await attempt(`UPDATE processing_log_chain_head SET last_seq = 0`, app)).toMatch(
      /permission denied/,
    );
    expect(await attempt(`UPDATE processing_activity SET legal_basis = 'geen'`, app)).toMatch(
      /permission denied/,
    );
    expect(await attempt(`INSERT INTO processing_activity VALUES ('x.y', 'x', 'x', 'x', NULL)`, app)).toMatch(
      /permission denied/,
    );
    expect(await attempt(`SELECT count(*) FROM processing_activity`, app)).toBe('allowed');
  });

  it('takes purpose and legal basis from the register, whatever the inserting role supplies', async () => {
    await client.query('BEGIN');
    await client.query('SET LOCAL ROLE gezinsplan_app');
    const { rows } = await client.query(
      `INSERT INTO access_audit (trace_id, span_id, processing_activity_id, purpose, legal_basis, action,
         resource_type, outcome)
       VALUES (repeat('a', 32), repeat('b', 16), 'plans.read', 'verzonnen', 'geen', 'read', 'plan', 'allowed')
       RETURNING purpose, legal_basis`,
    );
    await client.query('ROLLBACK');
    expect(rows[0].purpose).not.toBe('verzonnen');
    expect(rows[0].legal_basis).toContain('toestemming');
  });

  it('leaves sealing to the database: the application role cannot write seals or touch the queue', async () => {
    const app = 'gezinsplan_app';
    for (const table of ['processing_log_seal', 'access_audit_seal']) {
      expect(
        await attempt(
          `INSERT INTO ${table} (chain_seq, log_id, prev_hash, row_hash)
           SELECT 999999, max(id), repeat('0', 64), repeat('0', 64) FROM ${table.replace('_seal', '')}`,
          app,
        ),
      ).toMatch(/permission denied/);
    }
    expect(await attempt(`DELETE FROM processing_log_unsealed`, app)).toMatch(/permission denied/);
    expect(await attempt(`INSERT INTO processing_log_unsealed VALUES ('processing_log', 1)`, app)).toMatch(
      /permission denied/,
    );
    expect(await attempt(`SELECT processing_log_seal(10)`, app)).toBe('allowed');
    expect(await attempt(`SELECT processing_log_seal_queued(10)`, app)).toMatch(/permission denied/);
  });
});
