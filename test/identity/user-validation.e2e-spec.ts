import { randomUUID } from 'node:crypto';
import { DEMO_EMAILS } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS, TEAM_IDS } from '@app/reference';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit, PROBLEM } from './identity-kit';

const VALID = {
  email: 'nieuwe.collega@szmh.example',
  displayName: 'Nieuwe Collega',
  organisationId: ORGANISATION_IDS.szmh,
  roles: ['consulent'],
  pillars: ['WMO'],
  municipalityIds: [MUNICIPALITY_IDS.maastricht],
  teams: [{ teamId: TEAM_IDS.szmhNoordwest }],
  mandateCents: 50000,
};

describe('identity: invalid user bodies are refused, naming the field, and write nothing', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let auth: Record<string, string>;
  const counts = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*) FROM user_account)::int AS users, (SELECT count(*) FROM user_team)::int AS teams,
                (SELECT count(*) FROM user_municipality)::int AS municipalities,
                (SELECT count(*) FROM user_account_change)::int AS changes`,
      )
    ).rows[0];

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    auth = kit.bearer(await kit.as('functioneelBeheerder'));
  });
  afterAll(() => t.close());

  const without = (field: keyof typeof VALID) =>
    Object.fromEntries(Object.entries(VALID).filter(([k]) => k !== field));
  const cases: [string, Record<string, unknown>, number, string][] = [
    ['missing email', without('email'), 400, 'email'],
    ['bad email', { ...VALID, email: 'geen-adres' }, 400, 'email'],
    // The server makes the (one-time) password: a beheerder cannot choose one.
    ['chosen password', { ...VALID, password: 'Een-beginwachtwoord-1' }, 400, 'password'],
    ['unknown role', { ...VALID, roles: ['consulent', 'directeur'] }, 400, 'roles'],
    ['no role', { ...VALID, roles: [] }, 400, 'roles'],
    ['unknown pillar', { ...VALID, pillars: ['ZORG'] }, 400, 'pillars'],
    ['negative mandate', { ...VALID, mandateCents: -1 }, 400, 'mandateCents'],
    ['fractional mandate', { ...VALID, mandateCents: 10.5 }, 400, 'mandateCents'],
    ['malformed organisation id', { ...VALID, organisationId: 'szmh' }, 400, 'organisationId'],
    ['bad team entry', { ...VALID, teams: [{ teamId: 'x', isLead: 'ja' }] }, 400, 'teams.0.teamId'],
    ['unexpected field', { ...VALID, passwordHash: '$argon2id$v=19$...' }, 400, 'passwordHash'],
    ['unknown organisation id', { ...VALID, organisationId: randomUUID() }, 404, 'organisationId'],
    [
      'unknown municipality id',
      { ...VALID, municipalityIds: [MUNICIPALITY_IDS.vaals, randomUUID()] },
      404,
      'municipalityIds.1',
    ],
    ['unknown team id', { ...VALID, teams: [{ teamId: randomUUID() }] }, 404, 'teams.0.teamId'],
    [
      'team of another organisation',
      { ...VALID, teams: [{ teamId: TEAM_IDS.kblSchuldhulpverlening }] },
      422,
      'teams.0.teamId',
    ],
    [
      'team lead without the teamleider role',
      { ...VALID, teams: [{ teamId: TEAM_IDS.szmhNoordwest, isLead: true }] },
      422,
      'teams',
    ],
    ['duplicate email', { ...VALID, email: DEMO_EMAILS.consulentWmo }, 409, 'email'],
    [
      'duplicate email in other case',
      { ...VALID, email: DEMO_EMAILS.consulentWmo.toUpperCase() },
      409,
      'email',
    ],
  ];

  it.each(cases)('%s → %i naming %s', async (_name, body, status, field) => {
    const before = await counts();
    const res = kit.seen(await t.http().post('/api/v1/users').set(auth).send(body));
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses an invalid PATCH without changing the user', async () => {
    const target = (await kit.as('consulentWmo')).body.user as { id: string };
    const before = (await t.http().get(`/api/v1/users/${target.id}`).set(auth)).body;
    for (const [body, field] of [
      [{ mandateCents: -5 }, 'mandateCents'],
      [{ roles: ['baas'] }, 'roles'],
      [{ organisationId: ORGANISATION_IDS.kbl }, 'teams.0.teamId'],
      [{ email: DEMO_EMAILS.teamleider }, 'email'],
      [{ active: 'nee' }, 'active'],
    ] as const) {
      const res = kit.seen(await t.http().patch(`/api/v1/users/${target.id}`).set(auth).send(body));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await t.http().get(`/api/v1/users/${target.id}`).set(auth)).body).toEqual(before);
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    expect(kit.seen(await t.http().get(`/api/v1/users/${randomUUID()}`).set(auth)).status).toBe(404);
    expect(kit.seen(await t.http().patch(`/api/v1/users/${randomUUID()}`).set(auth).send({})).status).toBe(
      404,
    );
    const malformed = kit.seen(await t.http().get('/api/v1/users/123').set(auth));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('validates the login body', async () => {
    const missing = kit.seen(await t.http().post('/api/v1/auth/login').send({ password: 'x' }));
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('email');
    const long = kit.seen(
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: DEMO_EMAILS.teamleider, password: 'x'.repeat(300) }),
    );
    expect(long.status).toBe(400);
  });

  it('leaks no password, hash or token into logs or error bodies', () => {
    kit.expectNothingLeaked();
  });
});
