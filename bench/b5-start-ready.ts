/**
 * B5 — start to ready: from spawning the production build (node .data/bench-build/apps/api/src/main.js,
 * what `npm start` runs from dist/) to the first 200 of GET /health/ready, against the running generated
 * database (so without the embedded database's own start; migrations are already applied, as on any
 * restart). Repeated --repeat times; also once through ts-node from the sources, for comparison.
 *
 *   npm run bench:b5 [-- --repeat 5] [--database-url URL]
 */
import { randomBytes } from 'node:crypto';
import {
  argNumber,
  ensureBuild,
  machine,
  openGeneratedDatabase,
  saveResult,
  startApp,
} from './support/bench-env';
import { uptime } from './support/compare';

async function main() {
  const repeat = argNumber('repeat', 5);
  const db = await openGeneratedDatabase();
  try {
    const host = await machine(db.ownerUrl);
    const main = ensureBuild();
    if (!main) throw new Error('B5 needs the production build; the tree does not compile right now.');
    const env = { JWT_SECRET: randomBytes(32).toString('base64url') };
    const built: number[] = [];
    const loadBefore = uptime();
    for (let i = 0; i < repeat; i++) {
      const app = await startApp({ db, main, env, label: 'b5' });
      built.push(Math.round(app.readyMs));
      await app.stop();
      console.log(`  build, run ${i + 1}: ${Math.round(app.readyMs)} ms`);
    }
    const source = await startApp({ db, main: null, env, label: 'b5-ts-node' });
    const tsNode = Math.round(source.readyMs);
    await source.stop();
    console.log(`  ts-node from the sources: ${tsNode} ms`);
    const sorted = [...built].sort((a, b) => a - b);
    console.log('');
    console.log(`Machine: ${host.cpuModel}, ${host.cores} cores, ${host.ramGiB} GiB, Node ${host.node}`);
    console.log(`Before: ${loadBefore}\nAfter:  ${uptime()}`);
    console.log('| start | runs | min ms | median ms | max ms |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    console.log(
      `| node main.js (build), spawn → /health/ready 200 | ${built.length} | ${sorted[0]} | ${sorted[Math.floor(sorted.length / 2)]} | ${sorted[sorted.length - 1]} |`,
    );
    console.log(`| ts-node from the sources (development) | 1 | ${tsNode} | ${tsNode} | ${tsNode} |`);
    console.log('Target (issue 14): ≤ 5 s excluding the embedded database start.');
    console.log(`Saved to ${saveResult('b5', { host, built, tsNode })}`);
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
