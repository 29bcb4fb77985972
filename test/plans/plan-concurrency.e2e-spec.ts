import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit, PROBLEM } from '../identity/identity-kit';
import { isoDaysFromToday, PlanKit, TestHousehold } from './plan-kit';

/** Issue 6: ETag on read, If-Match required on write, 412 on a stale write — no lost updates. */
describe('plans: concurrent editing without lost updates', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let plans: PlanKit;
  let household: TestHousehold;
  let regisseur: string;

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp();
    kit = new IdentityKit(t);
    plans = new PlanKit(t, kit);
    await kit.seedDemoUsers();
    household = await plans.household();
    await plans.joinCaseTeam(household.id, 'consulentParticipatie', 'pillar_contact', 'PARTICIPATIE');
    regisseur = await plans.userId('consulentWmo');
  });
  afterAll(() => t.close());

  const path = (suffix = '') => `/households/${household.id}/plan${suffix}`;

  it('shows a household without a plan as revision 0 with ETag "0"; the first write creates the plan', async () => {
    const empty = await plans.plan('consulentWmo', household.id);
    expect(empty.etag).toBe('"0"');
    expect(empty.body).toMatchObject({ exists: false, revision: 0, version: null, versions: [] });
    const res = await plans.write('consulentWmo', 'patch', path(), '"0"', {
      ownWords: 'Wij willen rust over geld en dat Noah graag naar school gaat.',
    });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({ exists: true, revision: 1, version: { number: 1, status: 'concept' } });
    expect(res.body.version.ownWords).toBe('Wij willen rust over geld en dat Noah graag naar school gaat.');
  });

  it('two users edit the same version: the second gets 412, re-reads and succeeds; nothing is lost', async () => {
    const start = await plans.plan('consulentWmo', household.id);
    const first = await plans.write('consulentWmo', 'post', path('/goals'), start.etag, {
      ...plans.goal({ owner: { type: 'member', id: household.members[0] } }),
      description: 'Wij betalen de huur elke maand op tijd',
      lifeDomain: 'wonen',
    });
    expect(first.status).toBe(201);
    const second = await plans.write('consulentParticipatie', 'post', path('/goals'), start.etag, {
      ...plans.goal({ owner: { type: 'professional', id: regisseur } }),
      description: 'Mark heeft drie ochtenden per week vrijwilligerswerk',
      lifeDomain: 'werk',
    });
    expect(second.status).toBe(412);
    expect(second.headers['content-type']).toMatch(PROBLEM);
    expect(second.body.type).toBe('urn:gezinsplan:problem:precondition-failed');

    const reread = await plans.plan('consulentParticipatie', household.id);
    expect(reread.etag).toBe(first.headers.etag);
    expect(reread.body.version.goals.map((g: { description: string }) => g.description)).toEqual([
      'Wij betalen de huur elke maand op tijd',
    ]);
    const retry = await plans.write('consulentParticipatie', 'post', path('/goals'), reread.etag, {
      ...plans.goal({ owner: { type: 'professional', id: regisseur } }),
      description: 'Mark heeft drie ochtenden per week vrijwilligerswerk',
      lifeDomain: 'werk',
    });
    expect(retry.status).toBe(201);
    const after = await plans.plan('consulentWmo', household.id);
    expect(after.body.version.goals.map((g: { description: string }) => g.description)).toEqual([
      'Wij betalen de huur elke maand op tijd',
      'Mark heeft drie ochtenden per week vrijwilligerswerk',
    ]);
    expect(after.body.version.ownWords).toContain('rust over geld');
  });

  it('lets exactly one of many simultaneous writes with the same ETag through (guarded UPDATE)', async () => {
    const { etag, body } = await plans.plan('consulentWmo', household.id);
    const goalId = body.version.goals[0].id;
    const statuses = ['bezig', 'behaald', 'gestopt', 'open', 'bezig', 'behaald'];
    const results = await Promise.all(
      statuses.map((status, i) =>
        plans.write(
          i % 2 ? 'consulentParticipatie' : 'consulentWmo',
          'patch',
          path(`/goals/${goalId}`),
          etag,
          {
            status,
          },
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412, 412]);
    const winner = results.find((r) => r.status === 200)!;
    const { rows } = await t.db.query<{ revision: number; changes: string }>(
      `SELECT p.revision, (SELECT count(*) FROM plan_change c WHERE c.plan_id = p.id AND c.revision = p.revision) AS changes
       FROM plan p WHERE p.household_id = $1`,
      [household.id],
    );
    expect(`"${rows[0].revision}"`).toBe(winner.headers.etag);
    expect(Number(rows[0].changes)).toBe(1);
  });

  it('records who changed what and when', async () => {
    const res = await plans.get('consulentWmo', path('/changes'));
    expect(res.status).toBe(200);
    expect(res.headers.etag).toMatch(/^"\d+"$/);
    const kinds = res.body.items.map((c: { kind: string }) => c.kind);
    expect(kinds).toEqual(['goal.update', 'goal.create', 'goal.create', 'own-words.update', 'plan.create']);
    const participatie = await plans.userId('consulentParticipatie');
    expect(res.body.items[1].changedBy).toMatchObject({ type: 'professional', id: participatie });
    expect(res.body.items[0].fields).toEqual(['status']);
  });

  it('keeps the change log append-only for the application role', async () => {
    const client = await t.db.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE gezinsplan_app');
      await expect(client.query(`UPDATE plan_change SET fields = '{}'`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  describe('refusals name the problem and write nothing', () => {
    const expectUnchanged = async (
      write: () => Promise<{ status: number; body: Record<string, unknown> }>,
    ) => {
      const before = await plans.counts();
      const res = await write();
      expect(await plans.counts()).toEqual(before);
      return res;
    };

    it('428 without If-Match, naming the header', async () => {
      const res = await expectUnchanged(() =>
        plans.write('consulentWmo', 'post', path('/goals'), undefined, {
          ...plans.goal({ owner: { type: 'member', id: household.members[0] } }),
        }),
      );
      expect(res.status).toBe(428);
      expect(res.body.type).toBe('urn:gezinsplan:problem:precondition-required');
      expect(res.body.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
    });

    it('428 for If-Match: * and 400 for a malformed ETag', async () => {
      const star = await expectUnchanged(() =>
        plans.write('consulentWmo', 'patch', path(), '*', { ownWords: 'x' }),
      );
      expect(star.status).toBe(428);
      const weak = await expectUnchanged(() =>
        plans.write('consulentWmo', 'patch', path(), 'W/"5"', { ownWords: 'x' }),
      );
      expect(weak.status).toBe(400);
      expect(weak.body.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
    });

    it('a stale ETag on every kind of write is 412', async () => {
      const stale = '"1"';
      const goalId = (await plans.plan('consulentWmo', household.id)).body.version.goals[0].id;
      for (const res of [
        await plans.write('consulentWmo', 'patch', path(), stale, { ownWords: 'Iets anders' }),
        await plans.write('consulentWmo', 'delete', path(`/goals/${goalId}`), stale),
        await plans.write('consulentWmo', 'post', path(`/goals/${goalId}/actions`), stale, {
          actor: { type: 'organisation', name: 'Woningcorporatie Maasvallei' },
          description: 'Maakt een afspraak',
          dueOn: isoDaysFromToday(10),
        }),
      ]) {
        expect(res.status).toBe(412);
      }
    });

    it('a goal owner outside the household and case team is a 400 naming owner', async () => {
      const { etag } = await plans.plan('consulentWmo', household.id);
      const outsider = await plans.userId('consulentJeugd');
      const other = await plans.household('Claessens');
      for (const owner of [
        { type: 'professional', id: outsider },
        { type: 'member', id: other.members[0] },
        { type: 'member', id: regisseur },
        { type: 'professional', id: household.members[0] },
      ]) {
        const res = await expectUnchanged(() =>
          plans.write('consulentWmo', 'post', path('/goals'), etag, plans.goal({ owner })),
        );
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([{ field: 'owner', message: expect.stringContaining('eigenaar') }]);
      }
    });

    it('a target date before the plan existed is a 400 naming targetDate', async () => {
      const { etag } = await plans.plan('consulentWmo', household.id);
      const res = await expectUnchanged(() =>
        plans.write(
          'consulentWmo',
          'post',
          path('/goals'),
          etag,
          plans.goal({
            owner: { type: 'member', id: household.members[1] },
            targetDate: isoDaysFromToday(-1),
          }),
        ),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'targetDate', message: expect.stringContaining('vóór') }]);
    });

    it('validates the body: unknown life domain, missing owner, impossible date', async () => {
      const { etag } = await plans.plan('consulentWmo', household.id);
      const res = await expectUnchanged(() =>
        plans.write('consulentWmo', 'post', path('/goals'), etag, {
          lifeDomain: 'hobby',
          description: 'x',
          targetDate: '2027-02-30',
        }),
      );
      expect(res.status).toBe(400);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['lifeDomain', 'owner', 'targetDate']));
    });
  });

  it('leaks nothing', () => kit.expectNothingLeaked());
});
