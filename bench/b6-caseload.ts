/**
 * B6 — the teamleider's caseload (issue 9) over 500 households of their team: GET /api/v1/caseload,
 * which computes every household's figures and risk score (plans, procedures, budget, contacts,
 * reviews, flags) and sorts them, with and without the 50-gezinnen filter. Target: p95 < 200 ms.
 *
 *   npm run bench:b6 [-- --households 500 --requests 200 --connections 4]
 *
 * Starts its own embedded PostgreSQL and the app as production builds it (bench-kit), arranges the
 * households of Team Noordwest set-based in SQL, and measures sequential and concurrent requests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Answer, BenchApp, MAASTRICHT, percentile, startBenchApp } from './bench-kit';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const HOUSEHOLDS = arg('households', 500);
const REQUESTS = arg('requests', 200);
const CONNECTIONS = arg('connections', 4);

/** 500 households with a regisseur of Team Noordwest, a person, an agreed plan with goals, procedures and reviews. */
async function arrange(b: BenchApp) {
  const wmo = b.userIds.consulentWmo;
  const jeugd = b.userIds.consulentJeugd;
  const lead = b.userIds.teamleider;
  // One statement: a household needs its regisseur by the end of the transaction (deferred check).
  await b.sql(
    `WITH h AS (
       INSERT INTO household (municipality_id, street, house_number, postcode, city, cohort_50)
       SELECT $1, 'Benchstraat', i::text, '6211AB', 'Maastricht', i <= 50 FROM generate_series(1, $2) i
       RETURNING id, municipality_id, house_number::int AS n)
     INSERT INTO case_team_member (household_id, municipality_id, user_id, organisation_id, case_role, pillar, legal_basis, joined_at)
     SELECT h.id, h.municipality_id, CASE WHEN n % 2 = 0 THEN $3::uuid ELSE $4::uuid END,
            (SELECT organisation_id FROM user_account WHERE id = $3), 'regisseur',
            CASE WHEN n % 2 = 0 THEN 'WMO' ELSE 'JEUGD' END, 'bench', now() FROM h`,
    [MAASTRICHT, HOUSEHOLDS, wmo, jeugd],
  );
  await b.sql(
    `WITH h AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM household),
     p AS (INSERT INTO person (bsn, given_names, family_name, birth_date)
           SELECT lpad((100000000 + n)::text, 9, '0'), 'Bench', 'Persoon', date '1980-01-01' + (n::int % 9000)
             FROM h RETURNING id, bsn)
     INSERT INTO household_member (household_id, municipality_id, person_id, relation, joined_on)
     SELECT h.id, $1, p.id, 'parent', date '2024-01-01' FROM h JOIN p ON p.bsn = lpad((100000000 + h.n)::text, 9, '0')`,
    [MAASTRICHT],
  );
  await b.sql(
    `INSERT INTO plan (household_id, municipality_id, revision, latest_version, created_on, next_evaluation_on, created_by)
     SELECT id, municipality_id, 1, 1, current_date - 200, current_date + ((row_number() OVER (ORDER BY id))::int % 60) - 30, $1
       FROM household`,
    [wmo],
  );
  await b.sql(
    `INSERT INTO plan_version (plan_id, household_id, municipality_id, number, status)
     SELECT id, household_id, municipality_id, 1, 'concept' FROM plan`,
  );
  await b.sql(
    `INSERT INTO plan_goal (version_id, id, plan_id, household_id, municipality_id, life_domain, description,
                            owner_type, owner_user_id, target_date, status, position)
     SELECT v.id, gen_random_uuid(), v.plan_id, v.household_id, v.municipality_id, 'financien', 'Doel ' || g,
            'professional', $1, current_date + (g * 20) - 30, 'open', g
       FROM plan_version v CROSS JOIN generate_series(1, 3) g`,
    [wmo],
  );
  // Agreed after the goals are in: an agreed version's content is frozen.
  await b.sql(
    `UPDATE plan_version v SET status = 'vastgesteld', agreed_on = current_date - 150,
            agreed_by_person_ids = ARRAY(SELECT person_id FROM household_member hm WHERE hm.household_id = v.household_id)`,
  );
  await b.sql(
    `INSERT INTO indication (household_id, municipality_id, person_id, pillar, product_id, status, melding_date,
                             aanvraag_date, deadline, deadline_clock, handler_user_id)
     SELECT hm.household_id, hm.municipality_id, hm.person_id, 'WMO',
            (SELECT id FROM product WHERE pillar = 'WMO' ORDER BY code LIMIT 1), 'in_behandeling',
            current_date - 50, current_date - 50, current_date + ((row_number() OVER (ORDER BY hm.household_id))::int % 30) - 10,
            'beschikking', $1
       FROM household_member hm`,
    [wmo],
  );
  await b.sql(
    `WITH h AS (SELECT id, municipality_id, row_number() OVER (ORDER BY id) AS n FROM household)
     INSERT INTO case_review (household_id, municipality_id, reviewed_on, reviewer_id, participants, findings, next_review_on)
     SELECT id, municipality_id, current_date - (n::int % 200) - 1, $1, '{teamleider,regisseur}', 'Bevindingen',
            current_date - (n::int % 200) + 89 FROM h WHERE n % 3 <> 0`,
    [lead],
  );
  await b.sql('ANALYZE');
}

