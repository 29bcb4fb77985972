import { Clock, FixedClock } from '@app/core';
import { DEMO_EMAILS, DEMO_PASSWORD } from '@app/identity';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit, PROBLEM } from './identity-kit';

describe('identity: account lockout after repeated failures', () => {
  let t: TestApp;
  let kit: IdentityKit;
  const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));
  const minutes = (n: number) => clock.set(new Date(clock.now().getTime() + n * 60_000));
  const attempt = async (email: string, password: string) =>
    kit.seen(await t.http().post('/api/v1/auth/login').send({ email, password }));

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '1000';
    t = await createTestApp((b) => b.overrideProvider(Clock).useValue(clock));
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
  });
  afterAll(() => t.close());

  it('locks for 15 minutes at the 5th consecutive failure, also against the right password', async () => {
    const email = DEMO_EMAILS.consulentWmo;
    for (let i = 1; i <= 4; i++) expect((await attempt(email, `fout-${i}-wachtwoord`)).status).toBe(401);
    const fifth = await attempt(email, 'fout-5-wachtwoord');
    expect(fifth.status).toBe(423);
    expect(fifth.headers['content-type']).toMatch(PROBLEM);
    expect(fifth.body).toMatchObject({ type: 'urn:gezinsplan:problem:account-locked', status: 423 });
    expect(fifth.body.lockedUntil).toBe('2026-03-02T09:15:00.000Z');

    const right = await attempt(email, DEMO_PASSWORD);
    expect(right.status).toBe(423);
    minutes(14);
    expect((await attempt(email, DEMO_PASSWORD)).status).toBe(423);

    minutes(2);
    expect((await attempt(email, DEMO_PASSWORD)).status).toBe(200);
    const { rows } = await t.db.query(
      `SELECT failed_logins, locked_until FROM user_account WHERE email = $1`,
      [email],
    );
    expect(rows[0]).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('counts consecutive failures only: a success resets the counter', async () => {
    const email = DEMO_EMAILS.consulentJeugd;
    for (let i = 0; i < 4; i++) expect((await attempt(email, 'niet-goed-wachtwoord')).status).toBe(401);
    expect((await attempt(email, DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt(email, 'niet-goed-wachtwoord')).status).toBe(401);
    expect((await attempt(email, DEMO_PASSWORD)).status).toBe(200);
  });

  it('locks one account, not its colleagues', async () => {
    for (let i = 0; i < 5; i++) await attempt(DEMO_EMAILS.consulentParticipatie, 'niet-goed-wachtwoord');
    expect((await attempt(DEMO_EMAILS.consulentParticipatie, DEMO_PASSWORD)).status).toBe(423);
    expect((await attempt(DEMO_EMAILS.teamleider, DEMO_PASSWORD)).status).toBe(200);
  });

  it('never locks an unknown e-mail address (always the same 401)', async () => {
    for (let i = 0; i < 7; i++)
      expect((await attempt('onbekend@demo.gezinsplan.nl', 'wat-dan-ook')).status).toBe(401);
  });

  it('lets a refresh token expire on the clock', async () => {
    const session = await kit.login(DEMO_EMAILS.financialCoach);
    minutes(7 * 24 * 60 + 1);
    const res = kit.seen(await t.http().post('/api/v1/auth/refresh').set('Cookie', session.refreshCookie));
    expect(res.status).toBe(401);
  });

  it('leaks no password, hash or token into logs or error bodies', () => {
    kit.expectNothingLeaked();
  });
});
