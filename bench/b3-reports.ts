/**
 * B3 — the monitor reports (libs/reporting, GET /api/v1/reports/monitor and /monitor/themes) as beleidsmedewerker, over
 * the last twelve months, for Maastricht and (at region scale) a Heuvelland municipality; JSON and CSV.
 * One request at a time (a report is not a high-concurrency request), each measured several times, and
 * each report section's SQL (captured from the application) timed on its own as the floor.
 *
 *   npm run bench:b3 [-- --repeat 5] [--database-url URL]
 *
 * If there is no reporting library (libs/reporting) it says so and stops.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MUNICIPALITY_IDS } from '../libs/reference/src/reference-ids';
import { amsterdamToday } from '../scripts/generate/generator';
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
import { captureWorkload, WorkItem } from './support/workload';

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10) / 10;
  return { min: r(s[0]), median: r(s[Math.floor(s.length / 2)]), max: r(s[s.length - 1]) };
};

async function main() {
  if (!existsSync(join(ROOT, 'libs', 'reporting', 'src'))) {
    console.log('B3: there is no reporting library (libs/reporting) in this tree yet: nothing to measure.');
    return;
  }
  const repeat = argNumber('repeat', 5);
  const db = await openGeneratedDatabase();
  try {
    const host = await machine(db.ownerUrl);
    const main = ensureBuild();
    const to = amsterdamToday();
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
    const [{ email }] = await sql<{ email: string }>(
      db.ownerUrl,
      `SELECT email FROM user_account WHERE 'beleidsmedewerker' = ANY(roles) AND email LIKE '%@generated.gezinsplan.nl'
        ORDER BY email LIMIT 1`,
    );
    const counts = await sql<{ municipality_id: string; n: number }>(
      db.ownerUrl,
      `SELECT municipality_id, count(*)::int AS n FROM household GROUP BY 1 ORDER BY 2 DESC`,
    );
    // The generated beleidsmedewerker works for all six municipalities (a regional policy officer).
    const municipalities = [MUNICIPALITY_IDS.maastricht, MUNICIPALITY_IDS.eijsdenMargraten].filter((id) =>
      counts.some((c) => c.municipality_id === id),
    );
    // The monitor and its themes (quarterly development, bezwaren, SHV, spreekuur, signals, budget).
    const items: WorkItem[] = municipalities.flatMap((municipalityId) =>
      ['monitor', 'monitor/themes'].map((report) => ({
        label: `${report} ${municipalityId === MUNICIPALITY_IDS.maastricht ? 'Maastricht' : 'Eijsden-Margraten'}`,
        email,
        method: 'GET',
        path: `/api/v1/reports/${report}?municipalityId=${municipalityId}&from=${from}&to=${to}`,
      })),
    );
    const env = { JWT_SECRET: randomBytes(32).toString('base64url'), ACCESS_TOKEN_TTL_SECONDS: '3600' };
    const captured = await captureWorkload(db, main, items, env);
    if (captured.dropped.length) console.log(`Not 200: ${JSON.stringify(captured.dropped)}`);
    const app = await startApp({ db, main, env, label: 'b3' });
    const rows: { label: string; format: string; runs: number[]; households: number }[] = [];
    const floors: { label: string; statement: string; runs: number[] }[] = [];
    try {
      const token = (await login(app.baseUrl, email)).token;
      for (const item of captured.items) {
        const households = counts.find((c) => item.path.includes(c.municipality_id))?.n ?? 0;
        for (const format of ['json', 'csv']) {
          const runs: number[] = [];
          for (let i = 0; i < repeat; i++) {
            const res = await call(app.baseUrl, token, 'GET', `${item.path}&format=${format}`);
            if (res.status !== 200)
              throw new Error(
                `${item.label} ${format}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
              );
            runs.push(res.ms);
          }
          rows.push({ label: item.label, format, runs, households });
          console.log(`  ${item.label} (${format}): ${JSON.stringify(stats(runs))} ms`);
        }
      }
    } finally {
      await app.stop();
    }
    // The floor: each statement the report ran, on its own, as the application's role.
    const client = new Client({ connectionString: db.appUrl, application_name: 'gezinsplan-bench-floor' });
    await client.connect();
    try {
      for (const item of captured.items) {
        for (const statement of item.statements.filter((s) => /reporting_/.test(s.text))) {
          const runs: number[] = [];
          for (let i = 0; i < repeat; i++) {
            const started = performance.now();
            await client.query(statement.text, statement.params);
            runs.push(performance.now() - started);
          }
          const name = /(reporting_\w+)/.exec(statement.text)?.[1] ?? statement.text.slice(0, 60);
          floors.push({ label: item.label, statement: name, runs });
        }
      }
    } finally {
      await client.end();
    }
    console.log('');
    console.log(
      `Machine: ${host.cpuModel}, ${host.cores} cores, ${host.ramGiB} GiB, Node ${host.node}; ${uptime()}`,
    );
    console.log(`Period ${from} … ${to}, ${repeat} runs each, one request at a time`);
    console.log('| report | households | format | min ms | median ms | max ms |');
    console.log('| --- | ---: | --- | ---: | ---: | ---: |');
    for (const r of rows) {
      const s = stats(r.runs);
      console.log(`| ${r.label} | ${r.households} | ${r.format} | ${s.min} | ${s.median} | ${s.max} |`);
    }
    console.log('\n| report section (SQL function, floor) | for | min ms | median ms | max ms |');
    console.log('| --- | --- | ---: | ---: | ---: |');
    for (const f of floors) {
      const s = stats(f.runs);
      console.log(`| ${f.statement} | ${f.label} | ${s.min} | ${s.median} | ${s.max} |`);
    }
    console.log('Target (issue 14, region scale): ≤ 2 s each.');
    console.log(`Saved to ${saveResult('b3', { host, from, to, rows, floors })}`);
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
