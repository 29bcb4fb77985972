import { ORGANISATION_IDS } from '@app/reference';
import { IdentityKit, LoggedIn } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { createHousehold, householdBody, nextBsn, rowCounts } from './household-kit';

describe('households: bad input is a 4xx naming the problem, and nothing is written', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let wmo: LoggedIn;
  let existing: Awaited<ReturnType<typeof createHousehold>>;

  beforeAll(async () => {
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    wmo = await kit.as('consulentWmo');
    existing = await createHousehold(t, kit, wmo);
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  async function expectRefused(
    request: () => Promise<{
      status: number;
      body: { type: string; errors?: { field: string }[]; detail?: string };
    }>,
    status: number,
    field?: string,
  ) {
    const before = await rowCounts(t);
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.body.type).toMatch(/^urn:gezinsplan:problem:/);
    if (field) expect(res.body.errors?.map((e) => e.field)).toContain(field);
    expect(await rowCounts(t)).toEqual(before);
    return res;
  }
  const post = (path: string, body: object) =>
    t.http().post(path).set(kit.bearer(wmo)).send(body).then(kit.seen.bind(kit));
  const member = (overrides: object) => ({ ...householdBody().members[0], bsn: nextBsn(), ...overrides });

  it('refuses an invalid BSN (elfproef)', () =>
    expectRefused(
      () => post('/api/v1/households', householdBody({ members: [member({ bsn: '123456789' })] })),
      400,
      'members.0.bsn',
    ));

  it('refuses an invalid postcode', () =>
    expectRefused(() => post('/api/v1/households', householdBody({ postcode: '621 AB' })), 400, 'postcode'));

  it('refuses a birth date in the future', () =>
    expectRefused(
      () =>
        post(
          '/api/v1/households',
          householdBody({ members: [member({ birthDate: '2999-01-01', joinedOn: '2999-01-02' })] }),
        ),
      400,
      'members.0.birthDate',
    ));

  it('refuses joining before birth', () =>
    expectRefused(
      () =>
        post(
          '/api/v1/households',
          householdBody({ members: [member({ birthDate: '2010-01-01', joinedOn: '2009-01-01' })] }),
        ),
      400,
      'members.0.joinedOn',
    ));

  it('refuses a BSN that is already registered (409), writing nothing of the household', () =>
    expectRefused(
      () =>
        post(
          '/api/v1/households',
          householdBody({ members: [member({ bsn: existing.members[0].person.bsn })] }),
        ),
      409,
      'members.0.bsn',
    ));

  it('refuses leaving before joining', () =>
    expectRefused(
      () =>
        post(`/api/v1/households/${existing.household.id}/members/${existing.members[1].id}/end`, {
          leftOn: '2019-12-31',
        }),
      400,
      'leftOn',
    ));

  it('refuses a second regisseur through the case-team route', async () => {
    const { rows } = await t.db.query(
      `SELECT id FROM user_account WHERE email = 'consulent.participatie@demo.gezinsplan.nl'`,
    );
    await expectRefused(
      () =>
        post(`/api/v1/households/${existing.household.id}/case-team`, {
          userId: rows[0].id,
          caseRole: 'regisseur',
        }),
      400,
      'caseRole',
    );
  });

  it('lets the database refuse a second active regisseur whatever the application does', async () => {
    const { rows } = await t.db.query(`SELECT * FROM case_team_member WHERE household_id = $1`, [
      existing.household.id,
    ]);
    await expect(
      t.db.query(
        `INSERT INTO case_team_member (household_id, municipality_id, user_id, organisation_id, case_role, legal_basis)
         SELECT household_id, municipality_id, (SELECT id FROM user_account WHERE email = 'consulent.jeugd@demo.gezinsplan.nl'),
                organisation_id, 'regisseur', legal_basis FROM case_team_member WHERE id = $1`,
        [rows[0].id],
      ),
    ).rejects.toThrow(/case_team_one_regisseur/);
  });

  it('refuses removing the last regisseur of an active household (409)', () =>
    expectRefused(
      () =>
        t
          .http()
          .delete(`/api/v1/households/${existing.household.id}/case-team/${existing.caseTeam[0].id}`)
          .set(kit.bearer(wmo)),
      409,
    ));

  it('lets the database refuse an active household without regisseur', async () => {
    await expect(
      t.db.query(
        `UPDATE case_team_member SET left_at = now() WHERE household_id = $1 AND case_role = 'regisseur'`,
        [existing.household.id],
      ),
    ).rejects.toThrow(/no active regisseur/);
  });

  it('refuses a referral to ones own organisation', () =>
    expectRefused(
      () =>
        post(`/api/v1/households/${existing.household.id}/referrals`, {
          toOrganisationId: ORGANISATION_IDS.szmh,
          reason: 'test',
        }),
      400,
      'toOrganisationId',
    ));

  it('refuses unknown fields, a missing body and a malformed id', async () => {
    await expectRefused(
      () => post('/api/v1/households', { ...householdBody(), isAdmin: true }),
      400,
      'isAdmin',
    );
    await expectRefused(() => post('/api/v1/households', {}), 400, 'members');
    await expectRefused(() => t.http().get('/api/v1/households/not-a-uuid').set(kit.bearer(wmo)), 400);
  });

  it('refuses consent by a child', async () => {
    const child = existing.members.find((m) => m.person.bsn !== existing.members[0].person.bsn)!;
    await expectRefused(
      () =>
        post(`/api/v1/households/${existing.household.id}/consents`, {
          personId: child.personId,
          organisationId: ORGANISATION_IDS.kbl,
          category: 'PLAN',
          givenOn: '2026-01-01',
          method: 'mondeling',
        }),
      400,
      'personId',
    );
  });
});
