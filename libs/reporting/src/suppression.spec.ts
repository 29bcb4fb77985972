import fc from 'fast-check';
import {
  CountTable,
  HIDDEN,
  lineDeterminesHidden,
  primary,
  Published,
  SMALL,
  suppressBreakdown,
  suppressEach,
  SuppressedTable,
  suppressTable,
} from './suppression';

describe('suppression (DESIGN.md rule 6)', () => {
  describe('primary suppression', () => {
    it('shows every count under 10 as "<10" and the rest as is', () => {
      expect([0, 1, 9, 10, 11, 250].map(primary)).toEqual([SMALL, SMALL, SMALL, 10, 11, 250]);
      expect(suppressEach([3, 12])).toEqual([SMALL, 12]);
    });

    it('refuses what is not a count', () => {
      expect(() => primary(-1)).toThrow();
      expect(() => primary(2.5)).toThrow();
      expect(() => suppressTable({ cells: [[1, 2], [3]] })).toThrow();
    });
  });

  describe('breakdowns with a total', () => {
    it('hides the next-smallest part when exactly one part is small', () => {
      expect(suppressBreakdown([40, 3, 12, 25])).toEqual({ parts: [40, SMALL, HIDDEN, 25], total: 80 });
    });

    it('needs nothing more when two parts are small and cannot be pinned', () => {
      expect(suppressBreakdown([40, 3, 4, 25])).toEqual({ parts: [40, SMALL, SMALL, 25], total: 72 });
    });

    it('hides a third part when two small parts must both be 9 (total minus the rest is 18)', () => {
      expect(suppressBreakdown([40, 9, 9, 25])).toEqual({ parts: [40, SMALL, SMALL, HIDDEN], total: 83 });
    });

    it('hides a third part when a small and a hidden part add up to exactly 10 (0 and 10)', () => {
      // 0 is "<10", 10 is the next-smallest: 0 + 10 = 10 pins both (0..9 and at least 10).
      expect(suppressBreakdown([0, 10, 30, 50])).toEqual({ parts: [SMALL, HIDDEN, HIDDEN, 50], total: 90 });
    });

    it('hides a total under 10 and then needs no complementary cell', () => {
      expect(suppressBreakdown([2, 3])).toEqual({ parts: [SMALL, SMALL], total: SMALL });
    });

    it('hides the total when a single part is small and nothing else is left', () => {
      expect(suppressBreakdown([3, 15])).toEqual({ parts: [SMALL, HIDDEN], total: 18 });
      expect(suppressBreakdown([3])).toEqual({ parts: [SMALL], total: SMALL });
      expect(suppressBreakdown([12])).toEqual({ parts: [12], total: 12 });
    });
  });

  describe('two-way tables', () => {
    it('protects a small cell in its row and its column, and the complementary cells in theirs', () => {
      const out = suppressTable({
        cells: [
          [20, 5, 30],
          [40, 50, 60],
          [70, 80, 90],
        ],
        rowTotals: true,
        columnTotals: true,
      });
      // 5 is small; row 0 hides its next-smallest (20), column 1 hides 50; then column 0 (20 hidden)
      // and row 1 (50 hidden) hide 40 to close the rectangle.
      expect(out.cells).toEqual([
        [HIDDEN, SMALL, 30],
        [HIDDEN, HIDDEN, 60],
        [70, 80, 90],
      ]);
      expect(out.rowTotals).toEqual([55, 150, 240]);
      expect(out.columnTotals).toEqual([130, 135, 180]);
      expect(out.grandTotal).toBe(445);
      expectSafe(out);
    });

    it('supports column totals only (rows that do not add up, e.g. one person in two pillars)', () => {
      const out = suppressTable({
        cells: [
          [5, 40],
          [30, 50],
        ],
        columnTotals: true,
      });
      expect(out.cells).toEqual([
        [SMALL, 40],
        [HIDDEN, 50],
      ]);
      expect(out.columnTotals).toEqual([35, 90]);
      expect(out.rowTotals).toBeUndefined();
    });

    it('leaves a table without small counts untouched', () => {
      const table = {
        cells: [
          [10, 11],
          [12, 13],
        ],
        rowTotals: true,
        columnTotals: true,
      };
      expect(suppressTable(table)).toEqual({
        cells: table.cells,
        rowTotals: [21, 25],
        columnTotals: [22, 24],
        grandTotal: 46,
      });
    });

    it('handles an empty table', () => {
      expect(suppressTable({ cells: [], columnTotals: true })).toEqual({ cells: [], columnTotals: [] });
    });
  });

  describe('the attacker used by the property test', () => {
    it('solves a line with one hidden part', () => {
      expect(lineDeterminesHidden([SMALL, 12, 30], 45)).toBe(true);
      expect(lineDeterminesHidden([SMALL, HIDDEN, 30], 45)).toBe(false);
      expect(lineDeterminesHidden([SMALL, SMALL, 30], 48)).toBe(true); // 9 + 9
      expect(lineDeterminesHidden([SMALL, SMALL, 30], 30)).toBe(true); // 0 + 0
    });
  });

  describe('property: nothing hidden can be solved from one row or column', () => {
    const skewedCount = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 }));
    const tables = fc
      .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 5 }) })
      .chain(({ rows, cols }) =>
        fc.record({
          cells: fc.array(fc.array(skewedCount, { minLength: cols, maxLength: cols }), {
            minLength: rows,
            maxLength: rows,
          }),
          rowTotals: fc.boolean(),
          columnTotals: fc.boolean(),
        }),
      );

    it('publishes true values only, never one under 10, and no line pins a hidden entry', () => {
      fc.assert(
        fc.property(tables, (table) => {
          const out = suppressTable(table);
          expectFaithful(table, out);
          expectSafe(out);
        }),
        { numRuns: 3000 },
      );
    });

    it('is deterministic', () => {
      fc.assert(
        fc.property(tables, (table) => {
          expect(suppressTable(table)).toEqual(suppressTable(structuredClone(table)));
        }),
        { numRuns: 300 },
      );
    });
  });
});

