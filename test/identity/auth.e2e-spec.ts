import { DEMO_EMAILS, DEMO_PASSWORD, REFRESH_COOKIE } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS, TEAM_IDS } from '@app/reference';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit, PROBLEM, refreshCookieOf, setCookies } from './identity-kit';

describe('identity: login, refresh rotation, logout, password change', () => {
  let t: TestApp;
  let kit: IdentityKit;
  const post = (path: string) => t.http().post(`/api/v1/auth/${path}`);

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
  });
  afterAll(() => t.close());

  it('logs in with the demo password and answers the authenticated user', async () => {
    const res = kit.seen(
      await post('login').send({ email: DEMO_EMAILS.teamleider, password: DEMO_PASSWORD }),
    );
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email: DEMO_EMAILS.teamleider,
      displayName: 'Joep Smeets',
      organisationId: ORGANISATION_IDS.szmh,
      organisationKind: 'szmh',
      roles: ['teamleider'],
      pillars: [],
      municipalityIds: [MUNICIPALITY_IDS.maastricht],
      teamIds: [TEAM_IDS.szmhNoordwest],
      ledTeamIds: [TEAM_IDS.szmhNoordwest],
      mandateCents: 250000,
    });
    const cookie = setCookies(res).find((c) => c.startsWith(`${REFRESH_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);

    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set(kit.bearer({ ...res.body, refreshCookie: '' }));
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.user);
  });

  it('accepts the e-mail address in any case', async () => {
    const res = kit.seen(
      await post('login').send({ email: DEMO_EMAILS.consulentWmo.toUpperCase(), password: DEMO_PASSWORD }),
    );
    expect(res.status).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail with the same 401', async () => {
    const wrong = kit.seen(
      await post('login').send({ email: DEMO_EMAILS.consulentJeugd, password: 'verkeerd-wachtwoord' }),
    );
    const unknown = kit.seen(
      await post('login').send({ email: 'niemand@demo.gezinsplan.nl', password: DEMO_PASSWORD }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(PROBLEM);
    const essence = (body: Record<string, unknown>) => ({ ...body, instance: undefined, traceId: undefined });
    expect(essence(wrong.body)).toEqual(essence(unknown.body));
    expect(wrong.body).toMatchObject({ type: 'urn:gezinsplan:problem:unauthenticated', status: 401 });
    expect(setCookies(wrong)).toHaveLength(0);
  });

  it('refuses requests without or with a forged access token', async () => {
    const none = kit.seen(await t.http().get('/api/v1/auth/me'));
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toMatch(PROBLEM);
    const session = await kit.login(DEMO_EMAILS.consulentWmo);
    const [header, payload] = session.accessToken.split('.');
    const forged = kit.seen(
      await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${header}.${payload}.xyz`),
    );
    expect(forged.status).toBe(401);
  });

  it('rotates the refresh token and sets a new cookie', async () => {
    const session = await kit.login(DEMO_EMAILS.consulentParticipatie);
    const res = kit.seen(await post('refresh').set('Cookie', session.refreshCookie));
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(DEMO_EMAILS.consulentParticipatie);
    const next = refreshCookieOf(res);
    expect(next).not.toBe(session.refreshCookie);
    const me = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    // Only digests are stored, never the token itself.
    const token = next.split('=')[1];
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM refresh_token WHERE token_hash = $1`, [
      token,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('revokes the whole family when a used refresh token comes back', async () => {
    const session = await kit.login(DEMO_EMAILS.sociaalTeamMedewerker);
    const first = kit.seen(await post('refresh').set('Cookie', session.refreshCookie));
    const newest = refreshCookieOf(first);
    const replay = kit.seen(await post('refresh').set('Cookie', session.refreshCookie));
    expect(replay.status).toBe(401);
    expect(replay.headers['content-type']).toMatch(PROBLEM);
    const afterReplay = kit.seen(await post('refresh').set('Cookie', newest));
    expect(afterReplay.status).toBe(401);
    // Another session of the same user (another family) is untouched.
    const other = await kit.login(DEMO_EMAILS.sociaalTeamMedewerker);
    expect((await post('refresh').set('Cookie', other.refreshCookie)).status).toBe(200);
  });

  it('refuses a refresh without a cookie or with an unknown one', async () => {
    expect(kit.seen(await post('refresh')).status).toBe(401);
    expect(kit.seen(await post('refresh').set('Cookie', `${REFRESH_COOKIE}=onzin`)).status).toBe(401);
  });

  it('ends the session at logout', async () => {
    const session = await kit.login(DEMO_EMAILS.financialCoach);
    const out = await post('logout').set('Cookie', session.refreshCookie);
    expect(out.status).toBe(204);
    expect(setCookies(out).join()).toMatch(new RegExp(`${REFRESH_COOKIE}=;`));
    expect(kit.seen(await post('refresh').set('Cookie', session.refreshCookie)).status).toBe(401);
    expect((await post('logout')).status).toBe(204);
  });

  it('refuses a deactivated user at the next request, even with a valid access token', async () => {
    const beheerder = await kit.as('functioneelBeheerder');
    const victim = await kit.login(DEMO_EMAILS.consulentHeuvelland);
    expect((await t.http().get('/api/v1/auth/me').set(kit.bearer(victim))).status).toBe(200);
    const id = victim.body.user as { id: string };
    const patch = kit.seen(
      await t.http().patch(`/api/v1/users/${id.id}`).set(kit.bearer(beheerder)).send({ active: false }),
    );
    expect(patch.status).toBe(200);
    expect(patch.body.active).toBe(false);
    expect(kit.seen(await t.http().get('/api/v1/auth/me').set(kit.bearer(victim))).status).toBe(401);
    expect(kit.seen(await post('refresh').set('Cookie', victim.refreshCookie)).status).toBe(401);
    const again = kit.seen(
      await post('login').send({ email: DEMO_EMAILS.consulentHeuvelland, password: DEMO_PASSWORD }),
    );
    expect(again.status).toBe(401);
    await t
      .http()
      .patch(`/api/v1/users/${id.id}`)
      .set(kit.bearer(beheerder))
      .send({ active: true })
      .expect(200);
  });

  it('changes the password, ends all sessions, and refuses the old password', async () => {
    const email = DEMO_EMAILS.beleidsmedewerker;
    const session = await kit.login(email);
    const newPassword = 'Een-nieuw-wachtwoord-2026';
    kit.secrets.add(newPassword);

    const same = kit.seen(
      await post('password')
        .set(kit.bearer(session))
        .send({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }),
    );
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);

    const short = kit.seen(
      await post('password')
        .set(kit.bearer(session))
        .send({ currentPassword: DEMO_PASSWORD, newPassword: 'kort' }),
    );
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);

    const wrongCurrent = kit.seen(
      await post('password')
        .set(kit.bearer(session))
        .send({ currentPassword: 'niet-het-goede-ww', newPassword }),
    );
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);

    const ok = await post('password')
      .set(kit.bearer(session))
      .send({ currentPassword: DEMO_PASSWORD, newPassword });
    expect(ok.status).toBe(204);
    expect(kit.seen(await post('refresh').set('Cookie', session.refreshCookie)).status).toBe(401);
    expect(kit.seen(await post('login').send({ email, password: DEMO_PASSWORD })).status).toBe(401);
    const fresh = await kit.login(email, newPassword);
    expect((fresh.body.user as { email: string }).email).toBe(email);
  });

  it('requires a login for the password change', async () => {
    const res = kit.seen(await post('password').send({ currentPassword: 'x', newPassword: 'y'.repeat(12) }));
    expect(res.status).toBe(401);
  });

  it('leaks no password, hash or token into logs or error bodies', () => {
    expect(kit.secrets.size).toBeGreaterThan(5);
    expect(kit.errorBodies.length).toBeGreaterThan(5);
    kit.expectNothingLeaked();
  });
});
