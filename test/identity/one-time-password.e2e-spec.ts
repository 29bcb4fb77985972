import { randomUUID } from 'node:crypto';
import { Clock, FixedClock } from '@app/core';
import { DEMO_EMAILS, DEMO_PASSWORD } from '@app/identity';
import { MUNICIPALITY_IDS, ORGANISATION_IDS } from '@app/reference';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit, PROBLEM, setCookies } from './identity-kit';

const HOUR_MS = 3_600_000;
const OWN_PASSWORD = 'Mijn-eigen-wachtwoord-2026';

/**
 * A password set by someone else is a one-time password: made by the server, shown once, good for
 * nothing but choosing one's own password, and expired after 72 hours.
 */
describe('identity: one-time passwords', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let admin: Record<string, string>;
  const clock = new FixedClock(new Date());

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    admin = kit.bearer(await kit.as('functioneelBeheerder'));
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  const login = async (email: string, password: string) =>
    kit.seen(await t.http().post('/api/v1/auth/login').send({ email, password }));
  const firstPassword = async (email: string, oneTimePassword: unknown, newPassword: unknown) =>
    kit.seen(
      await t.http().post('/api/v1/auth/first-password').send({ email, oneTimePassword, newPassword }),
    );
  /** An account without case access: created at once, with a one-time password. */
  const createPolicyOfficer = async () => {
    const email = `beleid.${randomUUID().slice(0, 8)}@gemeente.example`;
    const res = kit.seen(
      await t
        .http()
        .post('/api/v1/users')
        .set(admin)
        .send({
          email,
          displayName: 'Nieuwe Beleidsmedewerker',
          organisationId: ORGANISATION_IDS.gemeenteMaastricht,
          roles: ['beleidsmedewerker'],
          municipalityIds: [MUNICIPALITY_IDS.maastricht],
        }),
    );
    expect(res.status).toBe(201);
    kit.secrets.add(res.body.oneTimePassword);
    return { email, id: res.body.id as string, oneTimePassword: res.body.oneTimePassword as string, res };
  };

  it('is made by the server, shown once, and stored only as a hash', async () => {
    const { id, oneTimePassword, res } = await createPolicyOfficer();
    expect(oneTimePassword).toMatch(/^([A-Za-z2-9]{5}-){3}[A-Za-z2-9]{5}$/);
    expect(new Date(res.body.oneTimePasswordExpiresAt).getTime() - clock.now().getTime()).toBe(72 * HOUR_MS);
    const { rows } = await t.db.query(
      `SELECT password_hash, one_time_password_expires_at FROM user_account WHERE id = $1`,
      [id],
    );
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(oneTimePassword);
    const again = kit.seen(await t.http().get(`/api/v1/users/${id}`).set(admin));
    expect(JSON.stringify(again.body)).not.toContain(oneTimePassword);
  });

  it('gives no session until the user has chosen their own password', async () => {
    const { email, oneTimePassword } = await createPolicyOfficer();
    const res = await login(email, oneTimePassword);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      type: 'urn:gezinsplan:problem:password-change-required',
      title: 'Wijzig eerst uw eenmalige wachtwoord',
      passwordChangeRequired: true,
    });
    expect(res.body.accessToken).toBeUndefined();
    expect(setCookies(res)).toEqual([]);
  });

  it('is replaced by the user’s own password, which then logs in; the one-time password is spent', async () => {
    const { email, oneTimePassword } = await createPolicyOfficer();
    const first = await firstPassword(email, oneTimePassword, OWN_PASSWORD);
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ email, roles: ['beleidsmedewerker'] });
    const me = kit.seen(await t.http().get('/api/v1/auth/me').set(kit.bearer(first.body)));
    expect(me.status).toBe(200);
    expect((await login(email, OWN_PASSWORD)).status).toBe(200);
    expect((await login(email, oneTimePassword)).status).toBe(401);
    expect((await firstPassword(email, oneTimePassword, 'Nog-een-wachtwoord-2026')).status).toBe(401);
  });

  it.each([
    ['a short new password', (otp: string) => ({ oneTimePassword: otp, newPassword: 'kort' }), 'newPassword'],
    [
      'the one-time password again',
      (otp: string) => ({ oneTimePassword: otp, newPassword: otp }),
      'newPassword',
    ],
    ['no one-time password', () => ({ newPassword: OWN_PASSWORD }), 'oneTimePassword'],
  ])('refuses %s with a 400 naming the field, changing nothing', async (_name, body, field) => {
    const { email, oneTimePassword } = await createPolicyOfficer();
    const { oneTimePassword: otp, newPassword } = body(oneTimePassword) as Record<string, string>;
    const res = await firstPassword(email, otp, newPassword);
    expect(res.status).toBe(400);
    expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set([field]));
    expect((await login(email, oneTimePassword)).status).toBe(403); // still one-time
  });

  it('counts a wrong one-time password towards the lock, like a wrong login', async () => {
    const { email } = await createPolicyOfficer();
    const res = await firstPassword(email, 'Fout1-Fout2-Fout3-Fout4', OWN_PASSWORD);
    expect(res.status).toBe(401);
    const { rows } = await t.db.query(`SELECT failed_logins FROM user_account WHERE email = $1`, [email]);
    expect(rows[0].failed_logins).toBe(1);
  });

  it('refuses an expired one-time password, at login and for choosing a password', async () => {
    const { email, oneTimePassword } = await createPolicyOfficer();
    const start = clock.now();
    clock.set(new Date(start.getTime() + 72 * HOUR_MS + 1000));
    try {
      const res = await login(email, oneTimePassword);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ oneTimePasswordExpired: true });
      expect(res.body.detail).toContain('verlopen');
      expect((await firstPassword(email, oneTimePassword, OWN_PASSWORD)).status).toBe(401);
    } finally {
      clock.set(start);
    }
    const { rows } = await t.db.query(
      `SELECT one_time_password_expires_at IS NOT NULL AS one_time FROM user_account WHERE email = $1`,
      [email],
    );
    expect(rows[0].one_time).toBe(true);
  });

  it('is what a password reset gives (at once for an account without case access), ending every session', async () => {
    const { email, id, oneTimePassword } = await createPolicyOfficer();
    const first = await firstPassword(email, oneTimePassword, OWN_PASSWORD);
    const session = first.headers['set-cookie'] as unknown as string[];
    const reset = kit.seen(await t.http().post(`/api/v1/users/${id}/password-reset`).set(admin));
    expect(reset.status).toBe(200);
    expect(Object.keys(reset.body).sort()).toEqual(['oneTimePassword', 'oneTimePasswordExpiresAt']);
    kit.secrets.add(reset.body.oneTimePassword);
    const refresh = kit.seen(
      await t.http().post('/api/v1/auth/refresh').set('Cookie', session[0].split(';')[0]),
    );
    expect(refresh.status).toBe(401);
    expect((await login(email, OWN_PASSWORD)).status).toBe(401);
    expect((await login(email, reset.body.oneTimePassword)).status).toBe(403);
    expect((await firstPassword(email, reset.body.oneTimePassword, 'Weer-mijn-eigen-2026')).status).toBe(200);
  });

  it('does not make a user choose a password at an ordinary login (demo accounts are not one-time)', async () => {
    const res = await login(DEMO_EMAILS.teamleider, DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const first = await firstPassword(DEMO_EMAILS.teamleider, DEMO_PASSWORD, OWN_PASSWORD);
    expect(first.status).toBe(422);
    expect(first.body.errors).toEqual([expect.objectContaining({ field: 'oneTimePassword' })]);
    expect((await login(DEMO_EMAILS.teamleider, DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses a chosen password from the beheerder, on create and on update', async () => {
    const { id } = await createPolicyOfficer();
    const patch = kit.seen(
      await t.http().patch(`/api/v1/users/${id}`).set(admin).send({ password: 'Door-mij-gekozen-2026' }),
    );
    expect(patch.status).toBe(400);
    expect(patch.body.errors.map((e: { field: string }) => e.field)).toEqual(['password']);
  });
});
