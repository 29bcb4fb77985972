/**
 * B4 — a 10,000-line vroegsignalering CSV import (POST /api/v1/outreach/signals/imports, text/csv) as
 * financial coach, into the generated database. The file is deterministic: ~60% residents known to
 * the system (their BSN and address), ~35% unknown residents, ~3% lines repeated within the file and
 * ~2% invalid lines; every run uses creditor names of its own, so its signals are new (no line is a
 * duplicate of an earlier run). One request at a time, --repeat times.
 *
 *   npm run bench:b4 [-- --lines 10000 --repeat 3] [--database-url URL]
 *
 * If the outreach library has no import endpoint it says so and stops.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MUNICIPALITY_IDS } from '../libs/reference/src/reference-ids';
import { BsnAllocator } from '../scripts/generate/bsn';
import { amsterdamToday } from '../scripts/generate/generator';
import { Random } from '../scripts/generate/random';
import {
  argNumber,
  call,
  ensureBuild,
  login,
  machine,
  openGeneratedDatabase,
  ROOT,
  saveResult,
  sql,
  startApp,
} from './support/bench-env';
import { uptime } from './support/compare';

const HEADER =
  'schuldeiser_type;schuldeiser;bsn;postcode;huisnummer;achterstand_bedrag;achterstand_maanden;ontvangen_op;kenmerk;dreiging';
const TYPES = ['huur', 'energie', 'water', 'zorgverzekering'] as const;

export function signalCsv(
  lines: number,
  run: number,
  today: string,
  residents: { bsn: string; postcode: string; house_number: string }[],
): string {
  const r = Random.stream(run, 'b4-signals');
  const bsns = new BsnAllocator(900_000 + run);
  const out = [HEADER];
  const day = (offset: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10);
  const previous: string[] = [];
  for (let i = 0; out.length <= lines; i++) {
    const roll = r.next();
    if (roll < 0.03 && previous.length) {
      out.push(r.pick(previous)); // the same signal twice in one file
      continue;
    }
    const type = r.pick(TYPES);
    const creditor = `Bench ${type} ${run}-${r.int(1, 4)} (fictief)`;
    const known = roll < 0.63 && residents.length > 0;
    const resident = known ? r.pick(residents) : null;
    const bsn = resident?.bsn ?? bsns.next();
    const postcode =
      resident?.postcode ?? `62${r.int(11, 29)}${String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25))}`;
    const house = resident?.house_number ?? String(r.int(1, 200));
    const invalid = roll > 0.98;
    const line = [
      type,
      creditor,
      invalid ? bsn.replace(/.$/, (d) => String((Number(d) + 1) % 10)) : bsn, // breaks the elfproef
      postcode,
      house,
      `${r.int(50, 4_000)},${String(r.int(0, 99)).padStart(2, '0')}`,
      String(r.int(1, 6)),
      day(r.int(0, 150)),
      `K${run}-${i}`,
      r.chance(0.08) ? 'ja' : 'nee',
    ].join(';');
    previous.push(line);
    if (previous.length > 200) previous.shift();
    out.push(line);
  }
  return out.join('\n') + '\n';
}

async function main() {
  if (!existsSync(join(ROOT, 'libs', 'outreach', 'src', 'signals', 'signal-import.controller.ts'))) {
    console.log('B4: the outreach library has no signal import endpoint in this tree: nothing to measure.');
    return;
  }
  const lines = argNumber('lines', 10_000);
  const repeat = argNumber('repeat', 3);
  const db = await openGeneratedDatabase();
  try {
    const host = await machine(db.ownerUrl);
    const main = ensureBuild();
    const today = amsterdamToday();
    const [{ email }] = await sql<{ email: string }>(
      db.ownerUrl,
      `SELECT email FROM user_account WHERE 'financial-coach' = ANY(roles) AND email LIKE '%@generated.gezinsplan.nl'
        ORDER BY email LIMIT 1`,
    );
    const residents = await sql<{ bsn: string; postcode: string; house_number: string }>(
      db.ownerUrl,
      `SELECT p.bsn, h.postcode, h.house_number FROM person p
         JOIN household_member m ON m.person_id = p.id AND m.left_on IS NULL
         JOIN household h ON h.id = m.household_id AND h.municipality_id = $1 AND h.status = 'active'
        WHERE p.bsn IS NOT NULL AND p.birth_date < now() - interval '18 years'
        ORDER BY md5(p.bsn) LIMIT 8000`,
      [MUNICIPALITY_IDS.maastricht],
    );
    const [{ before }] = await sql<{ before: number }>(
      db.ownerUrl,
      `SELECT count(*)::int AS before FROM arrears_signal`,
    );
    const env = { JWT_SECRET: randomBytes(32).toString('base64url') };
    const app = await startApp({ db, main, env, label: 'b4' });
    const runs: { run: number; ms: number; status: number; bytes: number; report: Record<string, number> }[] =
      [];
    const loadBefore = uptime();
    try {
      const token = (await login(app.baseUrl, email)).token;
      // Distinct runs per invocation: the signals of an earlier invocation are not duplicates of these.
      const base = before * 10;
      for (let i = 0; i < repeat; i++) {
        const csv = signalCsv(lines, base + i, today, residents);
        const res = await call(
          app.baseUrl,
          token,
          'POST',
          `/api/v1/outreach/signals/imports?municipalityId=${MUNICIPALITY_IDS.maastricht}`,
          csv,
        );
        const body = res.body as Record<string, number>;
        const report = {
          lines: body.lines,
          accepted: body.accepted,
          duplicates: body.duplicates,
          invalid: body.invalid,
        };
        runs.push({ run: i + 1, ms: Math.round(res.ms), status: res.status, bytes: csv.length, report });
        console.log(`  run ${i + 1}: ${res.status} in ${Math.round(res.ms)} ms, ${JSON.stringify(report)}`);
      }
    } finally {
      await app.stop();
    }
    const [{ after }] = await sql<{ after: number }>(
      db.ownerUrl,
      `SELECT count(*)::int AS after FROM arrears_signal`,
    );
    console.log('');
    console.log(`Machine: ${host.cpuModel}, ${host.cores} cores, ${host.ramGiB} GiB, Node ${host.node}`);
    console.log(`Before: ${loadBefore}\nAfter:  ${uptime()}`);
    console.log(`Signals in the database: ${before} before, ${after} after`);
    console.log('| run | lines | bytes | HTTP status | ms | accepted | duplicates | invalid |');
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of runs) {
      console.log(
        `| ${r.run} | ${r.report.lines} | ${r.bytes} | ${r.status} | ${r.ms} | ${r.report.accepted} | ${r.report.duplicates} | ${r.report.invalid} |`,
      );
    }
    console.log('Target (issue 14, region scale): ≤ 10 s.');
    console.log(`Saved to ${saveResult('b4', { host, runs, before, after })}`);
  } finally {
    await db.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
