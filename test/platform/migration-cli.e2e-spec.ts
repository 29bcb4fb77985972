import { spawnSync } from 'node:child_process';
import { createTestDatabase } from '../setup/test-database';

describe('platform: the TypeORM migration CLI (npm run migration:run / db)', () => {
  it('loads the data source and its entities through the @app paths, and finds every migration applied', async () => {
    const databaseUrl = await createTestDatabase();
    const show = spawnSync('npm', ['run', '--silent', 'db', '--', 'migration:show'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(show.stderr).not.toMatch(/Cannot find module|error TS/);
    expect(show.status).toBe(0);
    expect(show.stdout).toMatch(/\[X\] \d+ ProcessingLogSealedLater1763802200000/);
    expect(show.stdout).not.toMatch(/\[ \]/);
  });
});
