import { createHmac } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Response } from 'supertest';
import { createTestApp, TestApp } from '../setup/test-app';
import { IdentityKit, PROBLEM } from '../identity/identity-kit';

/** The headers helmet must put on every answer, API and web app alike. */
function expectSecurityHeaders(res: Response) {
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  // Sent on every answer; browsers honour it only over TLS (production runs behind a TLS proxy).
  expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}; includeSubDomains/);
  expect(res.headers['x-powered-by']).toBeUndefined();
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('platform: security headers and access tokens', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let token: string;
  let claims: Record<string, unknown>;
  beforeAll(async () => {
    t = await createTestApp();
    kit = new IdentityKit(t);
    await kit.seedDemoUsers();
    token = (await kit.as('consulentWmo')).accessToken;
    const { exp, iat, iss, aud, ...rest } = decode(token); // eslint-disable-line @typescript-eslint/no-unused-vars
    claims = rest;
  });
  afterAll(() => t.close());

  const me = (bearer: string) => t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${bearer}`);
  const jwt = () => t.app.get(JwtService, { strict: false });

  it('puts the security headers on API answers, errors and health checks', async () => {
    for (const res of [
      await me(token),
      await t
        .http()
        .get('/api/v1/households/not-a-uuid')
        .set(kit.bearer(await kit.as('consulentWmo'))),
      await t.http().get('/api/v1/auth/me'),
      await t.http().get('/health'),
    ]) {
      expectSecurityHeaders(res);
    }
  });

  it('puts the security headers on the web app (page, deep link, asset)', async () => {
    const page = await t.http().get('/').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expectSecurityHeaders(page);
    const deepLink = await t.http().get('/huishoudens/123').set('Accept', 'text/html');
    expect(deepLink.status).toBe(200);
    expectSecurityHeaders(deepLink);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(asset).toBeDefined();
    const script = await t.http().get(asset!);
    expect(script.status).toBe(200);
    expectSecurityHeaders(script);
  });

  it('accepts a token the app signed itself, the control for the refusals below', async () => {
    expect((await me(token)).status).toBe(200);
    expect((await me(jwt().sign(claims))).status).toBe(200);
  });

  it('refuses an expired access token with a 401 problem document', async () => {
    const expired = jwt().sign(claims, { expiresIn: -1 });
    expect(decode(expired).exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    const res = kit.seen(await me(expired));
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  it('refuses tampered tokens: changed claims, other secret, alg none, wrong issuer or audience', async () => {
    const [header, , signature] = token.split('.');
    const now = Math.floor(Date.now() / 1000);
    const other = decode(token);
    const forgedClaims = `${header}.${base64url({ ...other, sub: '00000000-0000-4000-8000-000000000000' })}.${signature}`;
    const extended = `${header}.${base64url({ ...other, exp: now + 86_400 })}.${signature}`;
    const signWith = (secret: string, payload: unknown) => {
      const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
      return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
    };
    const otherSecret = signWith('not-the-secret-of-this-application-at-all', other);
    const algNone = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(other)}.`;
    const wrongIssuer = jwt().sign(claims, { issuer: 'someone-else' });
    const wrongAudience = jwt().sign(claims, { audience: 'someone-else' });
    for (const forged of [forgedClaims, extended, otherSecret, algNone, wrongIssuer, wrongAudience]) {
      const res = kit.seen(await me(forged));
      expect({ forged, status: res.status }).toEqual({ forged, status: 401 });
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
    kit.expectNothingLeaked();
  });
});
