/**
 * Seals what is committed, then verifies the hash chains of the processing log (processing_log and access_audit).
 *   npm run audit:verify      (DATABASE_URL, or the embedded PostgreSQL when unset)
 * Exits 0 when both chains are intact, 1 on a broken link, 2 when the check could not run.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { verifyProcessingLog } from '../libs/audit/src/chain-verifier';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../libs/core/src/database/embedded-database';

async function main(): Promise<number> {
  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase();
    process.env.DATABASE_URL = embedded.url;
  }
  const dataSource = new DataSource({
    type: 'postgres',
    url: process.env.DATABASE_URL,
    extra: { application_name: 'gezinsplan-audit-verify', max: 1 },
  });
  try {
    await dataSource.initialize();
    const result = await verifyProcessingLog(dataSource);
    if (result.ok) {
      console.log(`Processing log intact: ${result.rows} rows verified (${result.unsealed} still queued).`);
      return 0;
    }
    console.log(`Processing log BROKEN in ${result.table} at chain_seq ${result.chainSeq}: ${result.reason}`);
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Verification could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
