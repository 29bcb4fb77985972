import { IdentityKit, PROBLEM } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';
import { otherTeamleider, reviewsApp } from './review-kit';

const REVIEW_TABLES = ['case_review', 'case_review_action', 'case_review_leerpunt'];

const valid = () => ({
  reviewedOn: '2026-11-20',
  participants: ['teamleider', 'regisseur (consulent Wmo)', 'KBL'],
  findings: 'De regie ligt duidelijk bij de consulent; de schulden zijn stabiel.',
  actions: [
    {
      description: 'KBL en regisseur plannen een gezamenlijk gesprek',
      owner: 'regisseur',
      dueOn: '2026-12-15',
    },
    {
      description: 'Teamleider bespreekt de werkwijze in het teamoverleg',
      owner: 'teamleider',
      dueOn: '2026-11-01',
    },
  ],
  leerpunten: [
    { theme: 'samenwerking', text: 'Een gezamenlijk gesprek voorkomt dubbel werk.' },
    { theme: 'financien', text: 'Maatwerkbudget vroeg inzetten loont.' },
  ],
  nextReviewOn: '2027-02-20',
});

/** Issue 9: case reviews by the teamleider: CRUD, validation, concurrency and the processing log. */
describe('reviews: case reviews', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let auth: Record<string, string>;
  let householdId: string;

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of REVIEW_TABLES) {
      out[table] = Number((await t.db.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
    }
    return out;
  };

  beforeAll(async () => {
    ({ t, kit } = await reviewsApp());
    auth = kit.bearer(await kit.as('teamleider'));
    const res = await t.http().get('/api/v1/caseload?cohort=true&pageSize=500').set(auth);
    householdId = (res.body.items as { householdId: string; lastReviewOn: string | null }[]).find(
      (r) => r.lastReviewOn === null,
    )!.householdId;
  });
  afterAll(() => t.close());

  it('creates, reads, lists, updates, ticks off an action and deletes a review', async () => {
    const created = await t
      .http()
      .post(`/api/v1/households/${householdId}/case-reviews`)
      .set(auth)
      .send(valid());
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      householdId,
      reviewedOn: '2026-11-20',
      reviewer: 'Joep Smeets',
      nextReviewOn: '2027-02-20',
      version: 1,
      leerpunten: [
        { theme: 'samenwerking', themeLabel: 'Samenwerking' },
        { theme: 'financien', themeLabel: 'Financiën' },
      ],
    });
    expect(created.body.actions.map((a: { overdue: boolean }) => a.overdue)).toEqual([false, true]);
    const id = created.body.id as string;

    const list = await t.http().get(`/api/v1/households/${householdId}/case-reviews`).set(auth);
    expect(list.status).toBe(200);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([id]);

    const changed = { ...valid(), findings: 'Bijgesteld na overleg.', actions: valid().actions.slice(0, 1) };
    const updated = await t
      .http()
      .put(`/api/v1/case-reviews/${id}`)
      .set(auth)
      .set('If-Match', '"1"')
      .send(changed);
    expect(updated.status).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body).toMatchObject({ findings: 'Bijgesteld na overleg.', version: 2 });
    expect(updated.body.actions).toHaveLength(1);

    const actionId = updated.body.actions[0].id as string;
    const done = await t
      .http()
      .patch(`/api/v1/case-reviews/${id}/actions/${actionId}`)
      .set(auth)
      .set('If-Match', '"2"')
      .send({ done: true });
    expect(done.status).toBe(200);
    expect(done.body.actions[0].doneOn).toBe('2026-11-22');
    expect(done.body.version).toBe(3);

    const read = await t.http().get(`/api/v1/case-reviews/${id}`).set(auth);
    expect(read.headers.etag).toBe('"3"');

    const { rows: logged } = await t.db.query<{ action: string }>(
      `SELECT action FROM processing_log WHERE resource_type = 'CaseReview' AND resource_id = $1 ORDER BY id`,
      [id],
    );
    expect(logged.map((r) => r.action)).toEqual(['create', 'update', 'update', 'read']);

    const removed = await t.http().delete(`/api/v1/case-reviews/${id}`).set(auth).set('If-Match', '"3"');
    expect(removed.status).toBe(204);
    expect((await t.db.query(`SELECT 1 FROM case_review_action WHERE review_id = $1`, [id])).rowCount).toBe(
      0,
    );
    expect((await t.http().get(`/api/v1/case-reviews/${id}`).set(auth)).status).toBe(404);
  });

  it('answers a stale or missing If-Match with 412 / 428 and keeps the newer change', async () => {
    const created = await t
      .http()
      .post(`/api/v1/households/${householdId}/case-reviews`)
      .set(auth)
      .send(valid());
    const id = created.body.id as string;
    const first = await t
      .http()
      .put(`/api/v1/case-reviews/${id}`)
      .set(auth)
      .set('If-Match', '"1"')
      .send({ ...valid(), findings: 'Eerste wijziging' });
    expect(first.status).toBe(200);
    const stale = await t
      .http()
      .put(`/api/v1/case-reviews/${id}`)
      .set(auth)
      .set('If-Match', '"1"')
      .send({ ...valid(), findings: 'Verouderde wijziging' });
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toMatch(PROBLEM);
    const missing = await t.http().put(`/api/v1/case-reviews/${id}`).set(auth).send(valid());
    expect(missing.status).toBe(428);
    const now = await t.http().get(`/api/v1/case-reviews/${id}`).set(auth);
    expect(now.body.findings).toBe('Eerste wijziging');
    expect(now.body.actions).toHaveLength(2);
  });

  it.each([
    ['reviewedOn', { reviewedOn: '2026-02-30' }],
    ['reviewedOn', { reviewedOn: '2026-12-01' }],
    ['nextReviewOn', { nextReviewOn: '2026-11-01' }],
    ['findings', { findings: '   ' }],
    ['participants', { participants: 'teamleider' }],
    ['actions', { actions: [{ description: 'x', owner: 'regisseur', dueOn: 'morgen' }] }],
    ['actions', { actions: [{ description: 'x', dueOn: '2026-12-01' }] }],
    ['leerpunten', { leerpunten: [{ theme: 'gezelligheid', text: 'x' }] }],
    ['leerpunten', { leerpunten: [{ theme: 'regie', text: '' }] }],
  ])('refuses bad %s with a 400 naming it and writes nothing', async (field, change) => {
    const before = await counts();
    const res = await t
      .http()
      .post(`/api/v1/households/${householdId}/case-reviews`)
      .set(auth)
      .send({ ...valid(), ...change });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(JSON.stringify(res.body.errors)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses a bad update the same way and leaves the review as it was', async () => {
    const created = await t
      .http()
      .post(`/api/v1/households/${householdId}/case-reviews`)
      .set(auth)
      .send(valid());
    const before = await counts();
    const res = await t
      .http()
      .put(`/api/v1/case-reviews/${created.body.id}`)
      .set(auth)
      .set('If-Match', '"1"')
      .send({
        ...valid(),
        leerpunten: [
          { theme: 'regie', text: 'goed' },
          { theme: 'onbekend', text: 'x' },
        ],
      });
    expect(res.status).toBe(400);
    expect(await counts()).toEqual(before);
    const bad = await t.http().get(`/api/v1/case-reviews/not-a-uuid`).set(auth);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('id');
  });

  it('hides the reviews from a teamleider of another team and from case workers (404 / 403)', async () => {
    const created = await t
      .http()
      .post(`/api/v1/households/${householdId}/case-reviews`)
      .set(auth)
      .send(valid());
    const other = await otherTeamleider(t, kit);
    expect((await t.http().get(`/api/v1/case-reviews/${created.body.id}`).set(other)).status).toBe(404);
    expect((await t.http().get(`/api/v1/households/${householdId}/case-reviews`).set(other)).status).toBe(
      404,
    );
    const before = await counts();
    const write = await t
      .http()
      .post(`/api/v1/households/${householdId}/case-reviews`)
      .set(other)
      .send(valid());
    expect(write.status).toBe(404);
    expect(await counts()).toEqual(before);
    const consulent = kit.bearer(await kit.as('consulentWmo'));
    expect((await t.http().get(`/api/v1/case-reviews/${created.body.id}`).set(consulent)).status).toBe(403);
  });
});
