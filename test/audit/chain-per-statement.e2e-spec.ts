import { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { ownerDataSourceOptions } from '@app/core';
import { ProcessingLogChainPerStatement1763801300000 } from '../../migrations/1763801300000-processing-log-chain-per-statement';
import { createTestApp, TestApp } from '../setup/test-app';
import { auditHarness, DOSSIER_READ } from './audit-context';

const insertLogRows = (n: number, tag: string) =>
  `INSERT INTO processing_log (trace_id, span_id, name, status_code, processing_activity_id,
     data_subject_id, data_subject_type, resource_type, resource_id, action)
   SELECT md5('${tag}'), substr(md5('${tag}'), 1, 16), 'households.dossier.read', 'OK',
     'households.dossier.read', 'person-' || i, 'person', 'Household', '${tag}', 'read'
     FROM generate_series(1, ${n}) AS i ORDER BY i`;

describe('audit: the hash chain is linked once per statement (migration 1763801300000)', () => {
  let t: TestApp;
  let h: ReturnType<typeof auditHarness>;
  let client: PoolClient;
  beforeAll(async () => {
    t = await createTestApp();
    h = auditHarness(t);
    client = await t.db.connect();
    // Counts every update of the chain head (a sequence is not rolled back).
    await client.query(`CREATE SEQUENCE head_updates`);
    await client.query(`CREATE FUNCTION count_head_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM nextval('head_updates'); RETURN NULL; END $$`);
    await client.query(`CREATE TRIGGER count_head_update AFTER UPDATE ON processing_log_chain_head
      FOR EACH ROW EXECUTE FUNCTION count_head_update()`);
  });
  afterAll(async () => {
    client.release();
    await t.close();
  });

  /** Updates of the chain head made by one transaction of `client` that runs `work`. */
  const headUpdatesDuring = async (work: () => Promise<unknown>) => {
    const counter = async () =>
      Number((await client.query(`SELECT last_value FROM head_updates`)).rows[0].last_value);
    await client.query(`SELECT nextval('head_updates')`);
    const before = await counter();
    await client.query('BEGIN');
    await work();
    await client.query('COMMIT');
    return (await counter()) - before;
  };
  const head = async (chain: string) =>
    (
      await client.query(
        `SELECT last_seq::int AS seq, last_hash FROM processing_log_chain_head WHERE chain = $1`,
        [chain],
      )
    ).rows[0] as { seq: number; last_hash: string };

  it('links 1,000 rows of one statement in order and moves the head once', async () => {
    const before = await head('processing_log');
    expect(await headUpdatesDuring(() => client.query(insertLogRows(1000, 'bulk')))).toBe(1);
    const { rows } = await client.query(
      `SELECT chain_seq::int AS seq, prev_hash, row_hash, data_subject_id FROM processing_log
        WHERE resource_id = 'bulk' ORDER BY chain_seq`,
    );
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => before.seq + 1 + i));
    expect(rows.map((r) => r.data_subject_id)).toEqual(rows.map((_, i) => `person-${i + 1}`));
    expect(rows[0].prev_hash).toBe(before.last_hash);
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i].row_hash));
    expect(await head('processing_log')).toEqual({ seq: before.seq + 1000, last_hash: rows[999].row_hash });
    await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true });
  });

  it('continues the chain over several statements, both tables and a rolled-back savepoint', async () => {
    await client.query('BEGIN');
    await client.query(insertLogRows(3, 'kept-1'));
    await client.query('SAVEPOINT s');
    await client.query(insertLogRows(5, 'rolled-back'));
    await client.query('ROLLBACK TO SAVEPOINT s');
    await client.query(insertLogRows(4, 'kept-2'));
    await client.query('COMMIT');
    await h.asUser(() =>
      h.dataSource.transaction(async (m) => {
        await h.audit.record(m, DOSSIER_READ);
        await h.audit.record(m, { ...DOSSIER_READ, resourceId: 'hh-2' });
      }),
    );
    const { rows } = await client.query(
      `SELECT resource_id FROM processing_log ORDER BY chain_seq DESC LIMIT 13`,
    );
    expect(rows.map((r) => r.resource_id).reverse()).toEqual([
      ...Array(3).fill('kept-1'),
      ...Array(4).fill('kept-2'),
      ...Array(3).fill('hh-1'),
      ...Array(3).fill('hh-2'),
    ]);
    await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true });
  });

  it('moves no head for an insert of no rows', async () => {
    const before = await head('processing_log');
    expect(await headUpdatesDuring(() => client.query(`${insertLogRows(1, 'empty')} LIMIT 0`))).toBe(0);
    expect(await head('processing_log')).toEqual(before);
  });

  it('down() restores the row-by-row trigger and up() the per-statement one, the chain intact throughout', async () => {
    const owner = new DataSource(ownerDataSourceOptions(t.databaseUrl));
    await owner.initialize();
    const migration = new ProcessingLogChainPerStatement1763801300000();
    const runner = owner.createQueryRunner();
    const updatesFor = (n: number, tag: string) =>
      headUpdatesDuring(() => client.query(insertLogRows(n, tag)));
    try {
      await migration.down(runner);
      expect(await updatesFor(20, 'old-trigger')).toBe(20);
      await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true });
      await migration.up(runner);
      expect(await updatesFor(20, 'new-trigger')).toBe(1);
      await expect(h.audit.verifyChain()).resolves.toMatchObject({ ok: true });
    } finally {
      await runner.release();
      await owner.destroy();
    }
  });
});
