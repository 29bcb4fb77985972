import { Clock, FixedClock } from '@app/core';
import { DemoUserKey } from '@app/identity';
import { createHousehold } from '../households/household-kit';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { requester } from './privacy-kit';

interface AuditRow {
  processing_activity_id: string;
  outcome: string;
  reason: string | null;
}

/** Issue 12 "done when": break the glass works for 24 hours, stops after, every access in it flagged. */
describe('privacy: break the glass lasts 24 hours and flags every access it makes possible', () => {
  const clock = new FixedClock(new Date('2026-11-20T22:00:00Z'));
  let t: TestApp;
  let kit: IdentityKit;
  let r: ReturnType<typeof requester>;
  let householdId: string;
  let jeugd: string;
  let grantedAt: string;

  beforeAll(async () => {
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
    kit = new IdentityKit(t);
    r = requester(t, kit);
    await kit.seedDemoUsers();
    householdId = (await createHousehold(t, kit, await kit.as('consulentWmo'))).household.id;
    const plan = await t
      .http()
      .get(`/api/v1/households/${householdId}/plan`)
      .set(kit.bearer(await kit.as('consulentWmo')));
    const ownWords = await t
      .http()
      .patch(`/api/v1/households/${householdId}/plan`)
      .set(kit.bearer(await kit.as('consulentWmo')))
      .set('If-Match', plan.headers.etag as string)
      .send({ ownWords: 'Wij willen weer rust in huis.' });
    expect(ownWords.status).toBeLessThan(300);
    jeugd = (
      await t.db.query(`SELECT id FROM user_account WHERE email = 'consulent.jeugd@demo.gezinsplan.nl'`)
    ).rows[0].id;
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  /** The reads a professional makes of a dossier: the dossier, its plan, its budget and its indications. */
  const readAll = async (as: DemoUserKey) => ({
    dossier: await r.get(as, `/api/v1/households/${householdId}`),
    plan: await r.get(as, `/api/v1/households/${householdId}/plan`),
    versions: await r.get(as, `/api/v1/households/${householdId}/plan/versions`),
    budget: await r.get(as, `/api/v1/households/${householdId}/budget-requests`),
    indications: await r.get(as, `/api/v1/households/${householdId}/indications`),
  });
  /** The log position now: entries written after it are the ones of the step under test. */
  const mark = async () =>
    (await t.db.query<{ id: string }>(`SELECT coalesce(max(id), 0)::text AS id FROM access_audit`)).rows[0]
      .id;
  const logOf = async (userId: string, after: string) =>
    (
      await t.db.query<AuditRow>(
        `SELECT processing_activity_id, outcome, reason FROM access_audit
          WHERE user_id = $1 AND household_id = $2 AND id > $3
            AND processing_activity_id <> 'access.break-the-glass'
          ORDER BY id`,
        [userId, householdId, after],
      )
    ).rows;

  it('gives nothing before the grant, and nothing is flagged', async () => {
    const before = await mark();
    const reads = await readAll('consulentJeugd');
    expect(reads.dossier.body.access).toBe('index');
    expect(reads.plan.status).toBeGreaterThanOrEqual(403);
    const rows = await logOf(jeugd, before);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.reason ?? '').not.toMatch(/noodtoegang/);
  });

  it('opens everything for reading within the 24 hours, each access flagged in the log', async () => {
    const opened = await r.post('consulentJeugd', `/api/v1/households/${householdId}/break-glass`, {
      category: 'acute-veiligheid',
      reason: 'Melding crisisdienst, regisseur niet bereikbaar',
    });
    expect(opened.status).toBe(201);
    grantedAt = await mark();
    clock.set(new Date('2026-11-21T21:59:59Z')); // one second before the grant ends
    const reads = await readAll('consulentJeugd');
    expect(reads.dossier.body).toMatchObject({ access: 'full', breakGlass: true });
    for (const res of Object.values(reads)) expect(res.status).toBe(200);
    const rows = await logOf(jeugd, grantedAt);
    const activities = new Set(rows.map((row) => row.processing_activity_id));
    expect(activities.size).toBeGreaterThanOrEqual(4);
    for (const row of rows)
      expect(row).toMatchObject({ outcome: 'allowed', reason: expect.stringMatching(/^noodtoegang/) });
  });

  it('does not flag the work of those on the case team in the same window', async () => {
    const since = await mark();
    await readAll('consulentWmo');
    const wmo = (
      await t.db.query(`SELECT id FROM user_account WHERE email = 'consulent.wmo@demo.gezinsplan.nl'`)
    ).rows[0].id;
    const rows = await logOf(wmo, since);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(row.reason ?? '').not.toMatch(/noodtoegang/);
  });

  it('stops after 24 hours: back to the index, and nothing flagged any more', async () => {
    clock.set(new Date('2026-11-21T22:00:01Z'));
    const after = await mark();
    const reads = await readAll('consulentJeugd');
    expect(reads.dossier.body).toMatchObject({ access: 'index', breakGlass: false });
    for (const res of [reads.plan, reads.versions, reads.budget]) expect(res.status).toBe(404);
    expect(reads.indications.body.items).toEqual([]);
    const rows = await logOf(jeugd, after);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.reason ?? '').not.toMatch(/noodtoegang/);
  });

  it("tells the professional's teamleider, and lists it for the privacy officer's review", async () => {
    const leader = await r.get('teamleider', '/api/v1/break-glass/grants');
    expect(leader.status).toBe(200);
    expect(leader.body).toEqual([
      expect.objectContaining({
        householdId,
        userName: 'Luc Hermans',
        reviewStatus: 'pending',
        active: false,
      }),
    ]);
    const officer = await r.get('privacyOfficer', '/api/v1/break-glass/grants?status=pending');
    expect(officer.body.map((g: { householdId: string }) => g.householdId)).toEqual([householdId]);
    // In the processing log the officer finds exactly the flagged processing, marked as such.
    const flagged = await r.post('privacyOfficer', '/api/v1/privacy/processing-log/search', {
      householdId,
      breakGlass: true,
      pageSize: 200,
    });
    expect(flagged.status).toBe(200);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM access_audit WHERE household_id = $1 AND reason LIKE 'noodtoegang%'`,
      [householdId],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(5);
    expect(flagged.body.total).toBe(rows[0].n);
    for (const item of flagged.body.items) expect(item).toMatchObject({ breakGlass: true });
    expect(new Set(flagged.body.items.map((i: { user: { name: string } }) => i.user.name))).toEqual(
      new Set(['Luc Hermans']),
    );
    const bad = await r.post('privacyOfficer', '/api/v1/privacy/processing-log/search', { breakGlass: 'ja' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['breakGlass']);
  });
});
