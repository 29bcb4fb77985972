/**
 * Concurrency run: many parallel writes on the same household, then the invariants.
 *
 *   npm run bench:concurrency            (ROUNDS=5 PARALLEL=40 RACE=40 by default)
 *
 * Starts its own embedded PostgreSQL and the app as production builds it, on a real port. Each
 * scenario fires its requests at once (PARALLEL reads, RACE writes: real sockets through undici),
 * ROUNDS times, and checks afterwards in SQL what must hold whatever the interleaving. After every
 * round it checks that the app still answers; if not, it reports what the pool is doing and kills the
 * app's database connections to go on. Prints a
 * Markdown report (also written to bench/results/concurrency.md) and exits 1 when an invariant broke.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Answer,
  BenchApp,
  countBy,
  householdBody,
  KBL,
  nextBsn,
  SOCIAAL_TEAM_3,
  startBenchApp,
} from './bench-kit';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const PARALLEL = Number(process.env.PARALLEL ?? 40);
/** The write races run at twice the database pool size (20): requests also queue for a connection. */
const RACE = Math.min(PARALLEL, Number(process.env.RACE ?? 40));

interface Outcome {
  scenario: string;
  requests: number;
  statuses: Record<string, number>;
  violations: string[];
  note: string;
}

async function main() {
  const started = Date.now();
  const b = await startBenchApp();
  const outcomes: Outcome[] = [];
  try {
    const only = process.env.SCENARIOS?.split(',').map(Number);
    for (const [index, scenario] of SCENARIOS.entries()) {
      if (only && !only.includes(index + 1)) continue;
      const scenarioStarted = Date.now();
      const answers: Answer[] = [];
      const violations: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const result = await scenario.run(b, round).catch((error: unknown) => ({
          answers: [] as Answer[],
          violations: [`could not run: ${error instanceof Error ? error.message : String(error)}`],
        }));
        answers.push(...result.answers);
        violations.push(...result.violations.map((v) => `round ${round + 1}: ${v}`));
        const bad = result.answers.filter((a) => a.status >= 500 || a.status === 0);
        const wedged = await unwedge(b);
        if (wedged) violations.push(`round ${round + 1}: ${wedged}`);
        if (bad.length)
          violations.push(
            `round ${round + 1}: ${bad.length} answer(s) 5xx/none: ${JSON.stringify(bad[0].body ?? bad[0].error)}`,
          );
      }
      outcomes.push({
        scenario: scenario.name,
        requests: answers.length,
        statuses: countBy(answers, (a) => String(a.status)),
        violations,
        note: scenario.invariant,
      });
      console.log(
        `${scenario.name}: ${violations.length ? `${violations.length} violation(s): ${violations.join('; ')}` : 'ok'} (${((Date.now() - scenarioStarted) / 1000).toFixed(1)} s)`,
      );
    }
    const chain = await verifyLog(b);
    const report = render(outcomes, chain, (Date.now() - started) / 1000);
    console.log(`\n${report}`);
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'concurrency.md'), report);
    return outcomes.some((o) => o.violations.length) || !chain.ok ? 1 : 0;
  } finally {
    await b.close();
  }
}

interface Scenario {
  name: string;
  invariant: string;
  run(b: BenchApp, round: number): Promise<{ answers: Answer[]; violations: string[] }>;
}

const all = <T>(n: number, f: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => f(i)));

async function newHousehold(b: BenchApp, label: string, team: (keyof BenchApp['userIds'])[] = []) {
  const created = await b.call(
    'consulentWmo',
    'POST',
    '/api/v1/households',
    householdBody(`Gelijktijdig ${label}`, '1'),
  );
  if (created.status !== 201)
    throw new Error(`create household: ${created.status} ${created.error ?? JSON.stringify(created.body)}`);
  const id: string = created.body.household.id;
  for (const user of team) {
    const res = await b.call('consulentWmo', 'POST', `/api/v1/households/${id}/case-team`, {
      userId: b.userIds[user],
      caseRole: 'contributor',
    });
    if (res.status !== 201) throw new Error(`add ${user}: ${res.status}`);
  }
  return { id, dossier: created.body };
}

