import { randomUUID } from 'node:crypto';
import { DEMO_USERS, DemoUserKey } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS, TEAM_IDS } from '@app/reference';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit, PROBLEM } from './identity-kit';

const EVERY_ROLE = Object.keys(DEMO_USERS) as DemoUserKey[];
const ADMIN: DemoUserKey = 'functioneelBeheerder';

describe('identity & reference: which role reaches which admin endpoint', () => {
  let t: TestApp;
  let kit: IdentityKit;

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
  });
  afterAll(() => t.close());

  const lists = [
    '/api/v1/reference/municipalities',
    '/api/v1/reference/neighbourhoods',
    '/api/v1/reference/wijkservicepunten',
    '/api/v1/reference/organisations',
    '/api/v1/reference/teams',
  ];

  it.each(EVERY_ROLE)('%s may list all reference data', async (role) => {
    const session = await kit.as(role);
    for (const path of lists) {
      const res = await t.http().get(path).set(kit.bearer(session));
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.body.length).toBeGreaterThan(0);
    }
  });

  it('refuses the reference lists without a login', async () => {
    for (const path of lists) expect(kit.seen(await t.http().get(path)).status).toBe(401);
  });

  const neighbourhood = (name: string) => ({
    municipalityId: MUNICIPALITY_IDS.maastricht,
    name,
    inhabitants: 1200,
  });
  const user = (role: string) => ({
    email: `nieuw.${role}.${randomUUID().slice(0, 8)}@szmh.example`,
    displayName: 'Nieuwe Collega',
    organisationId: ORGANISATION_IDS.szmh,
    roles: ['consulent'],
    pillars: ['WMO'],
    municipalityIds: [MUNICIPALITY_IDS.maastricht],
    teams: [{ teamId: TEAM_IDS.szmhZuidwest }],
    mandateCents: 50000,
  });

  it.each(EVERY_ROLE.filter((r) => r !== ADMIN))(
    '%s gets 403 on every admin write and the user list',
    async (role) => {
      const session = await kit.as(role);
      const auth = kit.bearer(session);
      const writes = [
        t
          .http()
          .post('/api/v1/reference/neighbourhoods')
          .set(auth)
          .send(neighbourhood(`Buurt van ${role}`)),
        t
          .http()
          .post('/api/v1/reference/organisations')
          .set(auth)
          .send({ name: `Org ${role}`, kind: 'szmh' }),
        t
          .http()
          .post('/api/v1/reference/teams')
          .set(auth)
          .send({ organisationId: ORGANISATION_IDS.szmh, name: `T ${role}` }),
        t
          .http()
          .post('/api/v1/reference/wijkservicepunten')
          .set(auth)
          .send({ municipalityId: MUNICIPALITY_IDS.maastricht, name: `W ${role}` }),
        t
          .http()
          .post('/api/v1/reference/municipalities')
          .set(auth)
          .send({ code: `g-${role.toLowerCase()}`, name: `G ${role}` }),
        t
          .http()
          .patch(`/api/v1/reference/teams/${TEAM_IDS.szmhNoordwest}`)
          .set(auth)
          .send({ name: 'Gekaapt' }),
        t.http().post('/api/v1/users').set(auth).send(user(role)),
        t.http().get('/api/v1/users').set(auth),
        t
          .http()
          .patch(`/api/v1/users/${(session.body.user as { id: string }).id}`)
          .set(auth)
          .send({ mandateCents: 999999 }),
      ];
      for (const [i, res] of (await Promise.all(writes)).entries()) {
        kit.seen(res);
        expect({ request: i, status: res.status }).toEqual({ request: i, status: 403 });
        expect(res.headers['content-type']).toMatch(PROBLEM);
      }
      const { rows } = await t.db.query(
        `SELECT (SELECT count(*) FROM neighbourhood WHERE name LIKE 'Buurt van %')::int AS neighbourhoods,
              (SELECT count(*) FROM user_account WHERE email LIKE 'nieuw.%')::int AS users,
              (SELECT name FROM team WHERE id = $1) AS team`,
        [TEAM_IDS.szmhNoordwest],
      );
      expect(rows[0]).toEqual({ neighbourhoods: 0, users: 0, team: 'SZMH Team Noordwest' });
    },
  );

  it('lets the functioneel beheerder create and update a neighbourhood', async () => {
    const auth = kit.bearer(await kit.as(ADMIN));
    const created = await t
      .http()
      .post('/api/v1/reference/neighbourhoods')
      .set(auth)
      .send(neighbourhood('Blauwdorp'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Blauwdorp',
      inhabitants: 1200,
      municipalityId: MUNICIPALITY_IDS.maastricht,
    });
    const updated = await t
      .http()
      .patch(`/api/v1/reference/neighbourhoods/${created.body.id}`)
      .set(auth)
      .send({ inhabitants: 1250 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Blauwdorp', inhabitants: 1250 });
    const list = await t
      .http()
      .get(`/api/v1/reference/neighbourhoods?municipalityId=${MUNICIPALITY_IDS.maastricht}`)
      .set(auth);
    expect(list.body.map((n: { name: string }) => n.name)).toContain('Blauwdorp');
  });

  it('lets the functioneel beheerder create, list, update and deactivate a user (never showing a hash)', async () => {
    const auth = kit.bearer(await kit.as(ADMIN));
    const body = user('beheer');
    // Created, approved by the second beheerder (a case role), first password chosen by the user.
    const { id, session: fresh } = await kit.createAccount(body);
    const created = kit.seen(await t.http().get(`/api/v1/users/${id}`).set(auth));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      email: body.email,
      roles: ['consulent'],
      teams: [{ teamId: TEAM_IDS.szmhZuidwest, isLead: false }],
      mandateCents: 50000,
      active: true,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/"password"|passwordHash|password_hash|argon2/i);
    expect((fresh.body.user as { roles: string[] }).roles).toEqual(['consulent']);

    const page = await t.http().get('/api/v1/users?role=consulent&limit=100').set(auth);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(page.body.items.length);
    expect(page.body.items.map((u: { email: string }) => u.email)).toContain(body.email);
    expect(JSON.stringify(page.body)).not.toMatch(/"password"|passwordHash|password_hash|argon2/i);

    const promoted = await t
      .http()
      .patch(`/api/v1/users/${created.body.id}`)
      .set(auth)
      .send({
        roles: ['teamleider'],
        teams: [{ teamId: TEAM_IDS.szmhZuidwest, isLead: true }],
        mandateCents: 250000,
      });
    expect(promoted.status).toBe(202); // teamleider is a new case role: four eyes
    const approved = kit.seen(
      await t
        .http()
        .post(`/api/v1/user-changes/${promoted.body.id}/approve`)
        .set(kit.bearer(await kit.secondBeheerder())),
    );
    expect(approved.status).toBe(200);
    expect(approved.body.oneTimePassword).toBeUndefined();
    expect(approved.body.user).toMatchObject({
      roles: ['teamleider'],
      teams: [{ isLead: true }],
      mandateCents: 250000,
      email: body.email,
    });
    const me = await t.http().get('/api/v1/auth/me').set(kit.bearer(fresh));
    expect(me.body).toMatchObject({
      roles: ['teamleider'],
      ledTeamIds: [TEAM_IDS.szmhZuidwest],
      mandateCents: 250000,
    });

    const off = await t.http().patch(`/api/v1/users/${created.body.id}`).set(auth).send({ active: false });
    expect(off.body.active).toBe(false);
    expect(kit.seen(await t.http().get('/api/v1/auth/me').set(kit.bearer(fresh))).status).toBe(401);
  });

  it('does not let the functioneel beheerder lock themselves out', async () => {
    const session = await kit.as(ADMIN);
    const id = (session.body.user as { id: string }).id;
    const res = kit.seen(
      await t.http().patch(`/api/v1/users/${id}`).set(kit.bearer(session)).send({ active: false }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'active' })]);
  });

  it('seeds demo users idempotently', async () => {
    const again = await kit.seedDemoUsers();
    expect(again.created).toEqual([]);
    expect(again.skipped).toHaveLength(EVERY_ROLE.length + 1); // and the second functioneel beheerder
  });

  it('leaks no password, hash or token into logs or error bodies', () => {
    kit.expectNothingLeaked();
  });
});
