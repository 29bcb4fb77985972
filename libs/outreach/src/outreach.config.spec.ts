import { outreachConfig } from './outreach.config';

describe('outreach configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('applies defaults', () => {
    delete process.env.OUTREACH_SIGNAL_RETENTION_DAYS;
    delete process.env.OUTREACH_RETENTION_JOB;
    expect(outreachConfig()).toEqual({ signalRetentionDays: 180, retentionJobEnabled: true });
  });

  it('names an invalid retention period', () => {
    process.env.OUTREACH_SIGNAL_RETENTION_DAYS = '5';
    expect(() => outreachConfig()).toThrow(/Invalid outreach configuration: OUTREACH_SIGNAL_RETENTION_DAYS/);
  });

  it('names an invalid job switch', () => {
    process.env.OUTREACH_RETENTION_JOB = 'sometimes';
    expect(() => outreachConfig()).toThrow(/OUTREACH_RETENTION_JOB/);
  });
});