/** Every shown figure is the true figure and at least 10; every true figure under 10 is "<10". */
function expectFaithful(table: CountTable, out: SuppressedTable) {
  const check = (truth: number, shown: Published | undefined) => {
    if (truth < 10) expect(shown).toBe(SMALL);
    else if (typeof shown === 'number') expect(shown).toBe(truth);
    else expect(shown).toBe(HIDDEN);
  };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  table.cells.forEach((row, r) => row.forEach((v, c) => check(v, out.cells[r][c])));
  if (table.rowTotals) table.cells.forEach((row, r) => check(sum(row), out.rowTotals![r]));
  if (table.columnTotals) {
    const cols = table.cells[0]?.length ?? 0;
    for (let c = 0; c < cols; c++) check(sum(table.cells.map((row) => row[c])), out.columnTotals![c]);
    if (table.rowTotals) check(sum(table.cells.flat()), out.grandTotal);
  }
}

/**
 * An attacker independent of the implementation: for every additive line, every hidden entry and
 * every integer value its marker allows (up to a bound above any table generated), is there a completion of the
 * other hidden entries? If exactly one value is possible, the entry is determined.
 */
function expectSafe(out: SuppressedTable) {
  // The attacker does not know the true grand total when it is hidden: only a generous upper bound.
  const cap = 5_000;
  for (const [parts, total] of lines(out)) {
    const entries = [...parts.map((p) => ({ p, sign: 1 })), { p: total, sign: -1 }];
    const known = entries.reduce((acc, e) => acc + (typeof e.p === 'number' ? e.sign * e.p : 0), 0);
    const hidden = entries.filter((e) => typeof e.p !== 'number');
    const range = (p: Published): [number, number] => (p === SMALL ? [0, 9] : [10, Math.max(10, cap)]);
    hidden.forEach((h, i) => {
      const others = hidden.filter((_, j) => j !== i);
      const [lo, hi] = range(h.p);
      let feasible = 0;
      for (let v = lo; v <= hi && feasible < 2; v++) {
        // need: known + h.sign * v + sum(others.sign * x) = 0 with x in range
        const need = -(known + h.sign * v);
        const min = others.reduce((a, o) => a + (o.sign > 0 ? range(o.p)[0] : -range(o.p)[1]), 0);
        const max = others.reduce((a, o) => a + (o.sign > 0 ? range(o.p)[1] : -range(o.p)[0]), 0);
        if (need >= min && need <= max) feasible++;
      }
      expect(feasible).not.toBe(1);
    });
    // and the implementation's own attacker agrees
    expect(lineDeterminesHidden(parts, total)).toBe(false);
  }
}

function lines(out: SuppressedTable): [Published[], Published][] {
  const result: [Published[], Published][] = [];
  const cols = out.cells[0]?.length ?? 0;
  if (out.rowTotals) out.cells.forEach((row, r) => result.push([row, out.rowTotals![r]]));
  if (out.columnTotals) {
    for (let c = 0; c < cols; c++) result.push([out.cells.map((row) => row[c]), out.columnTotals[c]]);
    if (out.rowTotals) {
      result.push([out.columnTotals, out.grandTotal!]);
      result.push([out.rowTotals, out.grandTotal!]);
    }
  }
  return result;
}
