/**
 * B1 — dossier read as regisseur (GET /api/v1/households/:id: authentication, authorisation, every
 * dossier section, processing log), and the floor (the same SQL through node-postgres, bench/floor) in
 * the same run, at each number of connections given (default 16 and 32).
 *
 *   npm run bench:b1 [-- --connections 16,32 --seconds 20 --warmup 5 --regisseurs 16 --per-regisseur 16]
 *                       [--pool-max 64] [--database-url URL]
 *
 * When the application stops answering at some concurrency (every request times out), it is restarted
 * for the next run, and measured once more at the highest concurrency with a larger connection pool
 * (--pool-max, a diagnostic preload; 0 skips it), so the report shows both what happens and what it
 * would cost without that limit. Uses the generated database (npm run generate -- --scale region).
 * Prints Markdown and saves .data/bench-results/b1-*.json.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import {
  argNumber,
  argValue,
  ensureBuild,
  machine,
  openGeneratedDatabase,
  RunningApp,
  saveResult,
  startApp,
  startFloor,
} from './support/bench-env';
import { compare, Comparison, comparisonTable, uptime } from './support/compare';
import { pickRegisseurs } from './support/scenario';
import { captureSummary, captureTable, captureWorkload, WorkItem, writeReplayFile } from './support/workload';

async function main() {
  const connectionCounts = (argValue('connections', '16,32') ?? '16,32').split(',').map(Number);
  const seconds = argNumber('seconds', 20);
  const warmupSeconds = argNumber('warmup', 5);
  const poolMax = argNumber('pool-max', 64);
  const db = await openGeneratedDatabase();
  let app: RunningApp | null = null;
  let floor: RunningApp | null = null;
  let replay: string | null = null;
  try {
    const host = await machine(db.ownerUrl);
    const main = ensureBuild();
    const regisseurs = await pickRegisseurs(db.ownerUrl, argNumber('regisseurs', 16));
    const perRegisseur = argNumber('per-regisseur', 16);
    const items: WorkItem[] = [];
    for (let j = 0; j < perRegisseur; j++) {
      for (const r of regisseurs) {
        const household = r.households[j];
        if (household) {
          items.push({
            label: 'B1 dossier',
            email: r.email,
            method: 'GET',
            path: `/api/v1/households/${household}`,
          });
        }
      }
    }
    console.log(
      `B1: ${items.length} dossier reads by ${regisseurs.length} regisseurs (caseloads ${regisseurs
        .map((r) => r.households.length)
        .join(', ')}) in a database of ${db.households} households`,
    );
    const env = { JWT_SECRET: randomBytes(32).toString('base64url'), ACCESS_TOKEN_TTL_SECONDS: '3600' };
    const captured = await captureWorkload(db, main, items, env);
    const summary = captureSummary(captured.items);
    console.log(captureTable(summary));
    replay = writeReplayFile('b1', captured.items);
    floor = await startFloor(db, replay);
    const results: Comparison[] = [];
    const notes: string[] = [];
    const run = async (label: string, connections: number, floorResult?: Comparison['floor']) => {
      console.log(`${label}, ${connections} connections`);
      const result = await compare({
        label: `${label}, ${connections} connections`,
        items: captured.items,
        tokens: captured.tokens,
        appUrl: app!.baseUrl,
        floorUrl: floor!.baseUrl,
        connections,
        seconds,
        warmupSeconds,
        floorResult,
      });
      results.push(result);
      return result;
    };
    app = await startApp({ db, main, env, label: 'b1' });
    for (const connections of connectionCounts) {
      const result = await run('B1 dossier read as regisseur', connections);
      if (result.app.requests === 0 || result.app.errors >= connections) {
        notes.push(
          `At ${connections} connections the application stopped answering (${result.app.errors} timeouts, ${result.app.requests} answers); restarted.`,
        );
        await app.stop();
        app = await startApp({ db, main, env, label: 'b1-restarted' });
      }
    }
    if (poolMax > 0) {
      await app.stop();
      app = await startApp({ db, main, env, label: 'b1-pool', poolMax });
      const top = Math.max(...connectionCounts);
      const floorRun = results.find((r) => r.app.connections === top)?.floor;
      await run(`B1 dossier read as regisseur, pool ${poolMax} (diagnostic)`, top, floorRun);
    }
    const after = uptime();
    console.log('');
    console.log(`Machine: ${host.cpuModel}, ${host.cores} cores, ${host.ramGiB} GiB, Node ${host.node}`);
    console.log(`PostgreSQL: ${host.postgres}`);
    console.log(`Before: ${results[0]?.loadBefore}\nAfter:  ${after}`);
    console.log(comparisonTable(results));
    for (const note of notes) console.log(note);
    console.log("Target (issue 14, region scale): p95 ≤ 20 ms and ≥ 50% of the floor's throughput.");
    console.log(
      `Saved to ${saveResult('b1', { host, capture: summary, results, notes, after, dropped: captured.dropped })}`,
    );
  } finally {
    await app?.stop().catch(() => undefined);
    await floor?.stop().catch(() => undefined);
    if (replay) rmSync(replay, { force: true });
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
