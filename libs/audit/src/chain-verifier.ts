import { DataSource, EntityManager } from 'typeorm';
import { sealAll } from './processing-log-seal';

export type ChainTable = 'processing_log' | 'access_audit';
export const CHAIN_TABLES: readonly ChainTable[] = ['processing_log', 'access_audit'];
const GENESIS = '0'.repeat(64);
const BATCH = 5000;

export type ChainVerification =
  | { ok: true; rows: number; unsealed: number }
  | { ok: false; table: ChainTable; chainSeq: number; reason: string };

interface SealRow {
  chain_seq: string;
  prev_hash: string;
  row_hash: string;
  missing: boolean;
  computed: string;
}

/**
 * Seals what has been committed, then verifies both chains in one REPEATABLE READ snapshot (heads, seals,
 * log rows and queue consistent with each other).
 */
export async function verifyProcessingLog(dataSource: DataSource): Promise<ChainVerification> {
  await sealAll(dataSource);
  return dataSource.transaction('REPEATABLE READ', (manager) => verifyChains(manager));
}

/**
 * Walks each chain in chain_seq order and names the first broken link, then looks for log rows that are
 * neither sealed nor waiting in the queue. The hash is recomputed by the same SQL function the sealer
 * uses, so there is one definition of the canonical content.
 */
export async function verifyChains(manager: EntityManager): Promise<ChainVerification> {
  let rows = 0;
  let unsealed = 0;
  for (const table of CHAIN_TABLES) {
    const result = await verifyChain(manager, table);
    if (!result.ok) return result;
    rows += result.rows;
    unsealed += result.unsealed;
  }
  return { ok: true, rows, unsealed };
}

async function verifyChain(manager: EntityManager, table: ChainTable): Promise<ChainVerification> {
  const broken = (chainSeq: number, reason: string) => ({ ok: false as const, table, chainSeq, reason });
  const [head] = await manager.query(
    `SELECT last_seq, last_hash FROM processing_log_chain_head WHERE chain = $1`,
    [table],
  );
  if (!head) return broken(0, 'chain head is missing');
  let expectedSeq = 1;
  let prevHash = GENESIS;
  for (;;) {
    const batch: SealRow[] = await manager.query(
      `SELECT s.chain_seq, s.prev_hash, s.row_hash, t.id IS NULL AS missing,
              ${table}_row_hash(t, s.chain_seq, s.prev_hash) AS computed
         FROM ${table}_seal s LEFT JOIN ${table} t ON t.id = s.log_id
        WHERE s.chain_seq >= $1 ORDER BY s.chain_seq LIMIT ${BATCH}`,
      [expectedSeq],
    );
    for (const row of batch) {
      const seq = Number(row.chain_seq);
      if (seq !== expectedSeq) return broken(expectedSeq, `row ${expectedSeq} is missing`);
      if (row.missing) return broken(seq, `the log row sealed as ${seq} is missing`);
      if (row.prev_hash !== prevHash) return broken(seq, 'prev_hash does not match the previous row');
      if (row.computed !== row.row_hash) return broken(seq, 'row_hash does not match the row content');
      prevHash = row.row_hash;
      expectedSeq = seq + 1;
    }
    if (batch.length < BATCH) break;
  }
  const lastSeq = expectedSeq - 1;
  if (lastSeq < Number(head.last_seq)) return broken(expectedSeq, `rows from ${expectedSeq} on are missing`);
  if (lastSeq > Number(head.last_seq) || head.last_hash !== prevHash) {
    return broken(lastSeq, 'last row does not match the chain head');
  }
  const [outside] = await manager.query(
    `SELECT t.id FROM ${table} t
      WHERE NOT EXISTS (SELECT 1 FROM ${table}_seal s WHERE s.log_id = t.id)
        AND NOT EXISTS (SELECT 1 FROM processing_log_unsealed u WHERE u.chain = $1 AND u.log_id = t.id)
      LIMIT 1`,
    [table],
  );
  if (outside) return broken(lastSeq + 1, `log row id ${outside.id} is neither sealed nor queued`);
  const [{ unsealed }] = await manager.query(
    `SELECT count(*)::int AS unsealed FROM processing_log_unsealed WHERE chain = $1`,
    [table],
  );
  return { ok: true, rows: lastSeq, unsealed };
}
