/**
 * Load run of issue 13: a mixed workload (70% reads, 30% writes, all through the API as the users who
 * would do them) at 50 concurrent connections for 2 minutes on the generated region database, then a
 * scan of the application's log output for personal data from that database.
 *
 *   npm run bench:load [-- --data-dir .data/bench-postgres] [--database-url URL]
 *   DURATION=20 CONNECTIONS=10 npm run bench:load        (a quick smoke run)
 *
 * Reads: dossiers as their regisseur, the regisseur's and the teamleider's worklists, household
 * search (name, postcode, BSN) as teamleider. Writes: plan goals (with If-Match, each connection on
 * its own households so they do not race each other), maatwerkbudget requests tied to those goals,
 * anonymous spreekuur contacts as financial coach. Records p50/p95/p99 and throughput per request
 * kind and overall. Fails (exit 1) on any 5xx or unanswered request, or on any BSN or name of the
 * dataset in the log. Prints Markdown, writes bench/results/load.md, saves .data/bench-results/load-*.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  argValue,
  ensureBuild,
  login,
  machine,
  openGeneratedDatabase,
  RunningApp,
  saveResult,
  sql,
  startApp,
} from './support/bench-env';
import { uptime } from './support/compare';
import { b2Request, B2Kind, pickRegisseurs, pickTeamleider } from './support/scenario';
import { scanLog } from './support/log-scan';

const SECONDS = Number(process.env.DURATION ?? argValue('seconds', '120'));
const CONNECTIONS = Number(process.env.CONNECTIONS ?? argValue('connections', '50'));
const REGISSEURS = 25;

type Kind =
  | 'dossier read'
  | 'worklist procedures (mine)'
  | 'worklist plans (regisseur)'
  | 'worklist procedures (team)'
  | 'search'
  | 'plan goal add'
  | 'budget request'
  | 'spreekuur contact';
const READS: Kind[] = [
  'dossier read',
  'worklist procedures (mine)',
  'worklist plans (regisseur)',
  'worklist procedures (team)',
  'search',
];
/** Out of 100: 70 reads, 30 writes. */
const MIX: [Kind, number][] = [
  ['dossier read', 35],
  ['worklist procedures (mine)', 10],
  ['worklist plans (regisseur)', 5],
  ['worklist procedures (team)', 5],
  ['search', 15],
  ['plan goal add', 14],
  ['budget request', 6],
  ['spreekuur contact', 10],
];

interface Sample {
  kind: Kind;
  status: number;
  ms: number;
  path: string;
  error?: string;
  type?: string;
}

interface Answer {
  status: number;
  ms: number;
  etag: string | null;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  error?: string;
}

