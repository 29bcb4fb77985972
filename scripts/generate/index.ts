/**
 * Synthetic city- and region-scale data with the distributions of the Monitor Toekomstagenda Sociaal
 * Domein 2018 (issue 14). Deterministic: the same --seed, --scale and --today give the same data.
 *
 *   npm run generate -- --scale demo|city|region [--seed N] [--database-url URL] [--today YYYY-MM-DD]
 *                       [--households N] [--recreate] [--dry-run] [--keep-foreign-keys] [--json]
 *                       [--data-dir .data/bench-postgres]
 *
 * Without --database-url (or DATABASE_URL) it starts the embedded PostgreSQL in .data/bench-postgres
 * (or --data-dir),
 * so the demo data in .data/postgres stays as it is; generating again there replaces the data. Every
 * generated account (…@generated.gezinsplan.nl) has the demo password, or GENERATE_PASSWORD.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { openTarget } from './database';
import { amsterdamToday, runGenerator } from './generator';
import { SCALES, ScaleName } from './monitor';

interface Args {
  scale: ScaleName;
  seed: number;
  databaseUrl?: string;
  dataDir?: string;
  today: string;
  households?: number;
  recreate: boolean;
  dryRun: boolean;
  keepForeignKeys: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i === -1) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value`);
    return v;
  };
  const flag = (name: string) => argv.includes(`--${name}`);
  const known = new Set([
    'scale',
    'seed',
    'database-url',
    'today',
    'households',
    'recreate',
    'dry-run',
    'json',
    'keep-foreign-keys',
    'data-dir',
  ]);
  for (const arg of argv) {
    if (arg.startsWith('--') && !known.has(arg.slice(2))) throw new Error(`unknown option ${arg}`);
  }
  const scale = (value('scale') ?? 'demo') as ScaleName;
  if (!SCALES[scale]) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const seed = Number(value('seed') ?? 2018);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  const today = value('today') ?? amsterdamToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('--today must be YYYY-MM-DD');
  const households = value('households') === undefined ? undefined : Number(value('households'));
  if (households !== undefined && !(Number.isInteger(households) && households > 0)) {
    throw new Error('--households must be a positive integer');
  }
  return {
    scale,
    seed,
    databaseUrl: value('database-url') ?? process.env.DATABASE_URL,
    dataDir: value('data-dir'),
    today,
    households,
    // The bench server is ours: generating again there simply replaces the data.
    recreate: flag('recreate'),
    dryRun: flag('dry-run'),
    keepForeignKeys: flag('keep-foreign-keys'),
    json: flag('json'),
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const target = await openTarget(args.databaseUrl, args.dataDir ? resolve(args.dataDir) : undefined);
  const startMs = performance.now() - started;
  const redacted = target.url.replace(/\/\/([^:]+):[^@]*@/, '//$1:***@');
  console.log(
    `Generating scale ${args.scale} (seed ${args.seed}, today ${args.today}) into ${redacted}` +
      (target.embedded ? ` (embedded, ${args.dataDir ?? '.data/bench-postgres'})` : ''),
  );
  try {
    const result = await runGenerator({
      scale: args.scale,
      seed: args.seed,
      databaseUrl: target.url,
      today: args.today,
      households: args.households,
      recreate: args.recreate || target.embedded !== undefined,
      dryRun: args.dryRun,
      keepForeignKeys: args.keepForeignKeys,
      password: process.env.GENERATE_PASSWORD,
      log: (line) => console.log(line),
    });
    const s = result.summary;
    if (args.json) {
      console.log(JSON.stringify({ ...result, embeddedStartMs: startMs }, null, 2));
      return;
    }
    console.log('');
    console.log(`Households          ${fmt(s.households)} (target ${fmt(s.targets.households)})`);
    console.log(`Persons             ${fmt(s.persons)}`);
    console.log(`Unique clients      ${fmt(s.clients)} (target ${fmt(s.targets.clients)})`);
    console.log(
      `Samenloop           ${fmt(s.samenloopHouseholds)} households = ${pct(s.samenloopShare)} (monitor 24%)`,
    );
    for (const [pillar, n] of Object.entries(s.clientsPerPillar)) {
      const target = s.targets.clientsPerPillar[pillar as keyof typeof s.clientsPerPillar];
      console.log(
        `  ${pillar.padEnd(13)} clients ${fmt(n).padStart(8)} (target ${fmt(target)}), households ${fmt(
          s.householdsPerPillar[pillar as keyof typeof s.householdsPerPillar],
        )}`,
      );
    }
    console.log(`50-gezinnen cohort  ${fmt(s.households50)}; staff ${fmt(s.staff)} accounts`);
    console.log(`First BSNs          ${s.firstBsns.join(', ')}`);
    console.log('Clients per 100 inhabitants of the reference data (monitor: ratios, see monitor.ts):');
    for (const n of s.neighbourhoods)
      console.log(`  ${n.name.padEnd(24)} ${String(n.perHundred).padStart(5)}`);
    console.log('Clients per age band (share of the assumed population):');
    for (const b of s.ageBands) {
      console.log(
        `  ${b.band.padEnd(6)} ${fmt(b.clients).padStart(8)}  ${pct(b.impliedShare)}${b.monitorShare ? ` (monitor ${pct(b.monitorShare)})` : ''}`,
      );
    }
    console.log('Rows:');
    for (const [table, n] of Object.entries(s.rows))
      if (n > 0) console.log(`  ${table.padEnd(28)} ${fmt(n).padStart(10)}`);
    const m = result.ms;
    console.log(
      `Time: embedded start ${Math.round(startMs)} ms, migrations ${Math.round(m.migrations)} ms, generate ${Math.round(
        m.generate,
      )} ms, load ${Math.round(m.load)} ms, vacuum analyze ${Math.round(m.vacuum)} ms; total ${Math.round(
        performance.now() - started,
      )} ms`,
    );
    console.log(
      `Accounts: …@generated.gezinsplan.nl, password ${process.env.GENERATE_PASSWORD ? '$GENERATE_PASSWORD' : 'the demo password'}`,
    );
  } finally {
    await target.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
