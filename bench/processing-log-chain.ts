/**
 * The processing-log hash chain under many log rows in one transaction (issue 8): N processing_log rows
 * in one multi-row INSERT (as AuditService.record writes one row per data subject), and N single-row
 * INSERTs in one transaction, each committed, then sealed into the chain (migration 1763802200000) and
 * verified. Runs on a fresh embedded PostgreSQL with all migrations, then again after running the down()
 * of migration 1763802200000 (linked under the chain lock, per statement, inside the transaction) when
 * --before is given.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/processing-log-chain.ts [--before]
 */
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { verifyProcessingLog } from '../libs/audit/src/chain-verifier';
import { sealAll } from '../libs/audit/src/processing-log-seal';
import { ownerDataSourceOptions, startEmbeddedDatabase } from '../libs/core/src/database';
import { ProcessingLogSealedLater1763802200000 } from '../migrations/1763802200000-processing-log-sealed-later';

const SIZES = [1_000, 10_000];

const multiRow = (n: number) => `
  INSERT INTO processing_log (trace_id, span_id, name, status_code, processing_activity_id,
    data_subject_id, data_subject_type, resource_type, resource_id, action)
  SELECT md5('t'), substr(md5('s'), 1, 16), 'outreach.signals.import', 'OK', 'outreach.signals.import',
    'person-' || i, 'person', 'Signal', 'bench', 'create'
    FROM generate_series(1, ${n}) AS i ORDER BY i`;

const singleRow = `
  INSERT INTO processing_log (trace_id, span_id, name, status_code, processing_activity_id,
    data_subject_id, data_subject_type, resource_type, resource_id, action)
  VALUES (md5('t'), substr(md5('s'), 1, 16), 'households.dossier.read', 'OK', 'households.dossier.read',
    $1, 'person', 'Household', 'bench', 'read')`;

async function timed(label: string, work: () => Promise<unknown>) {
  const started = process.hrtime.bigint();
  await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${label.padEnd(48)} ${(ms / 1000).toFixed(2)} s`);
}

async function measure(ds: DataSource, title: string, sealed: boolean) {
  console.log(`\n${title}`);
  const seal = () => (sealed ? timed('  then sealing them', () => sealAll(ds)) : undefined);
  for (const n of SIZES) {
    await timed(`${n} rows, one INSERT statement`, () => ds.transaction((m) => m.query(multiRow(n))));
    await seal();
    await timed(`${n} rows, ${n} INSERT statements`, () =>
      ds.transaction(async (m) => {
        for (let i = 0; i < n; i++) await m.query(singleRow, [`person-${i}`]);
      }),
    );
    await seal();
  }
  // The verifier reads the seal tables, which the down() removes.
  if (sealed) console.log(`chain verification: ${JSON.stringify(await verifyProcessingLog(ds))}`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'gezinsplan-chain-bench-'));
  chmodSync(dir, 0o755);
  const db = await startEmbeddedDatabase(join(dir, 'data'), { persistent: false, database: 'postgres' });
  const ds = new DataSource(ownerDataSourceOptions(db.url));
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    console.log(`${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}`);
    console.log(`PostgreSQL ${(await ds.query('SHOW server_version'))[0].server_version}`);
    await measure(ds, 'all migrations (appended without a lock, sealed afterwards)', true);
    if (process.argv.includes('--before')) {
      const runner = ds.createQueryRunner();
      await new ProcessingLogSealedLater1763802200000().down(runner);
      await runner.release();
      await measure(ds, 'after the down() of 1763802200000 (linked per statement under the lock)', false);
    }
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
