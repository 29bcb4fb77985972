import { LinkedFigures } from './linked-figures';
import { ThemeAggregates, themeTables } from './monitor-themes';
import { HIDDEN, SMALL } from './suppression';

const EMPTY: ThemeAggregates = {
  quarterly: [],
  bezwaren: [],
  shvFirstContact: [],
  shvTrajectories: [],
  shvDropout: [],
  wijkservicepunten: [],
  spreekuurVisits: [],
  spreekuurTopics: [],
  spreekuurReferrals: [],
  neighbourhoods: [],
  signals: [],
  budgetSchemes: [],
};
const YEAR = { from: '2025-01-01', to: '2025-12-31', spreekuurPer: 'month' as const };

describe('monitor theme tables', () => {
  it('hides the amount of all schemes together when exactly one scheme amount is hidden', () => {
    const tables = themeTables(
      {
        ...EMPTY,
        budgetSchemes: [
          'bijzondere-bijstand',
          'individuele-inkomenstoeslag',
          'declaratieregeling',
          'wmo-voorziening',
          'jeugdhulp',
          'schuldhulpverlening',
        ]
          .map((scheme) => ({ scheme, households: 20, paidCents: 100_000 }))
          .concat([{ scheme: 'leerlingenvervoer', households: 4, paidCents: 8_000 }])
          .concat([{ scheme: null as never, households: 30, paidCents: 608_000 }]),
      },
      YEAR,
    );
    const rows = tables.budgetSchemes.cells;
    expect(rows[6]).toEqual([SMALL, SMALL]);
    expect(rows[0]).toEqual([20, 1000]);
    expect(rows[7]).toEqual([30, HIDDEN]);
  });

  it('lists every quarter and month of the period, and publishes empty tables as "<10"', () => {
    const tables = themeTables(EMPTY, { ...YEAR, from: '2025-02-15', to: '2025-07-01' });
    expect(tables.quarterly.rows.map((r) => r.key)).toEqual(['2025-K1', '2025-K2', '2025-K3']);
    expect(tables.spreekuurVisits.rows.map((r) => r.key)).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
    ]);
    expect(tables.shvFirstContact.total).toEqual({
      month: 'totaal',
      procedures: SMALL,
      averageDays: SMALL,
      overLimit: SMALL,
    });
    expect(tables.bezwaren.grandTotal).toBe(SMALL);
  });

  it('labels ISO weeks as PostgreSQL does, across the turn of the year', () => {
    const tables = themeTables(EMPTY, { from: '2020-12-28', to: '2021-01-11', spreekuurPer: 'week' });
    expect(tables.spreekuurVisits.rows.map((r) => r.key)).toEqual(['2020-W53', '2021-W01', '2021-W02']);
  });

  it('refuses shared totals that do not add up (tables read from different snapshots)', () => {
    const figures = new LinkedFigures();
    const a = figures.grid([[12, 3]], { rowTotals: true });
    expect(() => figures.grid([[10], [4]], { columnTotals: a.rowTotals })).toThrow();
  });
});
