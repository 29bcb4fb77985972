import fc from 'fast-check';
import {
  ageBandTable,
  CombinationCount,
  leadTimeTable,
  MONITOR_PILLARS,
  neighbourhoodTable,
  samenloopTable,
} from './monitor-tables';
import { HIDDEN, Published, SMALL } from './suppression';

const shown = (p: Published | number | null) => typeof p === 'number';

describe('monitor tables', () => {
  it('age bands: pillar totals are the sum of the bands, small cells protected in their column', () => {
    const t = ageBandTable([
      { pillar: 'WMO', ageBand: '85+', clients: 40 },
      { pillar: 'WMO', ageBand: '75-84', clients: 30 },
      { pillar: 'WMO', ageBand: '67-74', clients: 4 },
      { pillar: 'JEUGD', ageBand: '4-11', clients: 25 },
    ]);
    expect(t.totals.WMO).toBe(74);
    expect(t.totals.JEUGD).toBe(25);
    expect(t.rows.find((r) => r.ageBand === '67-74')!.clients.WMO).toBe(SMALL);
    // 0 in the other bands are "<10" too, so two or more hidden entries: nothing more to hide
    expect(t.rows.find((r) => r.ageBand === '85+')!.clients.WMO).toBe(40);
    expect(t.totals.ONDERWIJS).toBe(SMALL);
  });

  it('samenloop: counts, combinations most frequent first, and derived small figures hidden', () => {
    const counts: CombinationCount[] = [
      { pillars: 'WMO', households: 50 },
      { pillars: 'SHV', households: 20 },
      { pillars: 'SHV+WMO', households: 30 },
      { pillars: 'JEUGD+PARTICIPATIE', households: 12 },
      { pillars: 'PARTICIPATIE+SHV+WMO', households: 11 },
    ];
    const t = samenloopTable(counts);
    expect(t.households).toBe(123);
    expect(t.singlePillar).toBe(70);
    expect(t.twoOrMorePillars).toBe(53);
    expect(t.combinations).toHaveLength(26);
    // published combinations first, most frequent first
    expect(t.combinations[0]).toEqual({ pillars: ['SHV', 'WMO'], households: 30 });
    const published = t.combinations.filter((c) => shown(c.households));
    expect(published.every((c, i) => i === 0 || c.households <= published[i - 1].households)).toBe(true);
    expect(t.combinations.slice(published.length).every((c) => !shown(c.households))).toBe(true);
    expect(t.householdsPerPillar.WMO).toBe(91);
    // JEUGD: only 12 households, all in one combination: "JEUGD only" = 0 is derivable but 0 < 10 ...
    // so protection kicks in: one more figure of that relation is hidden.
    const jeugd = t.householdsPerPillar.JEUGD;
    const jp = t.combinations.find((c) => c.pillars.join('+') === 'JEUGD+PARTICIPATIE')!.households;
    expect(shown(jeugd) && shown(jp)).toBe(false);
  });

  it('samenloop property: no unpublished small figure and no hidden figure is pinned by one relation', () => {
    const combos = fc.subarray(
      ['WMO', 'SHV', 'JEUGD', 'PARTICIPATIE', 'SHV+WMO', 'JEUGD+WMO', 'PARTICIPATIE+SHV', 'JEUGD+SHV+WMO'],
      { minLength: 1 },
    );
    fc.assert(
      fc.property(
        combos.chain((names) =>
          fc.tuple(
            ...names.map((n) => fc.integer({ min: 0, max: 40 }).map((h) => ({ pillars: n, households: h }))),
          ),
        ),
        (counts) => {
          const t = samenloopTable(counts);
          const truth = (pred: (c: CombinationCount) => boolean) =>
            counts.filter(pred).reduce((a, c) => a + c.households, 0);
          const has = (p: string) => (c: CombinationCount) => c.pillars.split('+').includes(p);
          const multi = (c: CombinationCount) => c.pillars.includes('+');
          // faithful
          const expectShown = (p: Published, v: number) => {
            if (v < 10) expect(p).toBe(SMALL);
            else if (typeof p === 'number') expect(p).toBe(v);
            else expect(p).toBe(HIDDEN);
          };
          expectShown(
            t.households,
            truth(() => true),
          );
          expectShown(t.twoOrMorePillars, truth(multi));
          for (const p of MONITOR_PILLARS) expectShown(t.householdsPerPillar[p], truth(has(p)));
          // per pillar: only(p) = households(p) - published combinations with p; pinned iff all shown
          for (const p of MONITOR_PILLARS) {
            const onlyP = truth((c) => c.pillars === p);
            const withP = t.combinations.filter((c) => c.pillars.includes(p as never));
            const allShown = shown(t.householdsPerPillar[p]) && withP.every((c) => shown(c.households));
            if (allShown) expect(onlyP).toBeGreaterThanOrEqual(10);
          }
          // combinations add up to samenloop: never exactly one hidden
          const hidden = [t.twoOrMorePillars, ...t.combinations.map((c) => c.households)].filter(
            (x) => !shown(x),
          );
          expect(hidden.length).not.toBe(1);
          const top = [t.households, t.singlePillar, t.twoOrMorePillars].filter((x) => !shown(x));
          expect(top.length).not.toBe(1);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('neighbourhoods: share of inhabitants only where the count is shown', () => {
    const t = neighbourhoodTable([
      { neighbourhoodId: 'b', name: 'Pottenberg', inhabitants: 2000, clients: 150 },
      { neighbourhoodId: 'a', name: 'Caberg', inhabitants: 1000, clients: 3 },
      { neighbourhoodId: 'c', name: 'Malberg', inhabitants: 500, clients: 12 },
      { neighbourhoodId: null, name: null, inhabitants: null, clients: 20 },
    ]);
    expect(t.rows.map((r) => [r.neighbourhood, r.clients, r.sharePercent])).toEqual([
      ['Caberg', SMALL, SMALL],
      ['Malberg', HIDDEN, HIDDEN],
      ['Pottenberg', 150, 7.5],
      ['onbekend', 20, null],
    ]);
    expect(t.total).toBe(185);
  });

  it('Wmo lead time: averages only where the number of procedures is shown', () => {
    const t = leadTimeTable([
      { month: '2026-02', procedures: 20, netDays: 800, overLimit: 2 },
      { month: '2026-01', procedures: 12, netDays: 600, overLimit: 3 },
      { month: '2026-03', procedures: 4, netDays: 100, overLimit: 0 },
    ]);
    expect(t.rows).toEqual([
      { month: '2026-01', procedures: HIDDEN, averageDays: HIDDEN, overLimit: SMALL },
      { month: '2026-02', procedures: 20, averageDays: 40, overLimit: SMALL },
      { month: '2026-03', procedures: SMALL, averageDays: SMALL, overLimit: SMALL },
    ]);
    expect(t.total).toEqual({ month: 'totaal', procedures: 36, averageDays: 41.7, overLimit: SMALL });
  });
});
