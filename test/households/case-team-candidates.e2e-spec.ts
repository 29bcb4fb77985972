import { DEMO_EMAILS } from '@app/identity';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { createHousehold, userId } from './household-kit';

type DemoUser = Parameters<IdentityKit['as']>[0];

describe('households: colleagues who could join the case team', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let householdId: string;

  beforeAll(async () => {
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    householdId = (await createHousehold(t, kit, await kit.as('consulentWmo'))).household.id;
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  const candidates = async (user: DemoUser, q?: string) =>
    kit.seen(
      await t
        .http()
        .get(`/api/v1/households/${householdId}/case-team/candidates`)
        .query(q === undefined ? {} : { q })
        .set(kit.bearer(await kit.as(user))),
    );

  it('finds an active professional of the municipality by name, with only what is needed to choose', async () => {
    const res = await candidates('consulentWmo', 'herm');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        userId: await userId(t, DEMO_EMAILS.consulentJeugd),
        displayName: 'Luc Hermans',
        organisation: 'SZMH',
        pillars: ['JEUGD'],
      },
    ]);
  });

  it('leaves out the current case team, other municipalities and roles without case work', async () => {
    expect((await candidates('consulentWmo', 'Sanne')).body).toEqual([]); // the regisseur herself
    expect((await candidates('consulentWmo', 'Bram')).body).toEqual([]); // Meerssen and Vaals only
    expect((await candidates('consulentWmo', 'Anouk')).body).toEqual([]); // beleidsmedewerker
    expect((await candidates('consulentWmo', 'Lotte')).body).toEqual([]); // functioneel beheerder
  });

  it('treats LIKE wildcards in the search text as letters, so the directory cannot be listed', async () => {
    expect((await candidates('consulentWmo', '%%')).body).toEqual([]);
    expect((await candidates('consulentWmo', '__')).body).toEqual([]);
  });

  it('refuses a search shorter than two letters, naming the field', async () => {
    // A NUL character cannot reach PostgreSQL's text (found by the fuzz spec as a 500 before).
    for (const q of [undefined, 'a', '  b ', 'He\u0000rm']) {
      const res = await candidates('consulentWmo', q);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'q' })]));
    }
  });

  it('is for whoever may add members: not the index, not another municipality, not a beleidsmedewerker', async () => {
    expect((await candidates('consulentParticipatie', 'herm')).status).toBe(403);
    expect((await candidates('consulentHeuvelland', 'herm')).status).toBe(404);
    expect((await candidates('beleidsmedewerker', 'herm')).status).toBe(403);
  });

  it('logs each search as processing for the household under the case-team activity', async () => {
    const { rows } = await t.db.query(
      `SELECT DISTINCT l.action, l.resource_type, l.data_subject_id, a.user_id
       FROM processing_log l JOIN access_audit a USING (trace_id)
       WHERE l.processing_activity_id = 'households.case-team' AND l.household_id = $1
         AND l.resource_type = 'CaseTeamCandidate'`,
      [householdId],
    );
    expect(rows).toEqual([
      {
        action: 'search',
        resource_type: 'CaseTeamCandidate',
        data_subject_id: householdId,
        user_id: await userId(t, DEMO_EMAILS.consulentWmo),
      },
    ]);
  });
});
