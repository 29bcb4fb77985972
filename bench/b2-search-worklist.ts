/**
 * B2 — household search and worklists as teamleider: search by (part of a) name, by postcode and by
 * BSN (POST /api/v1/households/search), the procedures worklist of the team
 * (GET /api/v1/worklists/procedures?scope=team) and the overdue plan worklist
 * (GET /api/v1/worklists/plans?scope=all). Each kind is measured on its own, against the floor.
 *
 *   npm run bench:b2 [-- --connections 8 --seconds 15 --warmup 3 --per-kind 40] [--database-url URL]
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import {
  argNumber,
  ensureBuild,
  machine,
  openGeneratedDatabase,
  saveResult,
  startApp,
  startFloor,
} from './support/bench-env';
import { compare, Comparison, comparisonTable, uptime } from './support/compare';
import { B2_KINDS, b2Request, pickTeamleider } from './support/scenario';
import { captureSummary, captureTable, captureWorkload, WorkItem, writeReplayFile } from './support/workload';

async function main() {
  const connections = argNumber('connections', 8);
  const seconds = argNumber('seconds', 15);
  const warmupSeconds = argNumber('warmup', 3);
  const perKind = argNumber('per-kind', 40);
  const db = await openGeneratedDatabase();
  const stops: (() => Promise<void>)[] = [() => db.stop()];
  let replay: string | null = null;
  try {
    const host = await machine(db.ownerUrl);
    const main = ensureBuild();
    const teamleider = await pickTeamleider(db.ownerUrl);
    console.log(
      `B2: teamleider ${teamleider.email}, whose team is on the case team of ${teamleider.ledHouseholds} households, in a database of ${db.households} households`,
    );
    const items: WorkItem[] = B2_KINDS.flatMap((kind) =>
      Array.from({ length: perKind }, (_, i) => ({
        label: `B2 ${kind}`,
        email: teamleider.email,
        ...b2Request(kind, teamleider, i),
      })),
    );
    const env = { JWT_SECRET: randomBytes(32).toString('base64url'), ACCESS_TOKEN_TTL_SECONDS: '3600' };
    const captured = await captureWorkload(db, main, items, env);
    const summary = captureSummary(captured.items);
    console.log(captureTable(summary));
    replay = writeReplayFile('b2', captured.items);
    const app = await startApp({ db, main, env, label: 'b2' });
    stops.unshift(() => app.stop());
    const floor = await startFloor(db, replay);
    stops.unshift(() => floor.stop());
    const results: Comparison[] = [];
    for (const kind of B2_KINDS) {
      const label = `B2 ${kind}`;
      const indexes = captured.items.flatMap((item, k) => (item.label === label ? [k] : []));
      if (indexes.length === 0) continue;
      console.log(label);
      results.push(
        await compare({
          label: `${label} as teamleider`,
          items: indexes.map((k) => captured.items[k]),
          replayIndex: indexes,
          tokens: captured.tokens,
          appUrl: app.baseUrl,
          floorUrl: floor.baseUrl,
          connections,
          seconds,
          warmupSeconds,
        }),
      );
    }
    const after = uptime();
    console.log('');
    console.log(`Machine: ${host.cpuModel}, ${host.cores} cores, ${host.ramGiB} GiB, Node ${host.node}`);
    console.log(`PostgreSQL: ${host.postgres}`);
    console.log(`Before: ${results[0]?.loadBefore}\nAfter:  ${after}`);
    console.log(comparisonTable(results));
    console.log('Target (issue 14, region scale): p95 ≤ 50 ms for each.');
    console.log(
      `Saved to ${saveResult('b2', { host, teamleider: { ...teamleider, bsns: undefined }, capture: summary, results, after, dropped: captured.dropped })}`,
    );
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    if (replay) rmSync(replay, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
