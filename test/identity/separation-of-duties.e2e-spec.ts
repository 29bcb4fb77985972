import { randomUUID } from 'node:crypto';
import { MUNICIPALITY_IDS, ORGANISATION_IDS, TEAM_IDS } from '@app/reference';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit, LoggedIn } from './identity-kit';

/**
 * A functioneel beheerder administers accounts but may not reach case content (DESIGN rule 7): no
 * change of their own rights, and no account that combines a role without case content with a case role.
 */
describe('identity: separation of duties in user administration', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let admin: LoggedIn;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    admin = await kit.as('functioneelBeheerder');
    adminId = (admin.body.user as { id: string }).id;
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  const patch = async (id: string, body: object) =>
    kit.seen(await t.http().patch(`/api/v1/users/${id}`).set(kit.bearer(admin)).send(body));
  const account = async (id: string) =>
    (
      await t.db.query(
        `SELECT roles, pillars, mandate_cents AS "mandateCents", display_name AS "displayName",
                ARRAY(SELECT municipality_id::text FROM user_municipality m WHERE m.user_id = u.id) AS municipalities
           FROM user_account u WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const newUser = (roles: string[]) => ({
    email: `scheiding.${randomUUID().slice(0, 8)}@szmh.example`,
    displayName: 'Nieuwe Collega',
    organisationId: ORGANISATION_IDS.szmh,
    roles,
    municipalityIds: [MUNICIPALITY_IDS.maastricht],
  });

  it.each([
    [
      'roles',
      { roles: ['functioneel-beheerder', 'consulent'], municipalityIds: [MUNICIPALITY_IDS.maastricht] },
    ],
    ['roles', { roles: ['consulent'] }],
    ['pillars', { pillars: ['WMO'] }],
    ['mandateCents', { mandateCents: 250000 }],
    ['municipalityIds', { municipalityIds: [MUNICIPALITY_IDS.maastricht, MUNICIPALITY_IDS.vaals] }],
    ['teams', { teams: [{ teamId: TEAM_IDS.szmhNoordwest }] }],
    ['organisationId', { organisationId: ORGANISATION_IDS.kbl }],
    ['active', { active: false }],
  ])('refuses a functioneel beheerder changing their own %s', async (field, body) => {
    const before = await account(adminId);
    const res = await patch(adminId, body);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    expect(await account(adminId)).toEqual(before);
  });

  it('keeps the functioneel beheerder out of case content after a refused self-assignment', async () => {
    await patch(adminId, { roles: ['functioneel-beheerder', 'consulent'] });
    const again = await kit.login((admin.body.user as { email: string }).email);
    const me = kit.seen(await t.http().get('/api/v1/auth/me').set(kit.bearer(again)));
    expect(me.body.roles).toEqual(['functioneel-beheerder']);
    const search = kit.seen(
      await t.http().post('/api/v1/households/search').set(kit.bearer(again)).send({ name: 'Jansen' }),
    );
    expect(search.status).toBe(403);
  });

  it('lets them change their own name, also when the form sends their rights unchanged', async () => {
    const current = await account(adminId);
    const res = await patch(adminId, {
      displayName: 'Lotte Debije-Wetzels',
      roles: current.roles,
      municipalityIds: current.municipalities,
    });
    expect(res.status).toBe(200);
    expect((await account(adminId)).displayName).toBe('Lotte Debije-Wetzels');
  });

  it.each([
    [['functioneel-beheerder', 'consulent']],
    [['privacy-officer', 'teamleider']],
    [['beleidsmedewerker', 'financial-coach']],
  ])('refuses an account with roles %j (no case content next to a case role)', async (roles) => {
    const body = newUser(roles);
    const res = kit.seen(await t.http().post('/api/v1/users').set(kit.bearer(admin)).send(body));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'roles' })]);
    const { rows } = await t.db.query('SELECT 1 FROM user_account WHERE email = $1', [body.email]);
    expect(rows).toHaveLength(0);
  });

  it('refuses adding a case role to another functioneel beheerder, but allows a change of job', async () => {
    const { id: colleague } = await kit.createAccount(newUser(['functioneel-beheerder']));
    const combined = await patch(colleague, { roles: ['functioneel-beheerder', 'consulent'] });
    expect(combined.status).toBe(422);
    expect((await account(colleague)).roles).toEqual(['functioneel-beheerder']);
    // A case role is granted only when a second beheerder approves (vier ogen).
    const moved = await patch(colleague, { roles: ['consulent'], pillars: ['WMO'] });
    expect(moved.status).toBe(202);
    expect((await account(colleague)).roles).toEqual(['functioneel-beheerder']);
    const approved = kit.seen(
      await t
        .http()
        .post(`/api/v1/user-changes/${moved.body.id}/approve`)
        .set(kit.bearer(await kit.secondBeheerder())),
    );
    expect(approved.status).toBe(200);
    expect((await account(colleague)).roles).toEqual(['consulent']);
  });
});
