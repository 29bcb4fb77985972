import { SchedulerRegistry } from '@nestjs/schedule';
import { DemoBudgetsSeeder } from '@app/budgets';
import { Clock, FixedClock } from '@app/core';
import { DemoHouseholdsSeeder } from '@app/households';
import { DEMO_EMAILS } from '@app/identity';
import { PRODUCT_IDS } from '@app/indications';
import { DemoPlansSeeder } from '@app/plans';
import { RETENTION_LOCK, RetentionScheduler } from '@app/privacy';
import { createHousehold, householdBody, nextBsn, userId } from '../households/household-kit';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { CaseText, writePlanAndBudget } from './case-records';
import { NOT_PRIVACY_OFFICERS, requester } from './privacy-kit';

const RUNS = '/api/v1/privacy/retention/runs';
const POLICY = '/api/v1/privacy/retention/policy';

/** Plan and budget text of the first household; every piece names the family. */
const TEXT: CaseText = {
  ownWords: 'Familie Quarlesworth wil rust over geld',
  goal: 'Xanthe Quarlesworth heeft een betalingsregeling',
  note: 'Quarlesworth had eerder een regeling bij de verhuurder',
  action: 'Xanthe belt de energieleverancier',
  outcome: 'Quarlesworth betaalt de eerste termijn',
  justification: 'Koelkast van familie Quarlesworth kapot',
  payee: 'Quarlesworth Witgoed',
  motivation: 'Goedkoper dan bijzondere bijstand voor Quarlesworth',
  reference: 'factuur Quarlesworth 0815',
};

interface RunBody {
  id: string;
  dryRun: boolean;
  householdsDue: number;
  householdsAnonymised: number;
  personsAnonymised: number;
  households: {
    householdId: string;
    pillars: string[];
    retentionYears: number;
    dueOn: string;
    personsAnonymised: number;
    personsKept: number;
  }[];
}

/** What a monitor counts: households, people by birth year, membership, case teams, referrals, consents. */
const MONITOR_QUERIES = [
  `SELECT municipality_id, neighbourhood_id, city, status, cohort_50, closed_on, count(*)::int AS n
     FROM household GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
  `SELECT extract(year FROM birth_date)::int AS year, count(*)::int AS n FROM person GROUP BY 1 ORDER BY 1`,
  `SELECT household_id, relation, joined_on, left_on, count(*)::int AS n FROM household_member
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  `SELECT household_id, pillar, case_role, organisation_id, count(*)::int AS n FROM case_team_member
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  `SELECT household_id, status, to_organisation_id, count(*)::int AS n FROM referral GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  `SELECT household_id, category, count(*)::int AS n FROM consent GROUP BY 1, 2 ORDER BY 1, 2`,
  `SELECT household_id, kind, count(*)::int AS n FROM representative GROUP BY 1, 2 ORDER BY 1, 2`,
  `SELECT g.household_id, v.number, v.status, v.agreed_on, g.life_domain, g.owner_type, g.target_date, g.status AS goal,
          count(*)::int AS n
     FROM plan_goal g JOIN plan_version v ON v.id = g.version_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
  `SELECT household_id, due_on, done, count(*)::int AS n FROM plan_action GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  `SELECT household_id, life_domain, status, count(*)::int AS n FROM plan_evaluation_outcome GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  `SELECT household_id, status, replaced_schemes, amount_cents, paid_cents, requested_on, count(*)::int AS n
     FROM budget_request GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
  `SELECT household_id, amount_cents, paid_on, count(*)::int AS n FROM budget_payment GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  `SELECT household_id, pillar, product_id, status, melding_date, count(*)::int AS n FROM indication
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
  `SELECT budget_id, kind, sum(committed_delta_cents)::bigint AS c, sum(paid_delta_cents)::bigint AS p
     FROM budget_ledger_entry GROUP BY 1, 2 ORDER BY 1, 2`,
  `SELECT household_id, reviewed_on, next_review_on, cardinality(participants) AS participants, count(*)::int AS n
     FROM case_review GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  `SELECT household_id, due_on, done_on, count(*)::int AS n FROM case_review_action GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  `SELECT household_id, theme, count(*)::int AS n FROM case_review_leerpunt GROUP BY 1, 2 ORDER BY 1, 2`,
];
/** A case review by the teamleider of the regisseur's team; every free text names the family. */
const REVIEW = {
  reviewedOn: '2026-11-02',
  participants: ['teamleider', 'mevr. Quarlesworth-Zeelenberg (mentor)'],
  findings: 'Bij Quarlesworth loopt de regeling',
  actions: [
    { description: 'Xanthe Quarlesworth bellen over de termijn', owner: 'Xanthe', dueOn: '2026-12-01' },
  ],
  leerpunten: [{ theme: 'financien', text: 'Quarlesworth had baat bij een vroege regeling' }],
};
/** The plan and budget text of a household, to check that it is gone. */
const CASE_TEXT = `SELECT
    (SELECT json_agg(own_words) FROM plan_version WHERE household_id = $1) AS own_words,
    (SELECT json_agg(json_build_array(description, internal_note)) FROM plan_goal WHERE household_id = $1) AS goals,
    (SELECT json_agg(description) FROM plan_action WHERE household_id = $1) AS actions,
    (SELECT json_agg(outcome) FROM plan_evaluation_outcome WHERE household_id = $1) AS outcomes,
    (SELECT json_agg(json_build_array(justification, payee_name, payee_iban, motivation))
       FROM budget_request WHERE household_id = $1) AS requests,
    (SELECT json_agg(reference) FROM budget_payment WHERE household_id = $1) AS payments,
    (SELECT json_agg(json_build_array(reason, notes)) FROM indication WHERE household_id = $1) AS indications,
    (SELECT json_agg(json_build_array(findings, participants)) FROM case_review WHERE household_id = $1) AS reviews,
    (SELECT json_agg(json_build_array(description, owner)) FROM case_review_action WHERE household_id = $1)
      AS review_actions,
    (SELECT json_agg(text) FROM case_review_leerpunt WHERE household_id = $1) AS leerpunten`;

