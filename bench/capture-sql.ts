/**
 * Shows the SQL the application runs for one request of each benchmarked kind (B1 dossier read, the
 * B2 searches and worklists): every statement with its duration, row count and (shortened)
 * parameters, captured from node-postgres in the application's own process. Use it to see where a
 * request's time goes and to pick statements for EXPLAIN ANALYZE.
 *
 *   npm run bench:capture [-- --explain 3] [--database-url URL]
 *
 * With --explain N it also runs EXPLAIN (ANALYZE, BUFFERS) for the N slowest statements of each
 * request, as the application's role and with the captured parameters (long id lists shortened in
 * the printout).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { argNumber, ensureBuild, openGeneratedDatabase, saveResult } from './support/bench-env';
import { B2_KINDS, b2Request, pickRegisseurs, pickTeamleider } from './support/scenario';
import { captureSummary, captureTable, captureWorkload, WorkItem } from './support/workload';

async function main() {
  const db = await openGeneratedDatabase();
  try {
    const [regisseur] = await pickRegisseurs(db.ownerUrl, 1);
    const teamleider = await pickTeamleider(db.ownerUrl);
    const items: WorkItem[] = [
      {
        label: 'B1 dossier',
        email: regisseur.email,
        method: 'GET',
        path: `/api/v1/households/${regisseur.households[0]}`,
      },
      ...B2_KINDS.map((kind, i) => ({
        label: `B2 ${kind}`,
        email: teamleider.email,
        ...b2Request(kind, teamleider, i),
      })),
    ];
    const env = { JWT_SECRET: randomBytes(32).toString('base64url') };
    const captured = await captureWorkload(db, ensureBuild(), items, env);
    console.log(captureTable(captureSummary(captured.items)));
    for (const item of captured.items) {
      console.log(`\n## ${item.label}: ${item.method} ${item.path} (${item.statements.length} statements)`);
      item.statements.forEach((q, i) => {
        const params = JSON.stringify(q.params);
        console.log(
          `${String(i).padStart(2)} ${q.ms.toFixed(2).padStart(7)} ms ${String(q.rows ?? '-').padStart(5)} rows  ${q.text
            .replace(/\s+/g, ' ')
            .slice(
              0,
              400,
            )}\n${''.padStart(22)}params ${params.length > 200 ? `${params.slice(0, 200)}… (${q.params.length})` : params}`,
        );
      });
    }
    const explain = argNumber('explain', 0);
    if (explain > 0) {
      const client = new Client({
        connectionString: db.appUrl,
        application_name: 'gezinsplan-bench-explain',
      });
      await client.connect();
      try {
        for (const item of captured.items) {
          const slowest = [...item.statements.entries()]
            .filter(([, q]) => /^\s*(SELECT|INSERT|UPDATE|WITH)/i.test(q.text))
            .sort((a, b) => b[1].ms - a[1].ms)
            .slice(0, explain);
          for (const [i, q] of slowest) {
            console.log(`\n### ${item.label}, statement ${i} (${q.ms.toFixed(2)} ms when captured)`);
            console.log(shorten(q.text.replace(/\s+/g, ' ')).slice(0, 1200));
            await client.query('BEGIN');
            try {
              const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.text}`, q.params);
              for (const row of plan.rows) console.log(shorten(String(row['QUERY PLAN'])));
            } finally {
              await client.query('ROLLBACK'); // EXPLAIN ANALYZE of an INSERT really inserts
            }
          }
        }
      } finally {
        await client.end();
      }
    }
    console.log(`\nSaved to ${saveResult('sql-capture', captured.items)}`);
  } finally {
    await db.stop();
  }
}

/** Long lists of ids or placeholders, shortened for reading. */
function shorten(text: string): string {
  return text
    .replace(/(\$\d+, ){8,}\$\d+/g, (m) => `$…(${m.split(',').length} placeholders)`)
    .replace(/\{([0-9a-f-]{36},){8,}[0-9a-f-]{36}\}/g, (m) => `{…${m.split(',').length} ids}`)
    .replace(
      /('[0-9a-f-]{36}'(::uuid)?, ){8,}'[0-9a-f-]{36}'(::uuid)?/g,
      (m) => `…${m.split(',').length} ids`,
    );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
