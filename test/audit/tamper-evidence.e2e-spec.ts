import { spawnSync } from 'node:child_process';
import { createTestApp, TestApp } from '../setup/test-app';
import { auditHarness, DOSSIER_READ } from './audit-context';

describe('audit: tampering is detected', () => {
  let t: TestApp;
  let h: ReturnType<typeof auditHarness>;
  beforeAll(async () => {
    t = await createTestApp();
    h = auditHarness(t);
    for (let i = 0; i < 5; i++) {
      await h.asUser(() =>
        h.dataSource.transaction((m) => h.audit.record(m, { ...DOSSIER_READ, resourceId: `hh-${i}` })),
      );
    }
  });
  afterAll(() => t.close());

  /** What a superuser can do behind the triggers' back: they must switch them off first. */
  const asSuperuserWithoutTriggers = async (sql: string, params: unknown[] = []) => {
    const client = await t.db.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(sql, params);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };

  const verifyCli = () =>
    spawnSync('npm', ['run', '--silent', 'audit:verify'], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl },
      encoding: 'utf8',
    });

  /** The id of the log row sealed as `seq` in the chain of `table`. */
  const sealed = (table: string, seq: number) =>
    `(SELECT log_id FROM ${table}_seal WHERE chain_seq = ${seq})`;

  it('reports an intact chain, also from the command line', async () => {
    await expect(h.audit.verifyChain()).resolves.toEqual({ ok: true, rows: 5 * 3 + 5, unsealed: 0 });
    const cli = verifyCli();
    expect(cli.stdout).toMatch(/intact/);
    expect(cli.status).toBe(0);
  });

  it('names the chain_seq of a row altered in SQL, and is intact again once it is restored', async () => {
    const { rows } = await t.db.query(
      `SELECT * FROM processing_log WHERE id = ${sealed('processing_log', 7)}`,
    );
    await asSuperuserWithoutTriggers(
      `UPDATE processing_log SET data_subject_id = 'someone-else' WHERE id = ${sealed('processing_log', 7)}`,
    );
    await expect(h.audit.verifyChain()).resolves.toEqual({
      ok: false,
      table: 'processing_log',
      chainSeq: 7,
      reason: expect.stringMatching(/row_hash/),
    });
    const cli = verifyCli();
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/processing_log.*7/);

    await asSuperuserWithoutTriggers(
      `UPDATE processing_log SET data_subject_id = $1 WHERE id = ${sealed('processing_log', 7)}`,
      [rows[0].data_subject_id],
    );
    await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true });
  });

  it('names a row whose hash was recomputed by its successor', async () => {
    const rehash = `UPDATE access_audit_seal s SET row_hash = access_audit_row_hash(t, s.chain_seq, s.prev_hash)
      FROM access_audit t WHERE t.id = s.log_id AND s.chain_seq = 2`;
    await asSuperuserWithoutTriggers(
      `UPDATE access_audit SET reason = 'gewist' WHERE id = ${sealed('access_audit', 2)}`,
    );
    await asSuperuserWithoutTriggers(rehash);
    await expect(h.audit.verifyChain()).resolves.toEqual({
      ok: false,
      table: 'access_audit',
      chainSeq: 3,
      reason: expect.stringMatching(/prev_hash/),
    });
    await asSuperuserWithoutTriggers(
      `UPDATE access_audit SET reason = NULL WHERE id = ${sealed('access_audit', 2)}`,
    );
    await asSuperuserWithoutTriggers(rehash);
    await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true });
  });

  it('names a log row slipped in behind the triggers, which is neither sealed nor queued', async () => {
    await asSuperuserWithoutTriggers(
      `INSERT INTO processing_log (trace_id, span_id, name, status_code, processing_activity_id,
         data_subject_id, data_subject_type, resource_type, action)
       VALUES (repeat('a', 32), repeat('b', 16), 'x', 'OK', 'households.dossier.read', 'p', 'person', 'x', 'read')`,
    );
    await expect(h.audit.verifyChain()).resolves.toEqual({
      ok: false,
      table: 'processing_log',
      chainSeq: 16,
      reason: expect.stringMatching(/neither sealed nor queued/),
    });
    await asSuperuserWithoutTriggers(`DELETE FROM processing_log WHERE resource_type = 'x'`);
    await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true });
  });

  it('names a deleted row, a deleted seal, and rows cut off the end of a chain', async () => {
    await asSuperuserWithoutTriggers(`DELETE FROM access_audit WHERE id = ${sealed('access_audit', 4)}`);
    await expect(h.audit.verifyChain()).resolves.toEqual({
      ok: false,
      table: 'access_audit',
      chainSeq: 4,
      reason: expect.stringMatching(/sealed as 4 is missing/),
    });
    await asSuperuserWithoutTriggers(`DELETE FROM access_audit_seal WHERE chain_seq = 4`);
    await expect(h.audit.verifyChain()).resolves.toEqual({
      ok: false,
      table: 'access_audit',
      chainSeq: 4,
      reason: 'row 4 is missing',
    });

    await asSuperuserWithoutTriggers(`DELETE FROM processing_log_seal WHERE chain_seq >= 14`);
    await expect(h.audit.verifyChain()).resolves.toEqual({
      ok: false,
      table: 'processing_log',
      chainSeq: 14,
      reason: expect.stringMatching(/missing/),
    });
  });
});