async function measure(b: BenchApp, path: string) {
  for (let i = 0; i < 10; i++) await b.call('teamleider', 'GET', path); // warm-up
  const sequential: Answer[] = [];
  for (let i = 0; i < REQUESTS; i++) sequential.push(await b.call('teamleider', 'GET', path));
  const concurrent: Answer[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (let i = 0; i < REQUESTS / CONNECTIONS; i++)
        concurrent.push(await b.call('teamleider', 'GET', path));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stats = (answers: Answer[]) => {
    const ms = answers.map((a) => a.ms);
    return {
      requests: answers.length,
      errors: answers.filter((a) => a.status !== 200).length,
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      p99: percentile(ms, 99),
      max: Math.max(...ms),
    };
  };
  return {
    path,
    total: sequential[0]?.body?.total as number,
    sequential: stats(sequential),
    concurrent: { ...stats(concurrent), connections: CONNECTIONS, perSecond: concurrent.length / seconds },
  };
}

async function main() {
  const b = await startBenchApp();
  try {
    await arrange(b);
    const results = [
      await measure(b, '/api/v1/caseload?pageSize=50'),
      await measure(b, '/api/v1/caseload?cohort=true&pageSize=50'),
      await measure(b, '/api/v1/caseload?sort=days-since-review&pageSize=500'),
    ];
    const f = (n: number) => n.toFixed(1);
    const lines = [
      `# B6 caseload (${HOUSEHOLDS} households of the teamleider's team), ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| request | households | mode | requests | errors | p50 ms | p95 ms | p99 ms | max ms | req/s |',
      '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    for (const r of results) {
      const s = r.sequential;
      const c = r.concurrent;
      lines.push(
        `| \`${r.path.replace('/api/v1', '')}\` | ${r.total} | sequential | ${s.requests} | ${s.errors} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${f(s.max)} | |`,
        `| | | ${c.connections} concurrent | ${c.requests} | ${c.errors} | ${f(c.p50)} | ${f(c.p95)} | ${f(c.p99)} | ${f(c.max)} | ${f(c.perSecond)} |`,
      );
    }
    lines.push('', 'Target (issue 9): p95 < 200 ms.');
    const report = lines.join('\n');
    console.log(report);
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'b6-caseload.md'), `${report}\n`);
    if (results.some((r) => r.sequential.errors + r.concurrent.errors > 0)) process.exitCode = 1;
  } finally {
    await b.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
