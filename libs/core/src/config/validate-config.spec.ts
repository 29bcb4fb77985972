import { appConfig } from './app.config';
import { databaseConfig } from './database.config';

describe('configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('names an invalid setting', () => {
    process.env.PORT = 'abc';
    expect(() => appConfig()).toThrow(/Invalid app configuration: PORT/);
  });

  it('names a missing or malformed DATABASE_URL', () => {
    process.env.DATABASE_URL = 'mysql://nope';
    expect(() => databaseConfig()).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('bounds the pool acquire timeout and defaults it to 10 s', () => {
    process.env.DATABASE_URL = 'postgres://localhost/x';
    process.env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS = '0';
    expect(() => databaseConfig()).toThrow(/DATABASE_POOL_ACQUIRE_TIMEOUT_MS/);
    delete process.env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS;
    expect(databaseConfig()).toMatchObject({ acquireTimeoutMs: 10_000 });
  });

  it('applies defaults', () => {
    delete process.env.PORT;
    delete process.env.BODY_LIMIT;
    expect(appConfig()).toMatchObject({ port: 3000, bodyLimit: '1mb' });
  });
});
