import { outreachConfig } from './outreach.config';

describe('outreach configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('applies defaults', () => {
    delete process.env.OUTREACH_SIGNAL_RETENTION_DAYS;
    delete process.env.OUTREACH_CONTACT_RETENTION_DAYS;
    expect(outreachConfig()).toEqual({
      signalRetentionDays: 180,
      contactRetentionDays: 730,
    });
  });

  it('names an invalid retention period', () => {
    process.env.OUTREACH_SIGNAL_RETENTION_DAYS = '5';
    expect(() => outreachConfig()).toThrow(/Invalid outreach configuration: OUTREACH_SIGNAL_RETENTION_DAYS/);
  });

  it('names an invalid contact retention period', () => {
    process.env.OUTREACH_CONTACT_RETENTION_DAYS = '4000';
    expect(() => outreachConfig()).toThrow(/OUTREACH_CONTACT_RETENTION_DAYS/);
  });
});