async function send(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return {
      status: res.status,
      ms: performance.now() - started,
      etag: res.headers.get('etag'),
      body: parsed,
    };
  } catch (error) {
    return {
      status: 0,
      ms: performance.now() - started,
      etag: null,
      body: undefined,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const r1 = (n: number) => Math.round(n * 10) / 10;

function stats(samples: Sample[], seconds: number) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  return {
    requests: samples.length,
    rps: r1(samples.length / seconds),
    p50: r1(percentile(ms, 50)),
    p95: r1(percentile(ms, 95)),
    p99: r1(percentile(ms, 99)),
    max: r1(ms[ms.length - 1] ?? 0),
    statuses,
  };
}

async function main() {
  const db = await openGeneratedDatabase();
  let app: RunningApp | null = null;
  try {
    const host = await machine(db.ownerUrl);
    const loadBefore = uptime();
    const main = ensureBuild();
    const regisseurs = (await pickRegisseurs(db.ownerUrl, REGISSEURS)).filter((r) => r.households.length);
    const teamleider = await pickTeamleider(db.ownerUrl);
    const coaches = await sql<{ email: string; wijkservicepunt_id: string }>(
      db.ownerUrl,
      `SELECT u.email, l.wijkservicepunt_id FROM coach_location l JOIN user_account u ON u.id = l.user_id
        WHERE l.is_primary AND u.is_active ORDER BY u.email LIMIT 10`,
    ).catch(() =>
      sql<{ email: string; wijkservicepunt_id: string }>(
        db.ownerUrl,
        `SELECT u.email, l.wijkservicepunt_id FROM coach_location l JOIN user_account u ON u.id = l.user_id
          WHERE l.is_primary ORDER BY u.email LIMIT 10`,
      ),
    );
    if (!regisseurs.length || !coaches.length)
      throw new Error('no regisseurs or financial coaches in the data');
    const env = { JWT_SECRET: randomBytes(32).toString('base64url'), ACCESS_TOKEN_TTL_SECONDS: '3600' };
    app = await startApp({ db, main, env, label: 'load' });
    const baseUrl = app.baseUrl;
    const tokens: Record<string, string> = {};
    const userIds: Record<string, string> = {};
    for (const email of [
      ...regisseurs.map((r) => r.email),
      teamleider.email,
      ...coaches.map((c) => c.email),
    ]) {
      const session = await login(baseUrl, email);
      tokens[email] = session.token;
      userIds[email] = session.userId;
    }
    console.log(
      `Load run: ${CONNECTIONS} connections for ${SECONDS} s against ${db.households} households; ` +
        `${regisseurs.length} regisseurs, teamleider ${teamleider.email}, ${coaches.length} financial coaches`,
    );

    const samples: Sample[] = [];
    const record = (kind: Kind, path: string, a: Answer) =>
      samples.push({
        kind,
        status: a.status,
        ms: a.ms,
        path,
        error: a.error,
        type: a.status >= 400 ? (a.body?.type ?? a.body?.title) : undefined,
      });
    const deck = MIX.flatMap(([kind, n]) => Array<Kind>(n).fill(kind));
    const slots = Math.ceil(CONNECTIONS / regisseurs.length);
    let stop = false;

    const worker = async (w: number) => {
      const regisseur = regisseurs[w % regisseurs.length];
      // Each connection edits its own households: plan edits do not race each other (If-Match).
      const mine = regisseur.households.filter((_, j) => j % slots === Math.floor(w / regisseurs.length));
      const households = mine.length ? mine : regisseur.households;
      const token = tokens[regisseur.email];
      const etags = new Map<string, string>();
      const goals = new Map<string, string>();
      const coach = coaches[w % coaches.length];
      for (let i = 0; !stop; i++) {
        let kind = deck[(w * 37 + i * 53) % deck.length];
        // A budget request needs a plan goal of this connection's households to be tied to.
        if (kind === 'budget request' && goals.size === 0) kind = 'plan goal add';
        const household = households[(i * 7 + w) % households.length];
        if (kind === 'dossier read') {
          const path = `/api/v1/households/${household}`;
          record(kind, path, await send(baseUrl, token, 'GET', path));
        } else if (kind === 'worklist procedures (mine)' || kind === 'worklist plans (regisseur)') {
          const path = kind.includes('plans')
            ? '/api/v1/worklists/plans?scope=regisseur'
            : '/api/v1/worklists/procedures?scope=mine';
          record(kind, path, await send(baseUrl, token, 'GET', path));
        } else if (kind === 'worklist procedures (team)' || kind === 'search') {
          const b2: B2Kind =
            kind === 'search'
              ? (['search-name', 'search-postcode', 'search-bsn'] as const)[i % 3]
              : 'worklist-procedures';
          const req = b2Request(b2, teamleider, i + w);
          record(
            kind,
            req.path,
            await send(baseUrl, tokens[teamleider.email], req.method, req.path, req.body),
          );
        } else if (kind === 'plan goal add') {
          const planPath = `/api/v1/households/${household}/plan`;
          if (!etags.has(household)) {
            const plan = await send(baseUrl, token, 'GET', planPath);
            if (plan.etag) etags.set(household, plan.etag);
          }
          const path = `${planPath}/goals`;
          const a = await send(
            baseUrl,
            token,
            'POST',
            path,
            {
              lifeDomain: i % 2 ? 'wonen' : 'financien',
              description: `Belastingproef ${w}-${i}: vaste lasten op orde`,
              owner: { type: 'professional', id: userIds[regisseur.email] },
              targetDate: '2027-06-01',
            },
            etags.has(household) ? { 'If-Match': etags.get(household)! } : {},
          );
          record(kind, path, a);
          if (a.etag) etags.set(household, a.etag);
          else etags.delete(household);
          const added = a.body?.version?.goals as { id: string }[] | undefined;
          if (added?.length) goals.set(household, added[added.length - 1].id);
        } else if (kind === 'budget request') {
          const withGoal = [...goals.keys()];
          const target = withGoal[i % withGoal.length];
          const path = `/api/v1/households/${target}/budget-requests`;
          const a = await send(baseUrl, token, 'POST', path, {
            amount: String(50 + (i % 40) * 5) + '.00',
            goalIds: [goals.get(target)],
            justification: 'Belastingproef: kleine aanschaf die het plan ondersteunt.',
            replacedSchemes: ['bijzondere-bijstand'],
            payee: { name: 'Kringloopwinkel Maastricht', iban: 'NL91 ABNA 0417 1643 00' },
            wantedOn: '2026-12-15',
          });
          record(kind, path, a);
        } else {
          const path = '/api/v1/outreach/spreekuur/contacts';
          const a = await send(baseUrl, tokens[coach.email], 'POST', path, {
            topics: [(['budget', 'schulden', 'regelingen'] as const)[i % 3]],
            wijkservicepuntId: coach.wijkservicepunt_id,
          });
          record(kind, path, a);
        }
      }
    };

    const started = performance.now();
    const workers = Array.from({ length: CONNECTIONS }, (_, w) => worker(w));
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    stop = true;
    await Promise.all(workers);
    const elapsed = (performance.now() - started) / 1000;
    const loadAfter = uptime();
    const logFile = app.logFile;
    await app.stop();
    app = null;

    // ───────────── personal data in the log ─────────────
    const people = await sql<{ bsn: string | null; given_names: string | null; family_name: string | null }>(
      db.ownerUrl,
      `SELECT bsn, given_names, family_name FROM person`,
    );
    const log = readFileSync(logFile, 'utf8');
    // The scanner must find what it looks for: a line with a BSN and a name of the dataset.
    const probe = people.find((p) => p.bsn && p.family_name && /^\p{Lu}/u.test(p.family_name));
    if (probe && scanLog(`{"msg":"x ${probe.bsn} ${probe.family_name}"}`, people).hits.length < 2)
      throw new Error('the log scan does not find a BSN and a name it was given');
    const scan = scanLog(log, people);

    // ───────────── report ─────────────
    const kinds = MIX.map(([k]) => k);
    const overall = stats(samples, elapsed);
    const reads = stats(
      samples.filter((s) => READS.includes(s.kind)),
      elapsed,
    );
    const writes = stats(
      samples.filter((s) => !READS.includes(s.kind)),
      elapsed,
    );
    const failures = samples.filter((s) => s.status === 0 || s.status >= 500);
    const row = (label: string, s: ReturnType<typeof stats>) =>
      `| ${label} | ${s.requests} | ${s.rps} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${Object.entries(
        s.statuses,
      )
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ')} |`;
    const refused = samples.filter((s) => s.status >= 400 && s.status < 500);
    const refusedBy: Record<string, number> = {};
    for (const s of refused) {
      const key = `${s.kind} ${s.status} ${String(s.type ?? '').replace('urn:gezinsplan:problem:', '')}`;
      refusedBy[key] = (refusedBy[key] ?? 0) + 1;
    }
    const report = [
      `Load run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: \`npm run bench:load\`, ` +
        `${CONNECTIONS} connections for ${Math.round(elapsed)} s, generated database of ${db.households} households and ${people.length} persons.`,
      '',
      `Machine: ${host.cpuModel}, ${host.cores} cores, ${host.ramGiB} GiB, Node ${host.node}; ${host.postgres.split(',')[0]} ` +
        '(embedded, fsync=off); the app built as production runs it (`NODE_ENV=production`, `LOG_LEVEL=info`), load generator on the same machine.',
      `Before: ${loadBefore}`,
      `After:  ${loadAfter}`,
      '',
      '| request | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | statuses |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...kinds.map((k) =>
        row(
          k,
          stats(
            samples.filter((s) => s.kind === k),
            elapsed,
          ),
        ),
      ),
      row(`**reads** (${Math.round((reads.requests / Math.max(1, overall.requests)) * 100)}%)`, reads),
      row(`**writes** (${Math.round((writes.requests / Math.max(1, overall.requests)) * 100)}%)`, writes),
      row('**all**', overall),
      '',
      refused.length
        ? `4xx answers (refused by the rules, not failures): ${Object.entries(refusedBy)
            .map(([k, n]) => `${k.trim()}: ${n}`)
            .join('; ')}.`
        : 'No 4xx answers.',
      failures.length
        ? `**${failures.length} 5xx or unanswered requests**: ${JSON.stringify(
            failures
              .slice(0, 20)
              .map((f) => ({ kind: f.kind, status: f.status, path: f.path, type: f.type, error: f.error })),
          )}`
        : '**Zero 5xx** and every request answered.',
      '',
      `Log scan: ${scan.lines} log lines (${Math.round(log.length / 1024)} KiB) checked for the ${scan.bsns} BSNs and ` +
        `${scan.names} distinct given and family names of the database: ${scan.hits.length ? `**${scan.hits.length} hit(s)**: ${JSON.stringify(scan.hits.slice(0, 20))}` : '**no hits**'}.`,
    ].join('\n');
    console.log(`\n${report}`);
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'load.md'), `${report}\n`);
    console.log(
      `Saved to ${saveResult('load', { host, loadBefore, loadAfter, overall, reads, writes, failures, scan })}`,
    );
    return failures.length || scan.hits.length ? 1 : 0;
  } finally {
    await app?.stop().catch(() => undefined);
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
