import {
  latestPossiblyDueClosedOn,
  RetentionPolicy,
  retentionDueOn,
  retentionYears,
} from './retention-policy';

const POLICY: RetentionPolicy = {
  yearsByPillar: { WMO: 15, JEUGD: 20, PARTICIPATIE: 10, SHV: 5, ONDERWIJS: 5 },
  yearsWithoutPillar: 10,
};

describe('retention policy', () => {
  it('applies the longest period of the pillars involved', () => {
    expect(retentionYears(POLICY, ['SHV', 'WMO'])).toBe(15);
    expect(retentionYears(POLICY, ['SHV', 'JEUGD', 'WMO'])).toBe(20);
    expect(retentionYears(POLICY, ['SHV'])).toBe(5);
  });

  it('keeps a case without a pillar for the general period', () => {
    expect(retentionYears(POLICY, [])).toBe(10);
  });

  it('counts whole years from the closing date', () => {
    expect(retentionDueOn('2011-06-30', 15)).toBe('2026-06-30');
    expect(retentionDueOn('2020-02-29', 5)).toBe('2025-02-28');
  });

  it('knows which cases cannot be due yet', () => {
    expect(latestPossiblyDueClosedOn(POLICY, '2026-11-20')).toBe('2021-11-20');
  });
});
