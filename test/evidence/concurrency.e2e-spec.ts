import { Response } from 'supertest';
import { DEMO_EMAILS, DemoUserKey } from '@app/identity';
import { ORGANISATION_IDS } from '@app/reference';
import { createHousehold, householdBody, nextBsn, userId } from '../households/household-kit';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';

/** Below the database pool size (20): the races test their own invariant, not the pool. */
const RACE = 15;

/**
 * Parallel writes on one household, then what must hold whatever the interleaving (issue 13,
 * "Concurrency"). The slow, larger version is `npm run bench:concurrency` (bench/concurrency.ts).
 */
const BURST_PATIENCE_MS = 60_000;

describe('evidence: parallel writes keep the invariants', () => {
  let t: TestApp;
  let kit: IdentityKit;
  const ids = {} as Record<DemoUserKey, string>;

  beforeAll(async () => {
    // A deadlocked pool never answers; a slow machine only answers late. With the pool's acquire timeout
    // (503) and the client's patience both well above the time a busy CI machine needs, a missing answer
    // means a deadlock, not a slow run.
    process.env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS = String(BURST_PATIENCE_MS);
    t = await createTestApp();
    delete process.env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS;
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    for (const key of Object.keys(DEMO_EMAILS) as DemoUserKey[]) ids[key] = await userId(t, DEMO_EMAILS[key]);
  });
  afterAll(async () => {
    // A deadlocked pool (see the last test) would keep close() waiting forever: free it first.
    await t.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction'`,
    );
    kit.expectNothingLeaked();
    await t.close();
  });

  const send = async (as: DemoUserKey, method: 'get' | 'post' | 'patch', url: string, body?: object) => {
    const agent = t.http();
    const req = agent[method](`/api/v1${url}`)
      .set(kit.bearer(await kit.as(as)))
      .timeout(15_000);
    return kit.seen(await (body ? req.send(body) : req));
  };
  /**
   * Many requests at once over real sockets (the app listening on a port, fetch with keep-alive): supertest
   * starts a server per request, which staggers them too much to fill the database pool.
   */
  let baseUrl: string | undefined;
  const burst = async (n: number, method: string, url: string, as: DemoUserKey, body?: object) => {
    if (!baseUrl) {
      await t.app.listen(0, '127.0.0.1');
      baseUrl = await t.app.getUrl();
    }
    const headers = { ...kit.bearer(await kit.as(as)), 'Content-Type': 'application/json' };
    return Promise.all(
      Array.from({ length: n }, () =>
        fetch(`${baseUrl}/api/v1${url}`, {
          method,
          headers,
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(BURST_PATIENCE_MS),
        }).then(
          (res) => res.status,
          () => `no answer within ${BURST_PATIENCE_MS / 1000} s`,
        ),
      ),
    );
  };
  const parallel = (n: number, f: (i: number) => Promise<Response>) =>
    Promise.all(Array.from({ length: n }, (_, i) => f(i)));
  const statuses = (answers: Response[]) =>
    answers.reduce<Record<number, number>>(
      (acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }),
      {},
    );

  it('hands the regisseur role over in parallel: exactly one regisseur, nobody twice on the team', async () => {
    const wmo = await kit.as('consulentWmo');
    const { household } = await createHousehold(t, kit, wmo);
    const team = ['consulentJeugd', 'consulentParticipatie', 'sociaalTeamMedewerker'] as const;
    for (const who of team)
      expect(
        (
          await send('consulentWmo', 'post', `/households/${household.id}/case-team`, {
            userId: ids[who],
            caseRole: 'contributor',
          })
        ).status,
      ).toBe(201);
    const members = ['consulentWmo', ...team] as const;
    const answers = await parallel(RACE, (i) =>
      send(members[i % members.length], 'post', `/households/${household.id}/regisseur`, {
        userId: ids[members[(i + 1 + (i % 3)) % members.length]],
      }),
    );
    expect(answers.every((a) => [204, 409].includes(a.status))).toBe(true);
    const { rows } = await t.db.query(
      `SELECT count(*) FILTER (WHERE case_role = 'regisseur')::int AS regisseurs, count(*)::int AS rows,
              count(DISTINCT user_id)::int AS users
         FROM case_team_member WHERE household_id = $1 AND left_at IS NULL`,
      [household.id],
    );
    expect(rows[0]).toEqual({ regisseurs: 1, rows: 4, users: 4 });
  });

  it('registers one BSN once when many households ask for it at the same time, leaving nothing half', async () => {
    const wmo = await kit.as('consulentWmo');
    const bsn = nextBsn();
    const answers = await parallel(RACE, (i) =>
      t
        .http()
        .post('/api/v1/households')
        .set(kit.bearer(wmo))
        .send(
          householdBody({
            street: 'Dubbelstraat',
            houseNumber: String(i + 1),
            members: [{ ...householdBody().members[0], bsn }],
          }),
        ),
    );
    expect(statuses(answers)).toEqual({ 201: 1, 409: RACE - 1 });
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*)::int FROM household WHERE street = 'Dubbelstraat') AS households,
              (SELECT count(*)::int FROM person WHERE bsn = $1) AS persons`,
      [bsn],
    );
    expect(rows[0]).toEqual({ households: 1, persons: 1 });
  });

  it('moves one member to many households at once: one move, one current household', async () => {
    const wmo = await kit.as('consulentWmo');
    const from = await createHousehold(t, kit, wmo);
    const targets: string[] = [];
    for (let i = 0; i < 5; i++) targets.push((await createHousehold(t, kit, wmo)).household.id);
    const child = from.members[1];
    const answers = await parallel(RACE, (i) =>
      send('consulentWmo', 'post', `/households/${from.household.id}/members/${child.id}/move`, {
        toHouseholdId: targets[i % targets.length],
        movedOn: '2026-01-15',
        relation: 'child',
      }),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM household_member WHERE person_id = $1 AND left_on IS NULL`,
      [child.personId],
    );
    expect(rows[0].n).toBe(1);
  });

  it('revokes a consent once when it is revoked many times at once (every racer used to win)', async () => {
    const wmo = await kit.as('consulentWmo');
    const { household, members } = await createHousehold(t, kit, wmo);
    const adult = (members as { personId: string; relation?: string }[]).find(
      (m) => m.relation === 'parent',
    )!;
    const consent = await send('consulentWmo', 'post', `/households/${household.id}/consents`, {
      personId: adult.personId,
      organisationId: ORGANISATION_IDS.kbl,
      category: 'PLAN',
      givenOn: '2025-01-01',
      method: 'schriftelijk',
    });
    expect(consent.status).toBe(201);
    const answers = await parallel(RACE, (i) =>
      send('consulentWmo', 'post', `/households/${household.id}/consents/${consent.body.id}/revoke`, {
        revokedOn: `2025-03-${String(i + 1).padStart(2, '0')}`,
      }),
    );
    expect(statuses(answers)).toEqual({ 204: 1, 409: RACE - 1 });
  });

  it('lets the receiver decide a referral once, whatever races (used to: several decisions, declined yet joined)', async () => {
    const wmo = await kit.as('consulentWmo');
    const { household } = await createHousehold(t, kit, wmo);
    const referral = await send('consulentWmo', 'post', `/households/${household.id}/referrals`, {
      toOrganisationId: ORGANISATION_IDS.sociaalTeam3,
      reason: 'Gelijktijdige beslissing',
    });
    const answers = await parallel(RACE, (i) =>
      i % 2
        ? send('sociaalTeamMedewerker', 'post', `/referrals/${referral.body.id}/accept`, {
            userId: ids.sociaalTeamMedewerker,
          })
        : send('sociaalTeamMedewerker', 'post', `/referrals/${referral.body.id}/decline`, { reason: 'Vol' }),
    );
    const { rows } = await t.db.query(
      `SELECT r.status, (SELECT count(*)::int FROM case_team_member c WHERE c.household_id = r.household_id
               AND c.user_id = $2 AND c.left_at IS NULL) AS joined
         FROM referral r WHERE r.id = $1`,
      [referral.body.id, ids.sociaalTeamMedewerker],
    );
    expect({
      decisions: answers.filter((a) => a.status === 200).length,
      consistent: (rows[0].status === 'accepted') === (rows[0].joined === 1),
    }).toEqual({
      decisions: 1,
      consistent: true,
    });
  });

  it('counts every edit of a household in its version (parallel edits used to lose increments)', async () => {
    const wmo = await kit.as('consulentWmo');
    const { household } = await createHousehold(t, kit, wmo);
    const answers = await parallel(RACE, (i) =>
      send('consulentWmo', 'patch', `/households/${household.id}`, { houseNumber: String(i + 1) }),
    );
    const ok = answers.filter((a) => a.status === 200).length;
    const { rows } = await t.db.query(`SELECT version FROM household WHERE id = $1`, [household.id]);
    expect({ ok, version: rows[0].version }).toEqual({ ok, version: 1 + ok });
  });

  it(
    'answers 60 parallel dossier reads, more than the database pool (the pool used to deadlock for good)',
    async () => {
      const { household } = await createHousehold(t, kit, await kit.as('consulentWmo'));
      const answers = await burst(60, 'GET', `/households/${household.id}`, 'consulentWmo');
      expect(answers.filter((a) => a !== 200)).toEqual([]);
    },
    3 * BURST_PATIENCE_MS,
  );

  it(
    'answers 40 parallel case-team additions, more than the database pool (the pool used to deadlock)',
    async () => {
      // Writes that look up a professional (case-team add, hand-over, referral accept) used to hold a
      // transaction while asking the pool for a second connection.
      const { household } = await createHousehold(t, kit, await kit.as('consulentWmo'));
      const answers = await burst(40, 'POST', `/households/${household.id}/case-team`, 'consulentWmo', {
        userId: ids.consulentJeugd,
        caseRole: 'contributor',
      });
      expect(answers.filter((a) => a !== 201 && a !== 409)).toEqual([]);
    },
    3 * BURST_PATIENCE_MS,
  );

  it(
    'answers 40 parallel searches, hand-overs and referral answers each, more than the database pool',
    async () => {
      const { household } = await createHousehold(t, kit, await kit.as('consulentWmo'));
      const referral = await send('consulentWmo', 'post', `/households/${household.id}/referrals`, {
        toOrganisationId: ORGANISATION_IDS.sociaalTeam3,
        reason: 'Veel tegelijk',
      });
      expect(referral.status).toBe(201);
      const seen = {
        search: await burst(40, 'POST', '/households/search', 'consulentWmo', { street: 'straat' }),
        handOver: await burst(40, 'POST', `/households/${household.id}/regisseur`, 'consulentWmo', {
          userId: ids.consulentJeugd,
        }),
        accept: await burst(40, 'POST', `/referrals/${referral.body.id}/accept`, 'sociaalTeamMedewerker', {
          userId: ids.sociaalTeamMedewerker,
        }),
      };
      const count = (answers: unknown[]) =>
        answers.reduce<Record<string, number>>(
          (acc, a) => ({ ...acc, [String(a)]: (acc[String(a)] ?? 0) + 1 }),
          {},
        );
      const { rows } = await t.db.query(
        `SELECT array_agg(user_id) AS regisseurs FROM case_team_member
        WHERE household_id = $1 AND case_role = 'regisseur' AND left_at IS NULL`,
        [household.id],
      );
      // A repeated hand-over to the one who already took over may answer 204 again: the outcome is the same.
      expect({
        search: count(seen.search),
        handOver: seen.handOver.filter((a) => a !== 204 && a !== 409),
        regisseurs: rows[0].regisseurs,
        accept: count(seen.accept),
      }).toEqual({
        search: { 200: 40 },
        handOver: [],
        regisseurs: [ids.consulentJeugd],
        accept: { 200: 1, 409: 39 },
      });
    },
    3 * BURST_PATIENCE_MS,
  );
});
