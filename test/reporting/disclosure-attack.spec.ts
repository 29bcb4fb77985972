import fc from 'fast-check';
import { crossTable, LinkedFigures, publishGrid } from '@app/reporting';
import { DisclosureAttack } from './disclosure-attack';

/**
 * Property: whatever the counts, the published tables (one table, or two that share their totals as
 * the spreekuur and vroegsignalering tables do) leave no suppressed figure that the independent attack
 * (interval propagation over all equations; exhaustive search on small systems) pins to one value.
 */
const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 40 }));
const grid = (rows: number, cols: number) =>
  fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const head = { title: 't', rowHeader: 'r', rows: [], columns: [] };

describe('suppressed tables against the disclosure attack', () => {
  it('a single table with row, column and grand totals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 4 }) })
          .chain(({ rows, cols }) => grid(rows, cols)),
        async (cells) => {
          const table = crossTable(head, cells, { rows: true, columns: true });
          expect(await new DisclosureAttack().table('t', table).determined()).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('two tables sharing the totals of one side', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .record({
            a: fc.integer({ min: 1, max: 4 }),
            b: fc.integer({ min: 1, max: 4 }),
            cols: fc.integer({ min: 1, max: 3 }),
          })
          .chain(({ a, b, cols }) =>
            fc.record({ first: grid(a, cols), second: grid(b, cols) }).map(({ first, second }) => {
              // the second table's columns must add up to the same totals: rescale its last row
              const totals = Array.from({ length: cols }, (_, c) => first.reduce((s, r) => s + r[c], 0));
              const rest = second.slice(0, -1);
              const last = totals.map((t, c) => t - rest.reduce((s, r) => s + r[c], 0));
              return last.every((v) => v >= 0)
                ? { first, second: [...rest, last] }
                : { first, second: [totals] };
            }),
          ),
        async ({ first, second }) => {
          const figures = new LinkedFigures();
          const a = figures.grid(first, { rowTotals: true, columnTotals: true, grandTotal: true });
          const b = figures.grid(second, {
            rowTotals: true,
            columnTotals: a.columnTotals,
            grandTotal: a.grandTotal,
          });
          figures.suppress();
          const attack = new DisclosureAttack();
          first[0].forEach((_, c) => attack.same(`a.col.${c}`, `b.col.${c}`));
          attack.same('a.grand', 'b.grand');
          attack.table('a', publishGrid(head, figures, a)).table('b', publishGrid(head, figures, b));
          expect(await attack.determined()).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
