import { authConfig } from './auth.config';

describe('auth configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('applies defaults and a process-wide random secret outside production', () => {
    process.env.NODE_ENV = 'development';
    delete process.env.JWT_SECRET;
    const first = authConfig();
    expect(first).toMatchObject({
      accessTokenTtlSeconds: 900,
      refreshTokenTtlDays: 7,
      loginMaxFailures: 5,
      loginLockMinutes: 15,
      loginRateLimitPerMinute: 20,
    });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(authConfig().jwtSecret).toBe(first.jwtSecret);
  });

  it('requires JWT_SECRET in production', () => {
    process.env.NODE_ENV = 'production';
    delete process.env.JWT_SECRET;
    expect(() => authConfig()).toThrow(/Invalid auth configuration: JWT_SECRET/);
  });

  it('refuses a short JWT_SECRET', () => {
    process.env.NODE_ENV = 'development';
    process.env.JWT_SECRET = 'too-short';
    expect(() => authConfig()).toThrow(/JWT_SECRET must be at least 32 characters/);
  });

  it('names an invalid number', () => {
    process.env.LOGIN_MAX_FAILURES = 'many';
    expect(() => authConfig()).toThrow(/LOGIN_MAX_FAILURES/);
  });

  it('uses an explicit secret', () => {
    process.env.NODE_ENV = 'production';
    process.env.JWT_SECRET = 'x'.repeat(40);
    expect(authConfig().jwtSecret).toBe('x'.repeat(40));
  });
});
