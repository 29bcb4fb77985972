import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit } from '../identity/identity-kit';
import { isoDaysFromToday, PlanKit, TestHousehold } from './plan-kit';

interface Goal {
  id: string;
  description: string;
  status: string;
  actions: { id: string; description: string; done: boolean }[];
}

/** Issue 6: concept editing, agreeing (vaststellen) freezes a version, the next edit opens N+1, comparison. */
describe('plans: versions, agreeing and comparing', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let plans: PlanKit;
  let household: TestHousehold;
  let regisseur: string;
  const path = (suffix = '') => `/households/${household.id}/plan${suffix}`;
  const today = isoDaysFromToday(0);

  /** Sends a write with the current ETag and expects success. */
  async function edit(method: 'post' | 'patch' | 'delete', suffix: string, body?: object) {
    const { etag } = await plans.plan('consulentWmo', household.id);
    const res = await plans.write('consulentWmo', method, path(suffix), etag, body);
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
    regisseur = await plans.userId('consulentWmo');
  });
  afterAll(() => t.close());

  let rent: Goal;
  let school: Goal;

  it('builds a concept: own words, goals in two life domains, actions', async () => {
    await edit('patch', '', { ownWords: 'Wij willen in ons huis blijven wonen.' });
    await edit('post', '/goals', {
      lifeDomain: 'wonen',
      description: 'De huurachterstand is opgelost',
      owner: { type: 'member', id: household.members[0] },
      targetDate: isoDaysFromToday(90),
    });
    const body = await edit('post', '/goals', {
      lifeDomain: 'onderwijs',
      description: 'Noah gaat elke dag naar school',
      owner: { type: 'professional', id: regisseur },
      targetDate: isoDaysFromToday(60),
      internalNote: 'Afstemmen met leerplicht',
    });
    [rent, school] = body.version.goals;
    await edit('post', `/goals/${rent.id}/actions`, {
      actor: { type: 'organisation', name: 'Woningcorporatie Maasvallei' },
      description: 'Maakt een betalingsafspraak',
      dueOn: isoDaysFromToday(14),
    });
    const withActions = await edit('post', `/goals/${school.id}/actions`, {
      actor: { type: 'member', id: household.members[1] },
      description: 'Brengt Noah elke ochtend naar school',
      dueOn: isoDaysFromToday(7),
    });
    [rent, school] = withActions.version.goals;
    expect(withActions.version).toMatchObject({ number: 1, status: 'concept' });
    expect(rent.actions).toHaveLength(1);
    expect(school.actions).toHaveLength(1);
  });

  it('refuses to agree with members who do not live in the household, or on a future date', async () => {
    const { etag } = await plans.plan('consulentWmo', household.id);
    const other = await plans.household('Smeets');
    const stranger = await plans.write('consulentWmo', 'post', path('/vaststellen'), etag, {
      agreedOn: today,
      agreedByPersonIds: [other.members[0]],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors[0].field).toBe('agreedByPersonIds');
    const future = await plans.write('consulentWmo', 'post', path('/vaststellen'), etag, {
      agreedOn: isoDaysFromToday(3),
      agreedByPersonIds: [household.members[0]],
    });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe('agreedOn');
  });

  it('agreeing freezes version 1 with its date and the members who agreed', async () => {
    const body = await edit('post', '/vaststellen', {
      agreedOn: today,
      agreedByPersonIds: [household.members[0], household.members[1]],
      nextEvaluationOn: isoDaysFromToday(56),
    });
    expect(body.version).toMatchObject({
      number: 1,
      status: 'vastgesteld',
      agreedOn: today,
      agreedBy: [
        { type: 'member', id: household.members[0], name: 'Anouk Bemelmans' },
        { type: 'member', id: household.members[1], name: 'Mark Bemelmans' },
      ],
    });
    expect(body.nextEvaluationOn).toBe(isoDaysFromToday(56));
  });

  it('an action edit on the frozen version is a 409 naming the version, and writes nothing', async () => {
    const { etag } = await plans.plan('consulentWmo', household.id);
    const before = await plans.counts();
    const action = rent.actions[0].id;
    const res = await plans.write('consulentWmo', 'patch', path(`/versions/1/actions/${action}`), etag, {
      done: true,
    });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ field: 'version', message: expect.stringContaining('vastgesteld') }]);
    const newAction = await plans.write(
      'consulentWmo',
      'post',
      path(`/versions/1/goals/${rent.id}/actions`),
      etag,
      {
        actor: { type: 'professional', id: regisseur },
        description: 'Belt de corporatie',
        dueOn: isoDaysFromToday(3),
      },
    );
    expect(newAction.status).toBe(409);
    const again = await plans.write('consulentWmo', 'post', path('/vaststellen'), etag, {
      agreedOn: today,
      agreedByPersonIds: [household.members[0]],
    });
    expect(again.status).toBe(409);
    expect(await plans.counts()).toEqual(before);
  });

  it('the database refuses changes to an agreed version too', async () => {
    await expect(
      t.db.query(`UPDATE plan_action SET done = true WHERE id = $1`, [rent.actions[0].id]),
    ).rejects.toThrow(/agreed/);
    await expect(
      t.db.query(`UPDATE plan_version SET own_words = 'x' WHERE number = 1 AND household_id = $1`, [
        household.id,
      ]),
    ).rejects.toThrow(/agreed/);
  });

  it('the next edit opens version 2 as a concept with a copy of the content', async () => {
    const body = await edit('patch', `/actions/${rent.actions[0].id}`, { done: true });
    expect(body.version).toMatchObject({ number: 2, status: 'concept' });
    expect(body.versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [1, 'vastgesteld'],
      [2, 'concept'],
    ]);
    expect(body.version.ownWords).toBe('Wij willen in ons huis blijven wonen.');
    expect(body.version.goals.map((g: Goal) => g.id)).toEqual([rent.id, school.id]);
    expect(body.version.goals[0].actions[0]).toMatchObject({ id: rent.actions[0].id, done: true });
    const v1 = await plans.get('consulentWmo', path('/versions/1'));
    expect(v1.status).toBe(200);
    expect(v1.body.goals[0].actions[0].done).toBe(false);
  });

  it('compares two versions: exactly the added, changed and removed goals and actions', async () => {
    await edit('patch', `/goals/${rent.id}`, { status: 'bezig', targetDate: isoDaysFromToday(100) });
    await edit('delete', `/goals/${school.id}`);
    const added = await edit('post', '/goals', {
      lifeDomain: 'financien',
      description: 'Wij hebben overzicht over onze rekeningen',
      owner: { type: 'member', id: household.members[0] },
      targetDate: isoDaysFromToday(30),
    });
    const newGoal = added.version.goals.find((g: Goal) => g.description.startsWith('Wij hebben overzicht'));
    await edit('patch', '', { ownWords: 'Wij willen in ons huis blijven wonen en rust over geld.' });
    const res = await plans.get('consulentWmo', path('/versions/compare?from=1&to=2'));
    expect(res.status).toBe(200);
    expect(res.headers.etag).toMatch(/^"\d+"$/);
    const diff = res.body;
    expect(diff.ownWords).toEqual({
      field: 'ownWords',
      from: 'Wij willen in ons huis blijven wonen.',
      to: 'Wij willen in ons huis blijven wonen en rust over geld.',
    });
    expect(diff.goals.added.map((g: Goal) => g.id)).toEqual([newGoal.id]);
    expect(diff.goals.removed.map((g: Goal) => g.id)).toEqual([school.id]);
    expect(diff.goals.changed).toEqual([
      {
        id: rent.id,
        description: 'De huurachterstand is opgelost',
        changes: [
          { field: 'targetDate', from: isoDaysFromToday(90), to: isoDaysFromToday(100) },
          { field: 'status', from: 'open', to: 'bezig' },
        ],
      },
    ]);
    expect(diff.actions.added).toEqual([]);
    expect(diff.actions.removed.map((a: { id: string }) => a.id)).toEqual([school.actions[0].id]);
    expect(diff.actions.changed).toEqual([
      {
        id: rent.actions[0].id,
        description: 'Maakt een betalingsafspraak',
        changes: [{ field: 'done', from: false, to: true }],
      },
    ]);
    const backwards = await plans.get('consulentWmo', path('/versions/compare?from=2&to=1'));
    expect(backwards.body.goals.added.map((g: Goal) => g.id)).toEqual([school.id]);
    const same = await plans.get('consulentWmo', path('/versions/compare?from=2&to=2'));
    expect(same.body).toMatchObject({ ownWords: null, goals: { added: [], removed: [], changed: [] } });
    expect((await plans.get('consulentWmo', path('/versions/compare?from=1&to=9'))).status).toBe(404);
    expect((await plans.get('consulentWmo', path('/versions/compare?from=0&to=1'))).status).toBe(400);
  });

  it('agrees version 2, evaluates it, and lists the versions', async () => {
    await edit('post', '/vaststellen', { agreedOn: today, agreedByPersonIds: [household.members[0]] });
    const plan = await plans.plan('consulentWmo', household.id);
    const goal = plan.body.version.goals[0];
    const evaluation = await plans.write('consulentWmo', 'post', path('/evaluations'), plan.etag, {
      evaluatedOn: today,
      nextEvaluationOn: isoDaysFromToday(90),
      outcomes: [{ goalId: goal.id, status: 'bezig', outcome: 'De afspraak met de corporatie loopt.' }],
    });
    expect(evaluation.status).toBe(201);
    expect(evaluation.body.version.number).toBe(2);
    expect(evaluation.body.evaluations[0]).toMatchObject({
      versionNumber: 2,
      evaluatedOn: today,
      nextEvaluationOn: isoDaysFromToday(90),
      outcomes: [{ goalId: goal.id, status: 'bezig', outcome: 'De afspraak met de corporatie loopt.' }],
    });
    const unknownGoal = await plans.write(
      'consulentWmo',
      'post',
      path('/evaluations'),
      evaluation.headers.etag,
      {
        evaluatedOn: today,
        nextEvaluationOn: isoDaysFromToday(90),
        outcomes: [{ goalId: school.id, status: 'gestopt', outcome: 'Niet meer nodig' }],
      },
    );
    expect(unknownGoal.status).toBe(400);
    expect(unknownGoal.body.errors[0].field).toBe('outcomes.0.goalId');
    const versions = await plans.get('consulentWmo', path('/versions'));
    expect(versions.body.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [1, 'vastgesteld'],
      [2, 'vastgesteld'],
    ]);
    expect(versions.headers.etag).toBe(evaluation.headers.etag);
  });

  it('shows the plan summary in the household dossier', async () => {
    const res = await plans.get('consulentWmo', `/households/${household.id}`);
    expect(res.status).toBe(200);
    expect(res.body.plan).toMatchObject({
      exists: true,
      scope: 'whole',
      version: { number: 2, status: 'vastgesteld' },
      goals: 2,
    });
  });

  it('leaks nothing', () => kit.expectNothingLeaked());
});
