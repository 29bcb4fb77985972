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

  it('reports an intact chain, also from the command line', async () => {
    await expect(h.audit.verifyChain()).resolves.toEqual({ ok: true, rows: 5 * 3 + 5 });
    const cli = verifyCli();
    expect(cli.stdout).toMatch(/intact/);
    expect(cli.status).toBe(0);
  });

  it('names the chain_seq of a row altered in SQL, and is intact again once it is restored', async () => {
    const { rows } = await t.db.query(`SELECT * FROM processing_log WHERE chain_seq = 7`);
    await asSuperuserWithoutTriggers(
      `UPDATE processing_log SET data_subject_id = 'someone-else' WHERE chain_seq = 7`,
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

    await asSuperuserWithoutTriggers(`UPDATE processing_log SET data_subject_id = $1 WHERE chain_seq = 7`, [
      rows[0].data_subject_id,
    ]);
    await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true });
  });

  it('names a row whose hash was recomputed by its successor', async () => {
    await asSuperuserWithoutTriggers(`UPDATE access_audit SET reason = 'gewist' WHERE chain_seq = 2`);
    await asSuperuserWithoutTriggers(
      `UPDATE access_audit t SET row_hash = access_audit_row_hash(t) WHERE chain_seq = 2`,
    );
    await expect(h.audit.verifyChain()).resolves.toEqual({
      ok: false,
      table: 'access_audit',
      chainSeq: 3,
      reason: expect.stringMatching(/prev_hash/),
    });
    await asSuperuserWithoutTriggers(`UPDATE access_audit SET reason = NULL WHERE chain_seq = 2`);
    await asSuperuserWithoutTriggers(
      `UPDATE access_audit t SET row_hash = access_audit_row_hash(t) WHERE chain_seq = 2`,
    );
    await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true });
  });

  it('names a deleted row, and rows cut off the end of a chain', async () => {
    await asSuperuserWithoutTriggers(`DELETE FROM access_audit WHERE chain_seq = 4`);
    await expect(h.audit.verifyChain()).resolves.toEqual({
      ok: false,
      table: 'access_audit',
      chainSeq: 4,
      reason: expect.stringMatching(/missing/),
    });

    await asSuperuserWithoutTriggers(`DELETE FROM processing_log WHERE chain_seq >= 14`);
    await expect(h.audit.verifyChain()).resolves.toEqual({
      ok: false,
      table: 'processing_log',
      chainSeq: 14,
      reason: expect.stringMatching(/missing/),
    });
  });
});