const TEAM = [
  'consulentJeugd',
  'consulentParticipatie',
  'sociaalTeamMedewerker',
  'schuldhulpverlener',
  'financialCoach',
] as const;

const SCENARIOS: Scenario[] = [
  {
    name: 'Parallel dossier reads (above the pool size)',
    invariant: 'every read answered 200 within 10 s; the app keeps answering afterwards',
    async run(b, round) {
      const { id } = await newHousehold(b, `lezen ${round}`, ['consulentJeugd']);
      const answers = await all(PARALLEL, (i) =>
        b.call(
          i % 2 ? 'consulentWmo' : 'consulentJeugd',
          'GET',
          `/api/v1/households/${id}`,
          undefined,
          10_000,
        ),
      );
      const violations: string[] = [];
      const other = answers.filter((a) => a.status !== 200);
      if (other.length)
        violations.push(
          `answers ${JSON.stringify(countBy(other, (a) => (a.status ? String(a.status) : 'no answer')))}`,
        );
      return { answers, violations };
    },
  },
  {
    name: 'Parallel case-team additions (above the pool size)',
    invariant: 'every request answered (201 once, 409 for the rest) within 10 s; the app keeps answering',
    async run(b, round) {
      const { id } = await newHousehold(b, `boven pool ${round}`);
      const answers = await all(PARALLEL, () =>
        b.call(
          'consulentWmo',
          'POST',
          `/api/v1/households/${id}/case-team`,
          { userId: b.userIds.consulentParticipatie, caseRole: 'contributor' },
          10_000,
        ),
      );
      const violations: string[] = [];
      const other = answers.filter((a) => a.status !== 201 && a.status !== 409);
      if (other.length)
        violations.push(
          `answers ${JSON.stringify(countBy(other, (a) => (a.status ? String(a.status) : 'no answer')))}`,
        );
      return { answers, violations };
    },
  },
  {
    name: 'Regisseur hand-over race',
    invariant:
      'every answer 204 or 409; exactly one active regisseur; no one twice on the team; team size unchanged; one log row per successful hand-over',
    async run(b, round) {
      const { id } = await newHousehold(b, `overdracht ${round}`, [...TEAM]);
      const members = ['consulentWmo', ...TEAM] as const;
      const answers = await all(RACE, (i) => {
        const from = members[i % members.length];
        const to = members[(i * 7 + round + 1) % members.length];
        return b.call(from, 'POST', `/api/v1/households/${id}/regisseur`, { userId: b.userIds[to] });
      });
      const violations: string[] = [];
      const unexpected = answers.filter((a) => ![204, 409].includes(a.status));
      if (unexpected.length)
        violations.push(`answers ${JSON.stringify(countBy(unexpected, (a) => String(a.status)))}`);
      const [team] = await b.sql<{ regisseurs: number; active: number; users: number }>(
        `SELECT count(*) FILTER (WHERE case_role = 'regisseur')::int AS regisseurs, count(*)::int AS active,
                count(DISTINCT user_id)::int AS users
           FROM case_team_member WHERE household_id = $1 AND left_at IS NULL`,
        [id],
      );
      if (team.regisseurs !== 1) violations.push(`${team.regisseurs} active regisseurs`);
      if (team.active !== members.length || team.users !== members.length)
        violations.push(`team of ${team.active} rows / ${team.users} users, expected ${members.length}`);
      const ok = answers.filter((a) => a.status === 204).length;
      const [log] = await b.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM access_audit WHERE household_id = $1 AND action = 'update'
           AND resource_type = 'CaseTeamMember' AND outcome = 'allowed'`,
        [id],
      );
      if (log.n !== ok) violations.push(`${ok} successful hand-overs but ${log.n} allowed audit rows`);
      return { answers, violations };
    },
  },
  {
    name: 'Consent revoke race',
    invariant:
      'exactly one revocation succeeds (the rest 409), the stored date is that request’s, and the next read by the organisation shows no consent',
    async run(b, round) {
      const { id, dossier } = await newHousehold(b, `toestemming ${round}`, ['schuldhulpverlener']);
      const adult = dossier.members.find((m: { relation: string }) => m.relation === 'parent');
      const consent = await b.call('consulentWmo', 'POST', `/api/v1/households/${id}/consents`, {
        personId: adult.personId,
        organisationId: KBL,
        category: 'PLAN',
        givenOn: '2025-01-01',
        method: 'schriftelijk',
      });
      if (consent.status !== 201)
        throw new Error(`consent: ${consent.status} ${JSON.stringify(consent.body)}`);
      const dates = Array.from(
        { length: RACE },
        (_, i) => `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      );
      const answers = await all(RACE, (i) =>
        b.call(
          i % 2 ? 'consulentWmo' : 'schuldhulpverlener',
          'POST',
          `/api/v1/households/${id}/consents/${consent.body.id}/revoke`,
          {
            revokedOn: dates[i],
          },
        ),
      );
      const violations: string[] = [];
      const winners = answers.map((a, i) => (a.status === 204 ? i : -1)).filter((i) => i >= 0);
      if (winners.length !== 1)
        violations.push(`${winners.length} revocations succeeded (lost update: the last one wins)`);
      const [row] = await b.sql<{ revoked_on: string }>(
        `SELECT revoked_on::text FROM consent WHERE id = $1`,
        [consent.body.id],
      );
      if (winners.length === 1 && row.revoked_on !== dates[winners[0]])
        violations.push(`stored ${row.revoked_on}, the successful request said ${dates[winners[0]]}`);
      const [log] = await b.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM access_audit WHERE resource_id = $1 AND action = 'update' AND outcome = 'allowed'`,
        [consent.body.id],
      );
      if (log.n !== winners.length)
        violations.push(`${winners.length} successes, ${log.n} allowed audit rows`);
      const after = await b.call('schuldhulpverlener', 'GET', `/api/v1/households/${id}`);
      if (JSON.stringify(after.body?.consentedToMe) !== '[]')
        violations.push(`after the revocation KBL still has ${JSON.stringify(after.body?.consentedToMe)}`);
      return { answers, violations };
    },
  },
  {
    name: 'One BSN registered in many new households at once',
    invariant:
      'exactly one household is created; the refused ones leave no household, person or membership behind',
    async run(b, round) {
      const bsn = nextBsn();
      const street = `Dubbel BSN ${round}`;
      const answers = await all(RACE, (i) =>
        b.call(
          'consulentWmo',
          'POST',
          '/api/v1/households',
          householdBody(street, String(i + 1), [bsn, nextBsn()]),
        ),
      );
      const violations: string[] = [];
      const created = answers.filter((a) => a.status === 201).length;
      if (created !== 1) violations.push(`${created} households created`);
      const others = answers.filter((a) => a.status !== 201 && a.status !== 409);
      if (others.length)
        violations.push(`answers ${JSON.stringify(countBy(others, (a) => String(a.status)))}`);
      const [row] = await b.sql<{ households: number; persons: number; orphans: number }>(
        `SELECT (SELECT count(*)::int FROM household WHERE street = $1) AS households,
                (SELECT count(*)::int FROM person WHERE bsn = $2) AS persons,
                (SELECT count(*)::int FROM person p WHERE NOT EXISTS
                   (SELECT 1 FROM household_member m WHERE m.person_id = p.id)) AS orphans`,
        [street, bsn],
      );
      if (row.households !== created)
        violations.push(`${row.households} households stored for ${created} created`);
      if (row.persons !== 1) violations.push(`${row.persons} persons with the BSN`);
      if (row.orphans !== 0) violations.push(`${row.orphans} persons without any membership`);
      return { answers, violations };
    },
  },
  {
    name: 'Parallel edits of one household (PATCH)',
    invariant: 'no lost update: the version grows by one for every successful edit',
    async run(b, round) {
      const { id } = await newHousehold(b, `bewerken ${round}`, [...TEAM]);
      const editors = ['consulentWmo', ...TEAM] as const;
      const answers = await all(RACE, (i) =>
        b.call(editors[i % editors.length], 'PATCH', `/api/v1/households/${id}`, {
          houseNumber: String(i + 1),
        }),
      );
      const violations: string[] = [];
      const ok = answers.filter((a) => a.status === 200).length;
      const [row] = await b.sql<{ version: number }>(`SELECT version FROM household WHERE id = $1`, [id]);
      if (row.version !== 1 + ok)
        violations.push(
          `${ok} edits answered 200 but the version is ${row.version} (lost version increments: ${1 + ok - row.version})`,
        );
      return { answers, violations };
    },
  },
  {
    name: 'Referral accepted and declined at once by the receiver',
    invariant: 'exactly one decision (200), the rest 409; accepted means exactly one new case-team member',
    async run(b, round) {
      const { id } = await newHousehold(b, `verwijzing ${round}`);
      const referral = await b.call('consulentWmo', 'POST', `/api/v1/households/${id}/referrals`, {
        toOrganisationId: SOCIAAL_TEAM_3,
        reason: 'Gelijktijdige beslissing',
      });
      if (referral.status !== 201) throw new Error(`referral: ${referral.status}`);
      const answers = await all(RACE, (i) =>
        i % 2
          ? b.call('sociaalTeamMedewerker', 'POST', `/api/v1/referrals/${referral.body.id}/accept`, {
              userId: b.userIds.sociaalTeamMedewerker,
            })
          : b.call('sociaalTeamMedewerker', 'POST', `/api/v1/referrals/${referral.body.id}/decline`, {
              reason: 'Geen capaciteit',
            }),
      );
      const violations: string[] = [];
      const decided = answers.filter((a) => a.status === 200).length;
      if (decided !== 1) violations.push(`${decided} decisions succeeded`);
      const [row] = await b.sql<{ status: string; members: number }>(
        `SELECT r.status, (SELECT count(*)::int FROM case_team_member c WHERE c.household_id = r.household_id
                 AND c.user_id = $2 AND c.left_at IS NULL) AS members
           FROM referral r WHERE r.id = $1`,
        [referral.body.id, b.userIds.sociaalTeamMedewerker],
      );
      if (row.status === 'accepted' && row.members !== 1)
        violations.push(`accepted with ${row.members} memberships`);
      if (row.status === 'declined' && row.members !== 0)
        violations.push(`declined but ${row.members} memberships`);
      return { answers, violations };
    },
  },
  {
    name: 'One member moved to many households at once',
    invariant: 'exactly one move succeeds; the person lives in exactly one household',
    async run(b, round) {
      const from = await newHousehold(b, `verhuizing ${round}`);
      const targets = await all(Math.min(RACE, 10), (i) => newHousehold(b, `verhuizing ${round} doel ${i}`));
      const child = from.dossier.members.find((m: { relation: string }) => m.relation === 'child');
      const answers = await all(RACE, (i) =>
        b.call('consulentWmo', 'POST', `/api/v1/households/${from.id}/members/${child.id}/move`, {
          toHouseholdId: targets[i % targets.length].id,
          movedOn: '2026-01-15',
          relation: 'child',
        }),
      );
      const violations: string[] = [];
      const moved = answers.filter((a) => a.status === 201).length;
      if (moved !== 1) violations.push(`${moved} moves succeeded`);
      const [row] = await b.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM household_member WHERE person_id = $1 AND left_on IS NULL`,
        [child.personId],
      );
      if (row.n !== 1) violations.push(`the person has ${row.n} current memberships`);
      return { answers, violations };
    },
  },
  {
    name: 'Same professional added to the case team in parallel',
    invariant: 'exactly one 201, the rest 409; one active membership',
    async run(b, round) {
      const { id } = await newHousehold(b, `casusteam ${round}`);
      const answers = await all(RACE, () =>
        b.call('consulentWmo', 'POST', `/api/v1/households/${id}/case-team`, {
          userId: b.userIds.consulentJeugd,
          caseRole: 'contributor',
        }),
      );
      const violations: string[] = [];
      const created = answers.filter((a) => a.status === 201).length;
      if (created !== 1) violations.push(`${created} successful adds`);
      const others = answers.filter((a) => a.status !== 201 && a.status !== 409);
      if (others.length)
        violations.push(`answers ${JSON.stringify(countBy(others, (a) => String(a.status)))}`);
      const [row] = await b.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM case_team_member WHERE household_id = $1 AND user_id = $2 AND left_at IS NULL`,
        [id, b.userIds.consulentJeugd],
      );
      if (row.n !== 1) violations.push(`${row.n} active memberships`);
      return { answers, violations };
    },
  },
];

/**
 * After each round: does the app still answer? If not, say what its database connections are doing,
 * then kill them (the only way out short of a restart) and wait until it answers again.
 */
async function unwedge(b: BenchApp): Promise<string | undefined> {
  const probe = await b.call('consulentWmo', 'GET', '/api/v1/auth/me', undefined, 5000);
  if (probe.status === 200) return undefined;
  const state = await connections(b);
  const started = Date.now();
  for (let attempt = 0; attempt < 20; attempt++) {
    await b.sql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'gezinsplan-api'`,
    );
    if ((await b.call('consulentWmo', 'GET', '/api/v1/auth/me', undefined, 5000)).status === 200) break;
  }
  return (
    `the app stopped answering (pool deadlock: ${state}); it came back only after its database ` +
    `connections were killed (${((Date.now() - started) / 1000).toFixed(1)} s)`
  );
}