describe('privacy: retention anonymises closed cases past their period, keeping the counts', () => {
  const clock = new FixedClock(new Date('2026-11-20T10:00:00Z'));
  let t: TestApp;
  let kit: IdentityKit;
  let r: ReturnType<typeof requester>;
  const h: Record<string, string> = {};
  const bsns: Record<string, string> = {};
  let movedChild: string;
  let dryRun: RunBody;
  let logBefore: { n: number; max: number };

  const monitor = async () => {
    const result = [];
    for (const sql of MONITOR_QUERIES) result.push((await t.db.query(sql)).rows);
    return result;
  };
  const household = async (key: string, overrides: Record<string, unknown>) => {
    bsns[key] = nextBsn();
    const body = householdBody({ street: 'Zonnewijzerpad', ...overrides });
    const members = body.members as { bsn: string; givenNames: string; familyName: string }[];
    members[0] = { ...members[0], bsn: bsns[key], givenNames: 'Xanthe', familyName: 'Quarlesworth' };
    kit.secrets.add(bsns[key]);
    kit.secrets.add(members[1].bsn);
    const created = await createHousehold(t, kit, await kit.as('consulentWmo'), { ...body });
    h[key] = created.household.id;
    return created;
  };
  const close = (key: string, closedOn: string) =>
    t.db.query(
      `UPDATE household SET status = 'closed', closed_on = $2, close_reason = 'Doelen behaald, familie Quarlesworth verhuisd'
        WHERE id = $1`,
      [h[key], closedOn],
    );

  beforeAll(async () => {
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
    kit = new IdentityKit(t);
    r = requester(t, kit);
    await kit.seedDemoUsers();
    await t.app.get(DemoHouseholdsSeeder).seed();
    await t.app.get(DemoPlansSeeder).seed();
    await t.app.get(DemoBudgetsSeeder).seed();
    const a = await household('wmoLongAgo', { regisseurPillar: 'WMO' });
    await household('wmoRecent', { regisseurPillar: 'WMO' });
    await household('shv', { regisseurPillar: 'SHV' });
    await household('shvJeugd', { regisseurPillar: 'SHV' });
    await household('noPillarDue', { regisseurPillar: undefined });
    await household('noPillarTomorrow', { regisseurPillar: undefined });
    const active = await household('active', { regisseurPillar: 'WMO' });
    const wmo = 'consulentWmo' as const;
    expect(
      (
        await r.post(wmo, `/api/v1/households/${h.shvJeugd}/case-team`, {
          userId: await userId(t, DEMO_EMAILS.consulentJeugd),
          caseRole: 'pillar_contact',
          pillar: 'JEUGD',
        })
      ).status,
    ).toBe(201);
    // The child of the first household moved to a household that stays active: they must stay identifiable.
    const child = a.members.find((m) => m.person.bsn !== bsns.wmoLongAgo)!;
    movedChild = child.personId;
    expect(
      (
        await r.post(wmo, `/api/v1/households/${h.wmoLongAgo}/members/${child.id}/move`, {
          toHouseholdId: h.active,
          movedOn: '2026-01-01',
          relation: 'child',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await r.post(wmo, `/api/v1/households/${h.wmoLongAgo}/representatives`, {
          personId: a.members.find((m) => m.person.bsn === bsns.wmoLongAgo)!.personId,
          kind: 'mentor',
          name: 'mevr. Q. Quarlesworth-Zeelenberg',
          contact: '043 123 45 67',
          scope: 'zorg en welzijn',
          startsOn: '2026-01-01',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await r.post(wmo, `/api/v1/households/${h.wmoLongAgo}/referrals`, {
          toOrganisationId: 'b2000000-0000-4000-8000-000000000013',
          reason: 'Familie Quarlesworth vraagt hulp bij opvoeding',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await r.post('consulentJeugd', `/api/v1/households/${h.wmoLongAgo}/break-glass`, {
          category: 'acute-veiligheid',
          reason: 'Zorgmelding over familie Quarlesworth',
        })
      ).status,
    ).toBe(201);
    // A plan agreed with Xanthe and a maatwerkbudget paid for her (bijzondere bijstand: Participatie).
    const xanthe = a.members.find((m) => m.person.bsn === bsns.wmoLongAgo)!.personId;
    await writePlanAndBudget(t, kit, h.wmoLongAgo, xanthe, '2026-11-20', TEXT);
    const indication = await r.post(wmo, `/api/v1/households/${h.wmoLongAgo}/indications`, {
      pillar: 'WMO',
      productId: PRODUCT_IDS.wmoHulpBijHetHuishouden,
      personId: xanthe,
      meldingDate: '2026-06-01',
      reason: 'Xanthe Quarlesworth redt het huishouden niet meer',
      notes: 'Dochter Quarlesworth helpt op zaterdag',
    });
    expect(indication.status).toBe(201);
    const activeParent = active.members.find((m) => m.person.bsn === bsns.active)!.personId;
    await writePlanAndBudget(t, kit, h.active, activeParent, '2026-11-20', TEXT);
    for (const key of ['wmoLongAgo', 'active'])
      expect((await r.post('teamleider', `/api/v1/households/${h[key]}/case-reviews`, REVIEW)).status).toBe(
        201,
      );
    await close('wmoLongAgo', '2010-05-01'); // Wmo 15 years: due since 2025-05-01
    await close('wmoRecent', '2012-01-01'); // due on 2027-01-01
    await close('shv', '2021-06-01'); // SHV 5 years: due since 2026-06-01
    await close('shvJeugd', '2021-06-01'); // with Jeugd, 20 years: not due
    await close('noPillarDue', '2016-11-20'); // no pillar, 10 years: due today
    await close('noPillarTomorrow', '2016-11-21'); // due tomorrow
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  it('states the periods per pillar and their source', async () => {
    const res = await r.get('privacyOfficer', POLICY);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      yearsByPillar: { WMO: 15, JEUGD: 20, PARTICIPATIE: 10, SHV: 5, ONDERWIJS: 5 },
      yearsWithoutPillar: 10,
    });
    expect(res.body.sources.JEUGD).toMatch(/Selectielijst 2020.*20 jaar/);
  });

  it('lists in a dry run exactly the cases that are due, and changes nothing', async () => {
    const persons = (await t.db.query(`SELECT * FROM person ORDER BY id`)).rows;
    const households = (await t.db.query(`SELECT * FROM household ORDER BY id`)).rows;
    const caseText = (await t.db.query(CASE_TEXT, [h.wmoLongAgo])).rows;
    const res = await r.post('privacyOfficer', RUNS, { dryRun: true });
    expect(res.status).toBe(201);
    dryRun = res.body;
    expect(dryRun).toMatchObject({
      dryRun: true,
      householdsDue: 3,
      householdsAnonymised: 0,
      personsAnonymised: 0,
    });
    expect(dryRun.households).toEqual([
      expect.objectContaining({
        householdId: h.wmoLongAgo,
        pillars: ['PARTICIPATIE', 'WMO'],
        retentionYears: 15,
        dueOn: '2025-05-01',
        personsAnonymised: 1,
        personsKept: 1,
      }),
      expect.objectContaining({
        householdId: h.noPillarDue,
        pillars: [],
        retentionYears: 10,
        dueOn: '2026-11-20',
        personsAnonymised: 2,
      }),
      expect.objectContaining({
        householdId: h.shv,
        pillars: ['SHV'],
        retentionYears: 5,
        dueOn: '2026-06-01',
        personsAnonymised: 2,
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/Quarlesworth|Zonnewijzerpad|Xanthe/);
    expect((await t.db.query(`SELECT * FROM person ORDER BY id`)).rows).toEqual(persons);
    expect((await t.db.query(`SELECT * FROM household ORDER BY id`)).rows).toEqual(households);
    expect((await t.db.query(CASE_TEXT, [h.wmoLongAgo])).rows).toEqual(caseText);
    expect(JSON.stringify(caseText)).toContain(TEXT.reference);
  });

  it('anonymises exactly the due cases; monitor counts stay the same and the log is kept', async () => {
    const before = await monitor();
    logBefore = (await t.db.query(`SELECT count(*)::int AS n, max(id)::int AS max FROM processing_log`))
      .rows[0];
    const untouched = (
      await t.db.query(
        `SELECT * FROM person WHERE id NOT IN (
         SELECT person_id FROM household_member WHERE household_id = ANY($1::uuid[])) ORDER BY id`,
        [[h.wmoLongAgo, h.shv, h.noPillarDue]],
      )
    ).rows;

    const res = await r.post('privacyOfficer', RUNS, { dryRun: false });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      dryRun: false,
      householdsDue: 3,
      householdsAnonymised: 3,
      personsAnonymised: 5,
    });
    expect(res.body.households).toEqual(dryRun.households);

    const anonymised = (
      await t.db.query(`SELECT id FROM household WHERE anonymised_at IS NOT NULL ORDER BY id`)
    ).rows;
    expect(anonymised.map((row: { id: string }) => row.id)).toEqual(
      [h.wmoLongAgo, h.shv, h.noPillarDue].sort(),
    );
    const { rows: gone } = await t.db.query(
      `SELECT street, house_number, postcode, close_reason, city, municipality_id FROM household WHERE id = $1`,
      [h.shv],
    );
    expect(gone[0]).toMatchObject({
      street: null,
      house_number: null,
      postcode: null,
      close_reason: null,
      city: 'Maastricht',
    });
    const { rows: people } = await t.db.query(
      `SELECT p.id, p.bsn, p.given_names, p.family_name, to_char(p.birth_date, 'MM-DD') AS day
         FROM person p JOIN household_member m ON m.person_id = p.id
        WHERE m.household_id = ANY($1::uuid[]) AND p.id <> $2`,
      [[h.wmoLongAgo, h.shv, h.noPillarDue], movedChild],
    );
    expect(people).toHaveLength(5);
    for (const p of people)
      expect(p).toMatchObject({ bsn: null, given_names: null, family_name: null, day: '01-01' });
    const kept = await t.db.query(`SELECT bsn, anonymised_at FROM person WHERE id = $1`, [movedChild]);
    expect(kept.rows[0].bsn).toMatch(/^\d{9}$/);
    expect(
      (
        await t.db.query(`SELECT * FROM person WHERE id = ANY($1::uuid[]) ORDER BY id`, [
          untouched.map((p) => p.id),
        ])
      ).rows,
    ).toEqual(untouched);
    // Free text that may name people is gone too.
    const text = await t.db.query(
      `SELECT (SELECT json_agg(json_build_array(name, contact, scope)) FROM representative WHERE household_id = $1) AS reps,
              (SELECT json_agg(reason) FROM referral WHERE household_id = $1) AS referrals,
              (SELECT json_agg(reason) FROM break_glass_grant WHERE household_id = $1) AS grants`,
      [h.wmoLongAgo],
    );
    expect(JSON.stringify(text.rows[0])).not.toMatch(/Quarlesworth|043/);
    expect(text.rows[0].reps).toEqual([['[geanonimiseerd]', null, '[geanonimiseerd]']]);
    // So is the text of the plan (also in its agreed version) and of the maatwerkbudget ...
    const erased = (await t.db.query(CASE_TEXT, [h.wmoLongAgo])).rows[0];
    expect(JSON.stringify(erased)).not.toMatch(/Quarlesworth|Xanthe|NL91/);
    expect(erased.payments).toEqual(['[geanonimiseerd]']);
    expect(erased.indications).toEqual([['[geanonimiseerd]', '[geanonimiseerd]']]);
    // ... and of the case review: findings, each participant, the action, the leerpunt (theme and dates stay).
    const marker = '[geanonimiseerd]';
    expect(erased.reviews).toEqual([[marker, [marker, marker]]]);
    expect(erased.review_actions).toEqual([[marker, marker]]);
    expect(erased.leerpunten).toEqual([marker]);
    expect(res.body.households[0].recordsChanged).toMatchObject({
      plans: expect.any(Number),
      budgets: expect.any(Number),
      indications: 1,
      reviews: 3,
    });
    // ... but not of the household the child moved to, which stays active.
    const activeText = JSON.stringify((await t.db.query(CASE_TEXT, [h.active])).rows[0]);
    expect(activeText).toContain(TEXT.reference);
    expect(activeText).toContain(REVIEW.findings);

    expect(await monitor()).toEqual(before);

    const after = (
      await t.db.query(`SELECT count(*)::int AS n FROM processing_log WHERE id <= $1`, [logBefore.max])
    ).rows[0];
    expect(after.n).toBe(logBefore.n);
    expect((await r.get('privacyOfficer', '/api/v1/privacy/processing-log/integrity')).body).toMatchObject({
      ok: true,
    });
    const logged = await t.db.query(
      `SELECT DISTINCT a.resource_id FROM access_audit a
        WHERE a.processing_activity_id = 'privacy.retention' AND a.resource_type = 'Household' ORDER BY 1`,
    );
    expect(logged.rows.map((row: { resource_id: string }) => row.resource_id)).toEqual(
      [h.wmoLongAgo, h.shv, h.noPillarDue].sort(),
    );
    const subjects = await t.db.query(
      `SELECT count(*)::int AS n FROM processing_log WHERE processing_activity_id = 'privacy.retention'
        AND data_subject_type = 'person' AND household_id = $1`,
      [h.wmoLongAgo],
    );
    expect(subjects.rows[0].n).toBe(2); // both members ever, including the one who stays identifiable
    const runs = await t.db.query(
      `SELECT dry_run, triggered_by, households_due, households_anonymised, persons_anonymised FROM retention_run
        ORDER BY started_at, dry_run DESC`,
    );
    expect(runs.rows).toEqual([
      {
        dry_run: true,
        triggered_by: 'manual',
        households_due: 3,
        households_anonymised: 0,
        persons_anonymised: 0,
      },
      {
        dry_run: false,
        triggered_by: 'manual',
        households_due: 3,
        households_anonymised: 3,
        persons_anonymised: 5,
      },
    ]);
  });

  it('leaves the anonymised cases readable for those still on them, without the removed data', async () => {
    const res = await r.get('consulentWmo', `/api/v1/households/${h.shv}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(/Quarlesworth|Zonnewijzerpad|Xanthe/);
  });

  it('lets the database refuse a half-anonymised row', async () => {
    await expect(
      t.db.query(`UPDATE person SET bsn = NULL WHERE id = $1`, [movedChild]),
    ).rejects.toMatchObject({ constraint: 'person_anonymised_has_no_identity' });
    await expect(
      t.db.query(`UPDATE household SET street = NULL WHERE id = $1`, [h.active]),
    ).rejects.toMatchObject({ constraint: 'household_anonymised_has_no_address' });
    // An agreed plan version stays frozen: only retention's blanking of a closed household passes.
    const frozen = { constraint: 'plan_version_frozen' };
    await expect(
      t.db.query(`UPDATE plan_goal SET description = 'Xanthe' WHERE household_id = $1`, [h.wmoLongAgo]),
    ).rejects.toMatchObject(frozen);
    await expect(
      t.db.query(`UPDATE plan_goal SET status = 'behaald' WHERE household_id = $1`, [h.wmoLongAgo]),
    ).rejects.toMatchObject(frozen);
    await expect(
      t.db.query(
        `UPDATE plan_version SET own_words = '[geanonimiseerd]' WHERE household_id = $1 AND status = 'vastgesteld'`,
        [h.active],
      ),
    ).rejects.toMatchObject(frozen);
  });

  it('finds nothing more to do on the same day, and an anonymised person no longer has a BSN', async () => {
    const res = await r.post('privacyOfficer', RUNS, { dryRun: false });
    expect(res.body).toMatchObject({ householdsDue: 0, householdsAnonymised: 0 });
    const request = await r.post('privacyOfficer', '/api/v1/privacy/access-requests', {
      bsn: bsns.shv,
      receivedOn: '2026-11-20',
      channel: 'brief',
    });
    expect(request.status).toBe(400);
    expect(request.body.errors[0].field).toBe('bsn');
  });

  it('runs one at a time: a second run is refused while the lock is held, the daily job skips', async () => {
    const client = await t.db.connect();
    const runsBefore = (await t.db.query(`SELECT count(*)::int AS n FROM retention_run`)).rows[0].n;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK]);
      expect((await r.post('privacyOfficer', RUNS, { dryRun: true })).status).toBe(409);
      await expect(t.app.get(RetentionScheduler).runScheduled()).resolves.toBeUndefined();
    } finally {
      await client.query('COMMIT');
      client.release();
    }
    expect((await t.db.query(`SELECT count(*)::int AS n FROM retention_run`)).rows[0].n).toBe(runsBefore);
  });

  it('runs daily from the schedule (not registered in tests), as nobody in particular', async () => {
    expect(t.app.get(SchedulerRegistry).doesExist('cron', 'privacy.retention')).toBe(false);
    clock.set(new Date('2027-01-02T02:30:00Z'));
    await t.app.get(RetentionScheduler).runScheduled();
    const { rows } = await t.db.query(
      `SELECT triggered_by, user_id, households FROM retention_run ORDER BY started_at DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({ triggered_by: 'schedule', user_id: null });
    expect(rows[0].households.map((x: { householdId: string }) => x.householdId).sort()).toEqual(
      [h.wmoRecent, h.noPillarTomorrow].sort(),
    );
    const audit = await t.db.query(
      `SELECT DISTINCT user_id FROM access_audit WHERE processing_activity_id = 'privacy.retention'
        AND resource_id = $1`,
      [h.wmoRecent],
    );
    expect(audit.rows).toEqual([{ user_id: null }]);
  });

  it('lists the runs without personal data, and shows one with its households', async () => {
    const list = await r.get('privacyOfficer', `${RUNS}?pageSize=10`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(4);
    expect(list.body.items[0]).not.toHaveProperty('households');
    const one = await r.get('privacyOfficer', `${RUNS}/${dryRun.id}`);
    expect(one.status).toBe(200);
    expect(one.body.households).toEqual(dryRun.households);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const field = async (res: { status: number; body: { errors?: { field: string }[] } }, name: string) => {
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain(name);
    };
    await field(await r.post('privacyOfficer', RUNS, { dryRun: 'yes' }), 'dryRun');
    await field(await r.post('privacyOfficer', RUNS, {}), 'dryRun');
    await field(await r.get('privacyOfficer', `${RUNS}?pageSize=1000`), 'pageSize');
    await field(await r.get('privacyOfficer', `${RUNS}/not-an-id`), 'id');
    expect((await r.get('privacyOfficer', `${RUNS}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('is for the privacy officer only (others 403)', async () => {
    const runs = (await t.db.query(`SELECT count(*)::int AS n FROM retention_run`)).rows[0].n;
    for (const role of NOT_PRIVACY_OFFICERS) {
      expect((await r.get(role, POLICY)).status).toBe(403);
      expect((await r.post(role, RUNS, { dryRun: false })).status).toBe(403);
      expect((await r.get(role, RUNS)).status).toBe(403);
      expect((await r.get(role, `${RUNS}/${dryRun.id}`)).status).toBe(403);
    }
    expect((await t.db.query(`SELECT count(*)::int AS n FROM retention_run`)).rows[0].n).toBe(runs);
  });
});
