import { retentionConfig } from './retention.config';

describe('retention configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('defaults to the Selectielijst 2020 periods and a nightly run', () => {
    for (const key of Object.keys(process.env)) if (key.startsWith('RETENTION_')) delete process.env[key];
    process.env.NODE_ENV = 'production';
    expect(retentionConfig()).toEqual({
      yearsByPillar: { WMO: 15, JEUGD: 20, PARTICIPATIE: 10, SHV: 5, ONDERWIJS: 5 },
      yearsWithoutPillar: 10,
      cron: '30 2 * * *',
      jobEnabled: true,
      batchSize: 500,
    });
  });

  it('is configurable per pillar, and the job is off in tests unless switched on', () => {
    process.env.NODE_ENV = 'test';
    process.env.RETENTION_YEARS_JEUGD = '15';
    expect(retentionConfig()).toMatchObject({ yearsByPillar: { JEUGD: 15 }, jobEnabled: false });
    process.env.RETENTION_JOB_ENABLED = 'true';
    expect(retentionConfig().jobEnabled).toBe(true);
  });

  it('names an invalid setting', () => {
    process.env.RETENTION_YEARS_SHV = 'vijf';
    expect(() => retentionConfig()).toThrow(/Invalid retention configuration: RETENTION_YEARS_SHV/);
    delete process.env.RETENTION_YEARS_SHV;
    process.env.RETENTION_CRON = 'every night';
    expect(() => retentionConfig()).toThrow(/RETENTION_CRON must be a cron expression/);
  });
});
