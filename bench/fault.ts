/**
 * Fault run: a mixed load while the database misbehaves, then the invariants.
 *
 *   npm run bench:fault          (WORKERS=40 OUTAGE_SECONDS=10 by default)
 *
 * Timeline (seconds): 0-5 normal load; 5-8 every application connection is killed every 250 ms
 * (pg_terminate_backend, the "connection dies mid-request" fault); 8-11 normal; 11 PostgreSQL is
 * stopped for OUTAGE_SECONDS, then started again; the load goes on until 8 s after recovery. The app
 * is never restarted. Checked: answers during the faults are 5xx problem documents (503 with
 * Retry-After is what issue 13 asks), /health/ready says 503 while the database is down and 200 again
 * afterwards, every write that was answered 2xx is stored completely, no write is stored half, and
 * the processing-log hash chains are intact. Prints Markdown (also bench/results/fault.md); exits 1
 * when an invariant broke.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Answer, countBy, householdBody, percentile, sleep, startBenchApp } from './bench-kit';

// Twice the database pool size (20): requests also queue for a connection while the faults happen.
const WORKERS = Number(process.env.WORKERS ?? 40);
const OUTAGE_MS = Number(process.env.OUTAGE_SECONDS ?? 10) * 1000;
const STREET = 'Storingsweg';

type Phase = 'before' | 'killing connections' | 'between' | 'database stopped' | 'recovering' | 'after';

interface Sample extends Answer {
  at: number;
  phase: Phase;
  kind: 'read' | 'search' | 'write';
  houseNumber?: string;
}

async function main() {
  const b = await startBenchApp();
  // In production (apps/api/src/main.ts) nothing catches these: each one would end the API process.
  // Here they are counted, so the run can show what else happens.
  const crashes: string[] = [];
  process.on('uncaughtException', (error: Error & { code?: string }) => {
    crashes.push(`${error.name}${error.code ? ` ${error.code}` : ''}: ${error.message}`);
  });
  const samples: Sample[] = [];
  const health: { at: number; phase: Phase; status: number; retryAfter?: string }[] = [];
  let phase: Phase = 'before';
  let stop = false;
  let writes = 0;
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  try {
    const base = await b.call(
      'consulentWmo',
      'POST',
      '/api/v1/households',
      householdBody('Basisstraat', '1'),
    );
    if (base.status !== 201) throw new Error(`base household: ${base.status}`);
    const baseId: string = base.body.household.id;

    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const roll = (w * 31 + i * 17) % 10;
        let sample: Sample;
        if (roll < 4) {
          const houseNumber = `${w}-${i}`;
          writes++;
          const a = await b.call(
            'consulentWmo',
            'POST',
            '/api/v1/households',
            householdBody(STREET, houseNumber),
          );
          sample = { ...a, at: now(), phase, kind: 'write', houseNumber };
        } else if (roll < 8) {
          const a = await b.call('consulentWmo', 'GET', `/api/v1/households/${baseId}`);
          sample = { ...a, at: now(), phase, kind: 'read' };
        } else {
          const a = await b.call('consulentParticipatie', 'POST', '/api/v1/households/search', {
            street: 'Basis',
          });
          sample = { ...a, at: now(), phase, kind: 'search' };
        }
        samples.push(sample);
        if (sample.status === 0) await sleep(50); // connection refused: do not spin
      }
    };
    const probe = async () => {
      while (!stop) {
        const a = await b.call(null, 'GET', '/health/ready', undefined, 5000);
        health.push({ at: now(), phase, status: a.status, retryAfter: a.retryAfter });
        await sleep(250);
      }
    };
    const load = Promise.all([...Array.from({ length: WORKERS }, (_, w) => worker(w)), probe()]);

    await sleep(5000);
    phase = 'killing connections';
    const killer = new Client({ connectionString: b.ownerUrl });
    await killer.connect();
    let killed = 0;
    const killUntil = now() + 3000;
    while (now() < killUntil) {
      const { rowCount } = await killer.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'gezinsplan-api' AND pid <> pg_backend_pid()`,
      );
      killed += rowCount ?? 0;
      await sleep(250);
    }
    await killer.end();
    phase = 'between';
    await sleep(3000);

    phase = 'database stopped';
    const stoppedAt = now();
    await b.stopDatabase();
    await sleep(OUTAGE_MS);
    phase = 'recovering';
    await b.startDatabase();
    const startedAt = now();
    let readyAt: number | undefined;
    let firstWriteAt: number | undefined;
    while (now() - startedAt < 60_000 && (readyAt === undefined || firstWriteAt === undefined)) {
      await sleep(100);
      readyAt ??= health.find((h) => h.at > startedAt && h.status === 200)?.at;
      firstWriteAt ??= samples.find((s) => s.at > startedAt && s.kind === 'write' && s.status === 201)?.at;
    }
    phase = 'after';
    await sleep(8000);
    stop = true;
    await load;

    // ---------------------------------------------------------------- invariants
    const violations: string[] = [];
    const acknowledged = samples
      .filter((s) => s.kind === 'write' && s.status === 201)
      .map((s) => s.houseNumber!);
    const unanswered = samples
      .filter((s) => s.kind === 'write' && s.status !== 201)
      .map((s) => s.houseNumber!);
    const stored = await b.sql<{
      house_number: string;
      members: number;
      persons: number;
      regisseurs: number;
      logged: number;
    }>(
      `SELECT h.house_number,
              (SELECT count(*)::int FROM household_member m WHERE m.household_id = h.id) AS members,
              (SELECT count(DISTINCT m.person_id)::int FROM household_member m JOIN person p ON p.id = m.person_id
                WHERE m.household_id = h.id) AS persons,
              (SELECT count(*)::int FROM case_team_member c WHERE c.household_id = h.id AND c.case_role = 'regisseur'
                AND c.left_at IS NULL) AS regisseurs,
              (SELECT count(*)::int FROM processing_log l WHERE l.household_id = h.id::text AND l.action = 'create') AS logged
         FROM household h WHERE h.street = $1`,
      [STREET],
    );
    const byNumber = new Map(stored.map((s) => [s.house_number, s]));
    const lost = acknowledged.filter((n) => !byNumber.has(n));
    if (lost.length)
      violations.push(`${lost.length} acknowledged write(s) lost: ${lost.slice(0, 5).join(', ')}`);
    const half = stored.filter(
      (s) => s.members !== 2 || s.persons !== 2 || s.regisseurs !== 1 || s.logged !== 3,
    );
    if (half.length)
      violations.push(`${half.length} household(s) stored half: ${JSON.stringify(half.slice(0, 3))}`);
    const ambiguous = unanswered.filter((n) => byNumber.has(n)).length;
    const [orphans] = await b.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM person p WHERE NOT EXISTS (SELECT 1 FROM household_member m WHERE m.person_id = p.id)`,
    );
    if (orphans.n) violations.push(`${orphans.n} person(s) without a household`);
    if (crashes.length)
      violations.push(
        `${crashes.length} uncaught exception(s) in the API process (would end it in production): ${JSON.stringify(countBy(crashes, (c) => c))}`,
      );
    const chain = await verifyLog(b.ownerUrl);
    if (!chain.ok) violations.push(`processing log broken: ${JSON.stringify(chain)}`);

    const during = samples.filter((s) => s.phase === 'database stopped' || s.phase === 'killing connections');
    const serverErrors = during.filter((s) => s.status >= 500);
    const notProblem = serverErrors.filter((s) => !s.contentType.startsWith('application/problem+json'));
    if (notProblem.length)
      violations.push(`${notProblem.length} 5xx answers during the faults were not problem documents`);
    const hung = samples.filter((s) => s.status === 0 && /timeout/i.test(s.error ?? ''));
    if (hung.length) violations.push(`${hung.length} request(s) got no answer within 35 s`);
    const healthDown = health.filter((h) => h.phase === 'database stopped' && h.at > stoppedAt + 3000);
    if (healthDown.some((h) => h.status !== 503))
      violations.push(
        `/health/ready during the outage: ${JSON.stringify(countBy(healthDown, (h) => String(h.status)))}`,
      );
    if (readyAt === undefined)
      violations.push('/health/ready never came back to 200 (no recovery without a restart)');
    if (firstWriteAt === undefined) violations.push('no successful write after the database came back');
    const outage503 = samples.filter((s) => s.phase === 'database stopped' && s.status === 503);
    const outage5xx = samples.filter((s) => s.phase === 'database stopped' && s.status >= 500);
    const withRetryAfter = outage503.filter((s) => s.retryAfter).length;
    if (outage5xx.length && outage503.length < outage5xx.length)
      violations.push(
        `issue 13: ${outage5xx.length - outage503.length} of ${outage5xx.length} 5xx answers during the outage were not 503 (${JSON.stringify(countBy(outage5xx, (s) => `${s.status} ${s.body?.type ?? ''}`))})`,
      );
    if (outage503.length && withRetryAfter < outage503.length)
      violations.push(
        `issue 13: ${outage503.length - withRetryAfter} of ${outage503.length} 503 answers without Retry-After`,
      );

    const phases: Phase[] = [
      'before',
      'killing connections',
      'between',
      'database stopped',
      'recovering',
      'after',
    ];
    const report = [
      `Fault run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${WORKERS} workers (40% household creates, 40% dossier reads, 20% searches), ` +
        `${samples.length} requests, ${killed} application connections killed, PostgreSQL stopped for ${OUTAGE_MS / 1000} s.`,
      '',
      '| phase | requests | answers (status) | p50 ms | p99 ms |',
      '| --- | --- | --- | --- | --- |',
      ...phases.map((p) => {
        const s = samples.filter((x) => x.phase === p);
        const statuses = countBy(s, (x) =>
          x.status === 0 ? 'no answer' : `${x.status}${x.status >= 500 ? ` ${shortType(x.body?.type)}` : ''}`,
        );
        return `| ${p} | ${s.length} | ${Object.entries(statuses)
          .map(([k, n]) => `${k}: ${n}`)
          .join(', ')} | ${percentile(
          s.map((x) => x.ms),
          50,
        ).toFixed(0)} | ${percentile(
          s.map((x) => x.ms),
          99,
        ).toFixed(0)} |`;
      }),
      '',
      `- /health/ready while stopped: ${JSON.stringify(
        countBy(
          health.filter((h) => h.phase === 'database stopped'),
          (h) => String(h.status),
        ),
      )}; ` +
        `ready again ${readyAt !== undefined ? `${((readyAt - startedAt) / 1000).toFixed(1)} s` : 'never'} after PostgreSQL started, first successful write after ${firstWriteAt !== undefined ? `${((firstWriteAt - startedAt) / 1000).toFixed(1)} s` : 'never'} (no app restart).`,
      `- 503 with Retry-After during the outage: ${withRetryAfter} of ${outage5xx.length} 5xx answers.`,
      `- Writes: ${writes} sent, ${acknowledged.length} acknowledged (201) and all ${lost.length ? 'NOT ' : ''}stored completely; ` +
        `${unanswered.length} refused or unanswered, of which ${ambiguous} committed anyway (answer lost in the fault, stored completely); ${half.length} half-written; ${orphans.n} orphan persons.`,
      `- Processing-log hash chains: ${chain.ok ? `intact (${chain.rows} rows)` : 'BROKEN'}.`,
      '',
      violations.length
        ? `**Violations**:\n${violations.map((v) => `- ${v}`).join('\n')}`
        : 'All invariants hold.',
    ].join('\n');
    console.log(`\n${report}`);
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'fault.md'), report);
    return violations.length ? 1 : 0;
  } finally {
    stop = true;
    await b.close();
  }
}

function shortType(type: unknown) {
  return typeof type === 'string' ? type.replace('urn:gezinsplan:problem:', '') : '(no problem type)';
}

async function verifyLog(url: string) {
  const { DataSource } = await import('typeorm');
  const { verifyProcessingLog } = await import('../libs/audit/src/chain-verifier');
  const ds = new DataSource({ type: 'postgres', url, extra: { max: 1 } });
  await ds.initialize();
  try {
    return await verifyProcessingLog(ds);
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
