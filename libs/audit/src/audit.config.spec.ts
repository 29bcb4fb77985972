import { auditConfig } from './audit.config';

describe('audit configuration', () => {
  afterEach(() => delete process.env.PROCESSING_LOG_SEAL_INTERVAL_MS);

  it('seals every second by default, and accepts 0 to switch the background sealer off', () => {
    expect(auditConfig()).toEqual({ sealIntervalMs: 1000 });
    process.env.PROCESSING_LOG_SEAL_INTERVAL_MS = '0';
    expect(auditConfig()).toEqual({ sealIntervalMs: 0 });
  });

  it.each(['-1', '60001', 'soon'])('refuses PROCESSING_LOG_SEAL_INTERVAL_MS=%s, naming it', (value) => {
    process.env.PROCESSING_LOG_SEAL_INTERVAL_MS = value;
    expect(() => auditConfig()).toThrow(/PROCESSING_LOG_SEAL_INTERVAL_MS/);
  });
});
