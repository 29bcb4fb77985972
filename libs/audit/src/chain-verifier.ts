import { EntityManager } from 'typeorm';

export type ChainTable = 'processing_log' | 'access_audit';
export const CHAIN_TABLES: readonly ChainTable[] = ['processing_log', 'access_audit'];
const GENESIS = '0'.repeat(64);
const BATCH = 5000;

export type ChainVerification =
  { ok: true; rows: number } | { ok: false; table: ChainTable; chainSeq: number; reason: string };

interface ChainRow {
  chain_seq: string;
  prev_hash: string;
  row_hash: string;
  computed: string;
}

/**
 * Walks each chain in chain_seq order and names the first broken link. Run it in one REPEATABLE READ
 * transaction so the chain heads and the rows come from the same snapshot. The hash is recomputed by
 * the same SQL function the insert trigger uses, so there is one definition of the canonical content.
 */
export async function verifyChains(manager: EntityManager): Promise<ChainVerification> {
  let rows = 0;
  for (const table of CHAIN_TABLES) {
    const result = await verifyChain(manager, table);
    if (!result.ok) return result;
    rows += result.rows;
  }
  return { ok: true, rows };
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
    const batch: ChainRow[] = await manager.query(
      `SELECT chain_seq, prev_hash, row_hash, ${table}_row_hash(t) AS computed
         FROM ${table} t WHERE chain_seq >= $1 ORDER BY chain_seq LIMIT ${BATCH}`,
      [expectedSeq],
    );
    for (const row of batch) {
      const seq = Number(row.chain_seq);
      if (seq !== expectedSeq) return broken(expectedSeq, `row ${expectedSeq} is missing`);
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
  return { ok: true, rows: lastSeq };
}
