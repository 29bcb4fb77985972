import { DemoUserKey } from '@app/identity';
import { ORGANISATION_IDS } from '@app/reference';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit } from '../identity/identity-kit';
import { isoDaysFromToday, PlanKit, TestHousehold } from './plan-kit';

interface Goal {
  id: string;
  lifeDomain: string;
  description: string;
  actions: { id: string; description: string }[];
}

const FINANCIAL = 'Wij lossen de achterstand bij de energieleverancier af';
const HEALTH = 'Anouk gaat naar de huisarts voor haar slaapproblemen';
const OWN_WORDS = 'Wij willen rust over geld en weer goed slapen.';

/** Issue 6 and DESIGN.md rules 1, 2, 4, 6, 9: who sees and changes which part of the plan. */
describe('plans: visibility per role, per record and in SQL', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let plans: PlanKit;
  let household: TestHousehold;
  let financial: Goal;
  let health: Goal;
  const path = (suffix = '') => `/households/${household.id}/plan${suffix}`;

  async function edit(
    method: 'post' | 'patch',
    suffix: string,
    body: object,
    user: DemoUserKey = 'consulentWmo',
  ) {
    const { etag } = await plans.plan(user, household.id);
    const res = await plans.write(user, method, path(suffix), etag, body);
    if (res.status >= 300) throw new Error(`${method} ${suffix}: ${res.status} ${res.text}`);
    return res.body;
  }

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp();
    kit = new IdentityKit(t);
    plans = new PlanKit(t, kit);
    await kit.seedDemoUsers();
    household = await plans.household();
    await plans.joinCaseTeam(household.id, 'schuldhulpverlener', 'pillar_contact', 'SHV');
    await edit('patch', '', { ownWords: OWN_WORDS });
    // Backdate the plan so that goals can be overdue (target dates may not precede the plan).
    await t.db.query(`UPDATE plan SET created_on = created_on - 60 WHERE household_id = $1`, [household.id]);
    await edit('post', '/goals', {
      lifeDomain: 'financien',
      description: FINANCIAL,
      owner: { type: 'member', id: household.members[0] },
      targetDate: isoDaysFromToday(-10),
      status: 'bezig',
    });
    const body = await edit('post', '/goals', {
      lifeDomain: 'gezondheid',
      description: HEALTH,
      owner: { type: 'member', id: household.members[0] },
      targetDate: isoDaysFromToday(-5),
    });
    [financial, health] = body.version.goals;
    await edit('post', `/goals/${financial.id}/actions`, {
      actor: { type: 'organisation', name: 'Kredietbank Limburg' },
      description: 'Vraagt een betalingsregeling aan',
      dueOn: isoDaysFromToday(5),
    });
    await edit('post', `/goals/${health.id}/actions`, {
      actor: { type: 'member', id: household.members[0] },
      description: 'Maakt een afspraak bij de huisarts',
      dueOn: isoDaysFromToday(5),
    });
    await edit('post', '/vaststellen', {
      agreedOn: isoDaysFromToday(-1),
      agreedByPersonIds: [household.members[0]],
      nextEvaluationOn: isoDaysFromToday(30),
    });
    await t.db.query(`UPDATE plan SET next_evaluation_on = $2 WHERE household_id = $1`, [
      household.id,
      isoDaysFromToday(-3),
    ]);
  });
  afterAll(() => t.close());

  const descriptions = (goals: Goal[]) => goals.map((g) => g.description);

  describe('KBL without a PLAN consent', () => {
    it('sees only the financial goals and their actions, not the household’s own words', async () => {
      const { body, etag } = await plans.plan('schuldhulpverlener', household.id);
      expect(etag).toMatch(/^"\d+"$/);
      expect(body.scope).toBe('financien');
      expect(body.version).not.toHaveProperty('ownWords');
      expect(descriptions(body.version.goals)).toEqual([FINANCIAL]);
      expect(body.version.goals[0].actions.map((a: { description: string }) => a.description)).toEqual([
        'Vraagt een betalingsregeling aan',
      ]);
      expect(JSON.stringify(body)).not.toContain('huisarts');
      const version = await plans.get('schuldhulpverlener', path('/versions/1'));
      expect(descriptions(version.body.goals)).toEqual([FINANCIAL]);
    });

    it('gets 404 for a goal it may not see and 403 for domains and plan-wide writes it may not do', async () => {
      const { etag } = await plans.plan('schuldhulpverlener', household.id);
      const before = await plans.counts();
      const hidden = await plans.write('schuldhulpverlener', 'patch', path(`/goals/${health.id}`), etag, {
        status: 'behaald',
      });
      expect(hidden.status).toBe(404);
      const otherDomain = await plans.write('schuldhulpverlener', 'post', path('/goals'), etag, {
        lifeDomain: 'wonen',
        description: 'Verhuizen naar een kleinere woning',
        owner: { type: 'member', id: household.members[0] },
        targetDate: isoDaysFromToday(90),
      });
      expect(otherDomain.status).toBe(403);
      const moveOut = await plans.write('schuldhulpverlener', 'patch', path(`/goals/${financial.id}`), etag, {
        lifeDomain: 'wonen',
      });
      expect(moveOut.status).toBe(403);
      const ownWords = await plans.write('schuldhulpverlener', 'patch', path(), etag, { ownWords: 'x' });
      expect(ownWords.status).toBe(403);
      const agree = await plans.write('schuldhulpverlener', 'post', path('/vaststellen'), etag, {
        agreedOn: isoDaysFromToday(0),
        agreedByPersonIds: [household.members[0]],
      });
      expect(agree.status).toBe(403);
      expect(await plans.counts()).toEqual(before);
    });

    it('may edit a financial goal (opening version 2) and sees only financial changes in the log', async () => {
      const body = await edit('patch', `/goals/${financial.id}`, { status: 'behaald' }, 'schuldhulpverlener');
      expect(body.version).toMatchObject({ number: 2, status: 'concept' });
      const changes = await plans.get('schuldhulpverlener', path('/changes'));
      const kinds = changes.body.items.map((c: { kind: string; lifeDomain: string | null }) => c.kind);
      expect(kinds).not.toContain('own-words.update');
      for (const change of changes.body.items) {
        expect([null, 'financien']).toContain(change.lifeDomain);
      }
      const all = await plans.get('consulentWmo', path('/changes'));
      expect(all.body.items.length).toBeGreaterThan(changes.body.items.length);
      const diff = await plans.get('schuldhulpverlener', path('/versions/compare?from=1&to=2'));
      expect(diff.body.ownWords).toBeNull();
      expect(diff.body.goals.changed.map((g: { id: string }) => g.id)).toEqual([financial.id]);
    });
  });

  describe('the worklist of overdue goals and evaluations, filtered in SQL', () => {
    type Item = { kind: string; householdId: string; description?: string; daysOverdue: number };
    const worklist = async (user: DemoUserKey, query = '') => {
      const res = await plans.get(user, `/worklists/plans${query}`);
      expect(res.status).toBe(200);
      return res.body as { items: Item[]; total: number };
    };

    it('shows the regisseur the overdue goal and the overdue evaluation, oldest first', async () => {
      const list = await worklist('consulentWmo');
      const mine = list.items.filter((i) => i.householdId === household.id);
      expect(mine.map((i) => [i.kind, i.description ?? null, i.daysOverdue])).toEqual([
        ['goal', HEALTH, 5],
        ['evaluation', null, 3],
      ]);
      // The financial goal was reached in version 2 (the newest), so it is no longer overdue.
    });

    it('shows KBL only what it may see: no health goal without consent', async () => {
      expect((await worklist('schuldhulpverlener')).items).toEqual([]); // not the regisseur anywhere
      const all = await worklist('schuldhulpverlener', '?scope=all');
      expect(all.items.map((i) => i.kind)).toEqual(['evaluation']);
      expect(all.total).toBe(1);
    });

    it('shows the teamleider the team’s households under scope=all, nothing to others', async () => {
      expect((await worklist('teamleider', '?scope=all')).total).toBe(2);
      expect((await worklist('teamleider')).total).toBe(0);
      expect((await worklist('consulentHeuvelland', '?scope=all')).total).toBe(0);
      expect((await worklist('consulentJeugd', '?scope=all')).total).toBe(0);
      expect((await plans.get('beleidsmedewerker', '/worklists/plans')).status).toBe(403);
    });

    it('pages and filters by kind', async () => {
      const goals = await worklist('consulentWmo', '?kind=goal');
      expect(goals.items.map((i) => i.kind)).toEqual(['goal']);
      const page2 = await worklist('consulentWmo', '?pageSize=1&page=2');
      expect(page2.items.map((i) => i.kind)).toEqual(['evaluation']);
      expect(page2.total).toBe(2);
    });
  });

  describe('KBL with a PLAN consent', () => {
    beforeAll(() => plans.givePlanConsent(household, ORGANISATION_IDS.kbl));

    it('sees the whole plan, including the own words', async () => {
      const { body } = await plans.plan('schuldhulpverlener', household.id);
      expect(body.scope).toBe('whole');
      expect(body.version.ownWords).toBe(OWN_WORDS);
      expect(descriptions(body.version.goals)).toEqual([FINANCIAL, HEALTH]);
    });

    it('still changes only the financial domain (403 for a visible health goal)', async () => {
      const { etag } = await plans.plan('schuldhulpverlener', household.id);
      const res = await plans.write('schuldhulpverlener', 'patch', path(`/goals/${health.id}`), etag, {
        status: 'behaald',
      });
      expect(res.status).toBe(403);
    });
  });

  describe('other roles', () => {
    it('lets the teamleider of the regisseur’s team read but not write', async () => {
      const { body, etag } = await plans.plan('teamleider', household.id);
      expect(body.scope).toBe('whole');
      expect(descriptions(body.version.goals)).toEqual([FINANCIAL, HEALTH]);
      const write = await plans.write('teamleider', 'patch', path(`/goals/${health.id}`), etag, {
        status: 'bezig',
      });
      expect(write.status).toBe(403);
      expect((await plans.write('teamleider', 'patch', path(), etag, { ownWords: 'x' })).status).toBe(403);
    });

    it('refuses a reader’s goal and action writes before it compares versions (403, not 412 or 409)', async () => {
      const stale = '"9999"';
      const goal = path(`/goals/${health.id}`);
      const writes = [
        () => plans.write('teamleider', 'patch', goal, stale, { status: 'bezig' }),
        () =>
          plans.write('teamleider', 'post', path(`/goals/${health.id}/actions`), stale, {
            description: 'Huisarts bellen',
            dueOn: isoDaysFromToday(10),
            actor: { type: 'member', id: household.members[0] },
          }),
        () => plans.write('teamleider', 'delete', goal, stale),
        // Version 1 is agreed: a writer would get 409; a reader learns nothing about it.
        async () =>
          plans.write(
            'teamleider',
            'delete',
            path(`/versions/1/goals/${health.id}`),
            (await plans.plan('teamleider', household.id)).etag,
          ),
      ];
      for (const write of writes) {
        const res = await write();
        expect({ status: res.status, type: res.body.type }).toEqual({
          status: 403,
          type: 'urn:gezinsplan:problem:forbidden',
        });
      }
      // The regisseur with the same stale ETag still gets the 412.
      expect((await plans.write('consulentWmo', 'delete', goal, stale)).status).toBe(412);
    });

    it('answers 404 for another municipality and for colleagues not on the case, 403 for roles without case content', async () => {
      const { etag } = await plans.plan('consulentWmo', household.id);
      for (const user of ['consulentHeuvelland', 'consulentJeugd', 'sociaalTeamMedewerker'] as const) {
        expect({ user, status: (await plans.get(user, path())).status }).toEqual({ user, status: 404 });
        expect((await plans.get(user, path('/versions/1/pdf'))).status).toBe(404);
        const write = await plans.write(user, 'patch', path(`/goals/${health.id}`), etag, {
          status: 'bezig',
        });
        expect(write.status).toBe(404);
      }
      for (const user of ['beleidsmedewerker', 'privacyOfficer', 'functioneelBeheerder'] as const) {
        expect({ user, status: (await plans.get(user, path())).status }).toEqual({ user, status: 403 });
      }
    });

    it('logs each read as plans.read and each refusal as denied', async () => {
      const { rows } = await t.db.query<{ outcome: string; n: string }>(
        `SELECT outcome, count(*) AS n FROM access_audit
         WHERE processing_activity_id = 'plans.read' AND household_id = $1 GROUP BY outcome`,
        [household.id],
      );
      const byOutcome = Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)]));
      expect(byOutcome.allowed).toBeGreaterThan(5);
      expect(byOutcome.denied).toBeGreaterThanOrEqual(3);
    });
  });

  it('leaks nothing', () => kit.expectNothingLeaked());
});
