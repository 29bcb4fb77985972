import { DEMO_EMAILS, DEMO_PASSWORD } from '@app/identity';
import { createTestApp, TestApp } from '../setup/test-app';
import { PROBLEM } from './identity-kit';

describe('identity: login throttling per IP address', () => {
  let t: TestApp;
  const login = (ip: string, password = 'niet-het-wachtwoord') =>
    t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', ip) // trusted: the test client connects over loopback, like a local proxy
      .send({ email: DEMO_EMAILS.privacyOfficer, password });

  beforeAll(async () => {
    process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '3';
    process.env.LOGIN_MAX_FAILURES = '100';
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 429 after the limit, for that address only', async () => {
    for (let i = 0; i < 3; i++) expect((await login('203.0.113.7')).status).toBe(401);
    const limited = await login('203.0.113.7', DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(PROBLEM);
    expect(limited.body).toMatchObject({ type: 'urn:gezinsplan:problem:too-many-requests', status: 429 });
    expect((await login('203.0.113.8')).status).toBe(401);
  });
});