/** What the application's database connections are doing (to diagnose a hang). */
async function connections(b: BenchApp) {
  const rows = await b.sql<{ state: string; wait: string; query: string; n: number }>(
    `SELECT state, coalesce(wait_event_type || ':' || wait_event, '') AS wait, left(query, 60) AS query, count(*)::int AS n
       FROM pg_stat_activity WHERE application_name = 'gezinsplan-api' GROUP BY 1, 2, 3 ORDER BY 4 DESC`,
  );
  return rows.map((r) => `${r.n}× ${r.state} ${r.wait} «${r.query}»`).join('; ');
}

async function verifyLog(b: BenchApp) {
  const { DataSource } = await import('typeorm');
  const { verifyProcessingLog } = await import('../libs/audit/src/chain-verifier');
  const ds = new DataSource({ type: 'postgres', url: b.ownerUrl, extra: { max: 1 } });
  await ds.initialize();
  try {
    return await verifyProcessingLog(ds);
  } finally {
    await ds.destroy();
  }
}

function render(outcomes: Outcome[], chain: { ok: boolean }, seconds: number) {
  const lines = [
    `Concurrency run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${ROUNDS} rounds per scenario; ${PARALLEL} parallel reads, ${RACE} parallel writes per race; ${seconds.toFixed(0)} s.`,
    '',
    '| scenario | requests | answers | invariant | result |',
    '| --- | --- | --- | --- | --- |',
    ...outcomes.map(
      (o) =>
        `| ${o.scenario} | ${o.requests} | ${Object.entries(o.statuses)
          .map(([s, n]) => `${s}: ${n}`)
          .join(
            ', ',
          )} | ${o.note} | ${o.violations.length ? `**FAILED**: ${o.violations.slice(0, 3).join('; ')}${o.violations.length > 3 ? ` (+${o.violations.length - 3})` : ''}` : 'holds'} |`,
    ),
    '',
    `Processing-log hash chains after the run: ${chain.ok ? 'intact' : `BROKEN ${JSON.stringify(chain)}`}.`,
  ];
  return lines.join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
