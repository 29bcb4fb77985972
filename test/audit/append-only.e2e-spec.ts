import { PoolClient } from 'pg';
import { createTestApp, TestApp } from '../setup/test-app';
import { auditHarness, DOSSIER_READ } from './audit-context';

const LOG_TABLES = ['processing_log', 'access_audit'];

describe('audit: the processing log is append-only', () => {
  let t: TestApp;
  let client: PoolClient;
  beforeAll(async () => {
    t = await createTestApp();
    const h = auditHarness(t);
    await h.asUser(() => h.dataSource.transaction((m) => h.audit.record(m, DOSSIER_READ)));
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
    expect(await attempt(`UPDATE ${table} SET resource_id = 'x'`, 'gezinsplan_app')).toMatch(
      /permission denied/,
    );
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
      expect(await attempt(`UPDATE ${table} SET resource_id = 'x'`)).toMatch(/append-only: UPDATE refused/);
      expect(await attempt(`DELETE FROM ${table}`)).toMatch(/append-only: DELETE refused/);
      expect(await attempt(`TRUNCATE ${table}`)).toMatch(/append-only: TRUNCATE refused/);
    },
  );

  it('does not let the application role own the log, move the chain head or change the register', async () => {
    const { rows } = await t.db.query(
      `SELECT tablename FROM pg_tables WHERE tablename = ANY($1) AND tableowner = 'gezinsplan_app'`,
      [[...LOG_TABLES, 'processing_log_chain_head', 'processing_activity']],
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

  it('assigns chain_seq and hashes itself, whatever the inserting role supplies', async () => {
    await client.query('BEGIN');
    await client.query('SET LOCAL ROLE gezinsplan_app');
    const { rows } = await client.query(
      `INSERT INTO access_audit (trace_id, span_id, processing_activity_id, purpose, legal_basis, action,
         resource_type, outcome, chain_seq, prev_hash, row_hash)
       VALUES (repeat('a', 32), repeat('b', 16), 'plans.read', 'verzonnen', 'geen', 'read', 'plan', 'allowed',
         999999, repeat('0', 64), repeat('0', 64))
       RETURNING chain_seq::int, purpose, legal_basis, row_hash`,
    );
    await client.query('ROLLBACK');
    expect(rows[0].chain_seq).toBeLessThan(999999);
    expect(rows[0].purpose).not.toBe('verzonnen');
    expect(rows[0].legal_basis).toContain('toestemming');
    expect(rows[0].row_hash).not.toBe('0'.repeat(64));
  });
});
