import { DataSource } from 'typeorm';

export const SEAL_BATCH = 10_000;

/**
 * Seals every log row committed so far into the hash chains (migration 1763802200000), batch by batch,
 * each batch in a transaction of its own. Returns how many rows it sealed.
 */
export async function sealAll(dataSource: DataSource): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ sealed }] = await dataSource.query(`SELECT processing_log_seal($1) AS sealed`, [SEAL_BATCH]);
    total += sealed;
    // A batch per chain: fewer than one full batch in all means both queues are empty.
    if (sealed < SEAL_BATCH) return total;
  }
}
