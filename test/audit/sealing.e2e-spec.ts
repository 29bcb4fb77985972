import { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { ownerDataSourceOptions } from '@app/core';
import { ProcessingLogSealedLater1763802200000 } from '../../migrations/1763802200000-processing-log-sealed-later';
import { createTestApp, TestApp } from '../setup/test-app';
import { auditHarness, DOSSIER_READ } from './audit-context';

const insertLogRows = (n: number, tag: string) =>
  `INSERT INTO processing_log (trace_id, span_id, name, status_code, processing_activity_id,
     data_subject_id, data_subject_type, resource_type, resource_id, action)
   SELECT md5('${tag}'), substr(md5('${tag}'), 1, 16), 'households.dossier.read', 'OK',
     'households.dossier.read', 'person-' || i, 'person', 'Household', '${tag}', 'read'
     FROM generate_series(1, ${n}) AS i ORDER BY i`;

/** The seals of the processing_log rows of one tag, in chain order. */
const SEALS_OF = `SELECT s.chain_seq::int AS seq, s.prev_hash, s.row_hash, l.id::int AS id, l.data_subject_id
  FROM processing_log_seal s JOIN processing_log l ON l.id = s.log_id
 WHERE l.resource_id = $1 ORDER BY s.chain_seq`;

describe('audit: log rows are appended without a lock and sealed into the chain afterwards', () => {
  let t: TestApp;
  let h: ReturnType<typeof auditHarness>;
  let client: PoolClient;
  let other: PoolClient;
  const interval = process.env.PROCESSING_LOG_SEAL_INTERVAL_MS;
  beforeAll(async () => {
    // No background sealer here: each test seals when it means to.
    process.env.PROCESSING_LOG_SEAL_INTERVAL_MS = '0';
    t = await createTestApp();
    h = auditHarness(t);
    client = await t.db.connect();
    other = await t.db.connect();
  });
  afterAll(async () => {
    client.release();
    other.release();
    await t.close();
    if (interval === undefined) delete process.env.PROCESSING_LOG_SEAL_INTERVAL_MS;
    else process.env.PROCESSING_LOG_SEAL_INTERVAL_MS = interval;
  });

  const head = async () =>
    (
      await t.db.query(
        `SELECT last_seq::int AS seq, last_hash FROM processing_log_chain_head WHERE chain = 'processing_log'`,
      )
    ).rows[0] as { seq: number; last_hash: string };
  // Sealing and reading run on connections of their own, outside the transactions under test.
  const seal = async () => (await t.db.query(`SELECT processing_log_seal(10000) AS n`)).rows[0].n as number;
  const sealsOf = async (tag: string) => (await t.db.query(SEALS_OF, [tag])).rows;

  it('queues 1,000 rows of one statement and seals them in order, moving the head once', async () => {
    await seal();
    const before = await head();
    await client.query(insertLogRows(1000, 'bulk'));
    expect(await sealsOf('bulk')).toEqual([]);
    expect(await head()).toEqual(before);

    expect(await seal()).toBe(1000);
    const rows = await sealsOf('bulk');
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => before.seq + 1 + i));
    expect(rows.map((r) => r.data_subject_id)).toEqual(rows.map((_, i) => `person-${i + 1}`));
    expect(rows[0].prev_hash).toBe(before.last_hash);
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i].row_hash));
    expect(await head()).toEqual({ seq: before.seq + 1000, last_hash: rows[999].row_hash });
    expect(await seal()).toBe(0);
    await expect(h.audit.verifyChain()).resolves.toEqual({ ok: true, rows: expect.any(Number), unsealed: 0 });
  });

  it('lets a transaction log while another one holds uncommitted log rows, and seals each once committed', async () => {
    await client.query('BEGIN');
    await client.query(insertLogRows(3, 'first-begun'));
    // With the old chain lock this insert waited for the open transaction above: now it may not wait.
    await other.query(`SET lock_timeout = '2s'`);
    await other.query('BEGIN');
    await other.query(insertLogRows(2, 'committed-first'));
    await other.query('COMMIT');
    expect(await seal()).toBe(2);
    expect(await sealsOf('first-begun')).toEqual([]);
    await client.query('COMMIT');
    expect(await seal()).toBe(3);

    const late = await sealsOf('first-begun');
    const early = await sealsOf('committed-first');
    // Chain order is the order of sealing: the rows committed late come after, though their ids are lower.
    expect(late[0].id).toBeLessThan(early[0].id);
    expect(late[0].seq).toBe(early[1].seq + 1);
    expect(late[0].prev_hash).toBe(early[1].row_hash);
    await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true, unsealed: 0 });
  });

  it('never queues rows of a rolled-back savepoint, and seals what AuditService records', async () => {
    await client.query('BEGIN');
    await client.query(insertLogRows(3, 'kept'));
    await client.query('SAVEPOINT s');
    await client.query(insertLogRows(5, 'rolled-back'));
    await client.query('ROLLBACK TO SAVEPOINT s');
    await client.query('COMMIT');
    await h.asUser(() => h.dataSource.transaction((m) => h.audit.record(m, DOSSIER_READ)));
    const { rows: queued } = await client.query(
      `SELECT chain, count(*)::int AS n FROM processing_log_unsealed GROUP BY chain ORDER BY chain`,
    );
    expect(queued).toEqual([
      { chain: 'access_audit', n: 1 },
      { chain: 'processing_log', n: 3 + 3 },
    ]);
    await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true, unsealed: 0 });
    expect(await sealsOf('kept')).toHaveLength(3);
    expect(await sealsOf('rolled-back')).toEqual([]);
  });

  it('refuses a non-positive batch size', async () => {
    await expect(client.query(`SELECT processing_log_seal(0)`)).rejects.toThrow(/max_rows/);
  });

  it('down() restores linking under the lock and up() moves the chain to the seals, intact throughout', async () => {
    await client.query(insertLogRows(4, 'queued-before-down'));
    const owner = new DataSource(ownerDataSourceOptions(t.databaseUrl));
    await owner.initialize();
    const migration = new ProcessingLogSealedLater1763802200000();
    const runner = owner.createQueryRunner();
    try {
      await migration.down(runner);
      await client.query(insertLogRows(20, 'old-trigger'));
      const { rows } = await client.query(
        `SELECT chain_seq::int AS seq FROM processing_log WHERE resource_id IN ('queued-before-down', 'old-trigger')
          ORDER BY chain_seq`,
      );
      expect(rows).toHaveLength(24);
      rows.slice(1).forEach((r, i) => expect(r.seq).toBe(rows[i].seq + 1));
      await migration.up(runner);
      await client.query(insertLogRows(5, 'after-up'));
      await expect(h.audit.verifyChain()).resolves.toEqual({
        ok: true,
        rows: expect.any(Number),
        unsealed: 0,
      });
      expect(await sealsOf('old-trigger')).toHaveLength(20);
      expect(await sealsOf('after-up')).toHaveLength(5);
    } finally {
      await runner.release();
      await owner.destroy();
    }
  });
});
