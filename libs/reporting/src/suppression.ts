/**
 * DESIGN.md access rule 6: aggregates leave the case teams only with small-cell and complementary
 * suppression. Pure functions, no database.
 *
 * A table is a grid of counts with (optionally) published row totals, column totals and a grand total.
 * Each row and each column, together with its published total, is one additive line:
 * `cell_1 + ... + cell_n = total`. The steps:
 *
 * 1. Primary suppression: every count under 10 (cells and totals) is shown as "<10".
 * 2. Complementary suppression: a suppressed entry must not be derivable from one line. For every line
 *    the attacker knows the published figures and the bounds a marker gives away ("<10": 0..9; "x":
 *    10 or more, since everything under 10 is already "<10"). When that interval reasoning pins a hidden
 *    entry to one value (always the case with exactly one hidden entry in a line, and also e.g. two
 *    "<10" cells that must both be 9), the next-smallest published entry of that line is hidden as
 *    well ("x"). Repeated until no line changes (a fixed point; it terminates because every round
 *    hides at least one more entry of a finite table).
 * 3. Across lines: an attacker can combine rows, columns and linked tables. Interval propagation over
 *    all lines together tightens the bounds until nothing changes, and then each suppressed entry's
 *    exact minimum and maximum over all integer solutions is computed (a backtracking search for small
 *    systems, an integer linear program beyond that); while an entry is pinned, the next-smallest
 *    published entry of a line through it is hidden too.
 *
 * Lines whose cells do not add up to a published total (e.g. persons per age band over several
 * pillars, where one person can count in two pillars) are simply not declared as lines.
 */
import lpSolver, { SolveResult } from 'javascript-lp-solver';

export const SMALL = '<10' as const;
/** Hidden to protect another cell (complementary suppression); the true count is 10 or more. */
export const HIDDEN = 'x' as const;
export type Published = number | typeof SMALL | typeof HIDDEN;

export const THRESHOLD = 10;

export interface CountTable {
  cells: number[][];
  /** Publish the sum of every row (its cells must add up to it). */
  rowTotals?: boolean;
  /** Publish the sum of every column. */
  columnTotals?: boolean;
}

export interface SuppressedTable {
  cells: Published[][];
  rowTotals?: Published[];
  columnTotals?: Published[];
  /** Only when both row and column totals are published, or for a one-column table with column totals. */
  grandTotal?: Published;
}

/** Primary suppression of a single figure. */
export function primary(count: number): Published {
  assertCount(count);
  return count < THRESHOLD ? SMALL : count;
}

type Mark = 'shown' | 'small' | 'hidden' | 'unpublished';
interface Entry {
  value: number;
  mark: Mark;
  row: number;
  col: number;
  /** Totals are hidden only after the cells of their line (the next-smallest rule prefers cells). */
  total?: boolean;
}

/**
 * The extended grid: cells, then a totals column (index `cols`) when rows have totals and a totals
 * row (index `rows`) when columns have totals; the grand total sits at (rows, cols).
 */
function buildGrid(table: CountTable): { grid: Entry[][]; lines: Entry[][] } {
  const rows = table.cells.length;
  const cols = rows ? table.cells[0].length : 0;
  for (const row of table.cells) {
    if (row.length !== cols) throw new Error('every row of a table needs the same number of cells');
    row.forEach(assertCount);
  }
  const entry = (value: number, row: number, col: number): Entry => ({
    value,
    mark: value < THRESHOLD ? 'small' : 'shown',
    row,
    col,
    total: row === rows || col === cols,
  });
  const grid: Entry[][] = table.cells.map((row, r) => row.map((v, c) => entry(v, r, c)));
  if (table.rowTotals) grid.forEach((row, r) => row.push(entry(sum(table.cells[r]), r, cols)));
  if (table.columnTotals) {
    const totals = Array.from({ length: cols }, (_, c) =>
      entry(sum(table.cells.map((row) => row[c])), rows, c),
    );
    if (table.rowTotals) totals.push(entry(sum(table.cells.flat()), rows, cols));
    grid.push(totals);
  }
  const lines: Entry[][] = [];
  // A line lists its parts first and its total last.
  if (table.rowTotals) for (const row of grid) lines.push(row);
  if (table.columnTotals) {
    const width = grid[0]?.length ?? 0;
    for (let c = 0; c < width; c++) lines.push(grid.map((row) => row[c]));
  }
  return { grid, lines };
}

/** Bounds an attacker can read off a published marker (an unpublished figure: any count). */
function bounds(e: Entry): [number, number] {
  if (e.mark === 'small') return [0, THRESHOLD - 1];
  if (e.mark === 'hidden') return [THRESHOLD, Number.POSITIVE_INFINITY];
  if (e.mark === 'unpublished') return [0, Number.POSITIVE_INFINITY];
  return [e.value, e.value];
}

/** A pinned entry is a disclosure when it was hidden, or unpublished and under the threshold. */
function disclosed(e: Entry): boolean {
  return e.mark === 'small' || e.mark === 'hidden' || (e.mark === 'unpublished' && e.value < THRESHOLD);
}

/** One additive relation between figures: the parts add up to the total (indices into the figures). */
export interface Line {
  parts: number[];
  total: number;
}

export interface Figure {
  value: number;
  /** Not published at all, but part of a relation (e.g. households with only this pillar). */
  unpublished?: boolean;
  /** A total: hidden for protection only when no cell of its line is left. */
  total?: boolean;
}

/**
 * Primary and complementary suppression over any set of figures and additive relations between them,
 * so that figures of several tables that depend on each other are suppressed together.
 * Unpublished figures come back as undefined.
 */
export function suppressFigures(figures: Figure[], relations: Line[]): (Published | undefined)[] {
  const entries: Entry[] = figures.map((f, i) => {
    assertCount(f.value);
    return {
      value: f.value,
      mark: f.unpublished ? 'unpublished' : f.value < THRESHOLD ? 'small' : 'shown',
      row: i,
      col: 0,
      total: f.total,
    };
  });
  const lines = relations.map((l) => [...l.parts.map((i) => entries[i]), entries[l.total]]);
  protect(lines);
  return entries.map((e) => (e.mark === 'unpublished' ? undefined : publish(e)));
}

function publish(e: Entry): Published {
  return e.mark === 'small' ? SMALL : e.mark === 'hidden' ? HIDDEN : e.value;
}

/** Complementary suppression to a fixed point (see the file comment). */
function protect(lines: Entry[][]) {
  protectLineByLine(lines);
  // Lines share entries, so bounds learnt from one line tighten another: repeat across all of them.
  for (;;) {
    let pinned = propagate(lines);
    if (pinned.length === 0) pinned = solvedExactly(lines);
    if (pinned.length === 0) pinned = solvedByLinearProgram(lines);
    if (pinned.length === 0) return;
    const line = nearestLineWithShown(lines, pinned);
    if (!line) return; // nothing left to hide with: the figures are derivable by construction
    nextSmallestShown(line)!.mark = 'hidden';
  }
}

/**
 * The line nearest to the pinned entries (through lines that share entries) that still has a shown
 * entry: when every line through a pinned entry is fully suppressed, the disclosure comes from
 * published figures further away (e.g. a grand total), so one of those is hidden.
 */
function nearestLineWithShown(lines: Entry[][], pinned: Entry[]): Entry[] | undefined {
  const reached = new Set<Entry>(pinned);
  const visited = new Set<Entry[]>();
  for (let frontier = pinned; frontier.length > 0;) {
    const next: Entry[] = [];
    for (const line of lines) {
      if (visited.has(line) || !line.some((e) => frontier.includes(e))) continue;
      if (line.some((e) => e.mark === 'shown')) return line;
      visited.add(line);
      for (const e of line) {
        if (reached.has(e)) continue;
        reached.add(e);
        next.push(e);
      }
    }
    frontier = next;
  }
  return undefined;
}

function nextSmallestShown(line: Entry[]): Entry | undefined {
  return (
    line
      .filter((e) => e.mark === 'shown')
      // the next-smallest entry; cells before totals, then a stable order
      .sort(
        (a, b) =>
          a.value - b.value || Number(!!a.total) - Number(!!b.total) || a.row - b.row || a.col - b.col,
      )[0]
  );
}

/**
 * Interval propagation over all lines together (an attacker who combines rows, columns and linked
 * tables): bounds start from the markers and are tightened line by line until nothing changes.
 * Returns the suppressed entries that end up pinned to one value.
 */
function propagate(lines: Entry[][]): Entry[] {
  const start = new Map<Entry, [number, number]>();
  for (const line of lines) for (const e of line) start.set(e, bounds(e));
  const range = tightenBounds(lines, start);
  if (!range) return [];
  return [...range]
    .filter(([e, [lo, hi]]) => e.mark !== 'shown' && lo === hi && disclosed(e))
    .map(([e]) => e);
}

/** Interval propagation to a fixed point; undefined when the bounds contradict each other. */
function tightenBounds(
  lines: Entry[][],
  start: Map<Entry, [number, number]>,
): Map<Entry, [number, number]> | undefined {
  const range = new Map(start);
  for (let changed = true, rounds = 0; changed && rounds < 10_000; rounds++) {
    changed = false;
    for (const line of lines) {
      const terms = line.map((e, i) => ({ e, coef: i === line.length - 1 ? -1 : 1 }));
      const low = (t: (typeof terms)[number]) => (t.coef > 0 ? range.get(t.e)![0] : -range.get(t.e)![1]);
      const high = (t: (typeof terms)[number]) => (t.coef > 0 ? range.get(t.e)![1] : -range.get(t.e)![0]);
      for (const t of terms) {
        let othersLo = 0;
        let othersHi = 0;
        for (const o of terms) {
          if (o === t) continue;
          othersLo += low(o);
          othersHi += high(o);
        }
        // coef * x = -(others)
        const [lo, hi] = range.get(t.e)!;
        const a = t.coef > 0 ? -othersHi : othersLo;
        const b = t.coef > 0 ? -othersLo : othersHi;
        const next: [number, number] = [Math.max(lo, Math.ceil(a)), Math.min(hi, Math.floor(b))];
        if (next[0] > next[1]) return undefined;
        if (next[0] !== lo || next[1] !== hi) {
          range.set(t.e, next);
          changed = true;
        }
      }
    }
  }
  return range;
}

/** Up to this many suppressed entries, combinations of lines are searched exhaustively as well. */
const EXHAUSTIVE_UP_TO = 14;
const SEARCH_BUDGET = 50_000;

/**
 * Small systems: interval bounds miss what only a combination of lines gives away (e.g. two rows and
 * two columns whose sums force a third row's cells to 0). A backtracking search over integer solutions
 * finds each suppressed entry that can take only one value; a search that runs out of budget counts
 * as a disclosure, so the answer errs towards hiding more.
 */
function solvedExactly(lines: Entry[][]): Entry[] {
  const entries = [...new Set(lines.flat())];
  const suppressed = entries.filter((e) => e.mark !== 'shown');
  if (suppressed.length === 0 || suppressed.length > EXHAUSTIVE_UP_TO) return [];
  const start = new Map(entries.map((e) => [e, bounds(e)] as [Entry, [number, number]]));
  const tighten = (b: Map<Entry, [number, number]>) => tightenBounds(lines, b);
  const budget = { nodes: 0 };
  const solvable = (b0: Map<Entry, [number, number]>): boolean => {
    if (++budget.nodes > SEARCH_BUDGET) throw new Error('budget');
    const b = tighten(b0);
    if (!b) return false;
    const open = [...b].find(([, [lo, hi]]) => lo !== hi);
    if (!open) return true;
    const [e, [lo, hi]] = open;
    for (let v = lo; v <= Math.min(hi, lo + 100); v++) if (solvable(new Map(b).set(e, [v, v]))) return true;
    return false;
  };
  const base = tighten(start);
  if (!base) return [];
  return suppressed.filter((e) => {
    if (!disclosed(e)) return false;
    const [lo, hi] = base.get(e)!;
    try {
      let found = 0;
      for (let v = lo; v <= Math.min(hi, lo + 100) && found < 2; v++)
        if (solvable(new Map(base).set(e, [v, v]))) found++;
      return found < 2;
    } catch {
      return true;
    }
  });
}

/** Stands in for "no upper bound" in the linear programs. */
const LP_UNBOUNDED = 10_000_000;

/**
 * Systems too large for the search: for every suppressed entry that must not be pinned, its minimum
 * and maximum over all solutions of all lines, each a linear program (the relaxation: an integer
 * program with javascript-lp-solver's branch and bound was far too slow on 30-entry tables; the
 * test's attack solves the integer programs exactly with HiGHS). This catches
 * what only a combination of lines gives away (e.g. a grand total that leaves room for one "x" of at
 * least 10 and so forces every other cell of two crossing lines to 0).
 */
function solvedByLinearProgram(lines: Entry[][]): Entry[] {
  const entries = [...new Set(lines.flat())];
  const open = entries.filter((e) => e.mark !== 'shown');
  if (open.length <= EXHAUSTIVE_UP_TO) return [];
  const id = new Map(open.map((e, i) => [e, `e${i}`]));
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  open.forEach((e, i) => {
    const [lo, hi] = bounds(e);
    constraints[`b${i}`] = { min: lo, max: Math.min(hi, LP_UNBOUNDED) };
    variables[`e${i}`] = { [`b${i}`]: 1 };
  });
  lines.forEach((line, l) => {
    let known = 0;
    line.forEach((e, j) => {
      const coef = j === line.length - 1 ? -1 : 1;
      if (e.mark === 'shown') known += coef * e.value;
      else variables[id.get(e)!][`l${l}`] = coef;
    });
    constraints[`l${l}`] = { equal: -known };
  });
  const optimum = (e: Entry, opType: 'min' | 'max'): number | undefined => {
    const own = id.get(e)!;
    const result = lpSolver.Solve({
      optimize: 'objective',
      opType,
      constraints,
      variables: { ...variables, [own]: { ...variables[own], objective: 1 } },
    }) as SolveResult;
    return result.feasible && result.bounded !== false ? Math.round(result.result) : undefined;
  };
  return open.filter((e) => {
    if (!disclosed(e)) return false;
    const min = optimum(e, 'min');
    return min !== undefined && min === optimum(e, 'max');
  });
}

function protectLineByLine(lines: Entry[][]) {
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (!determined(line).some(disclosed)) continue;
      const next = nextSmallestShown(line);
      if (!next) continue; // everything in the line is hidden already: nothing more to protect with
      next.mark = 'hidden';
      changed = true;
    }
  }
}

/**
 * Whether a hidden entry of one additive line (parts = total) is pinned to a single value by the
 * published figures and the markers' bounds. Exported for the tests that attack the output.
 */
export function lineDeterminesHidden(parts: Published[], total: Published): boolean {
  const toEntry = (p: Published): Entry =>
    typeof p === 'number'
      ? { value: p, mark: 'shown', row: 0, col: 0 }
      : { value: 0, mark: p === SMALL ? 'small' : 'hidden', row: 0, col: 0 };
  return determined([...parts.map(toEntry), toEntry(total)]).some(disclosed);
}

/** Hidden entries of a line whose value the line pins down. */
function determined(line: Entry[]): Entry[] {
  const total = line[line.length - 1];
  const parts = line.slice(0, -1);
  // Rewrite the line as sum(coef_i * x_i) = 0 with coef +1 for parts and -1 for the total.
  const terms = [...parts.map((e) => ({ e, coef: 1 })), { e: total, coef: -1 }];
  const hidden = terms.filter((t) => t.e.mark !== 'shown');
  if (hidden.length === 0) return [];
  const known = terms.filter((t) => t.e.mark === 'shown').reduce((acc, t) => acc + t.coef * t.e.value, 0);
  // sum over hidden of coef * x = -known
  const target = -known;
  const range = (t: { e: Entry; coef: number }): [number, number] => {
    const [lo, hi] = bounds(t.e);
    return t.coef > 0 ? [lo, hi] : [-hi, -lo];
  };
  const pinned: Entry[] = [];
  for (const t of hidden) {
    let othersLo = 0;
    let othersHi = 0;
    for (const o of hidden) {
      if (o === t) continue;
      const [lo, hi] = range(o);
      othersLo += lo;
      othersHi += hi;
    }
    // coef * x = target - others, so coef * x in [target - othersHi, target - othersLo]
    const [ownLo, ownHi] = range(t);
    const lo = Math.max(ownLo, target - othersHi);
    const hi = Math.min(ownHi, target - othersLo);
    if (lo === hi) pinned.push(t.e);
  }
  return pinned;
}

/** Primary and complementary suppression of one table (see the file comment). */
export function suppressTable(table: CountTable): SuppressedTable {
  const { grid, lines } = buildGrid(table);
  protect(lines);
  const rows = table.cells.length;
  const cols = rows ? table.cells[0].length : 0;
  const out: SuppressedTable = {
    cells: grid.slice(0, rows).map((row) => row.slice(0, cols).map(publish)),
  };
  if (table.rowTotals) out.rowTotals = grid.slice(0, rows).map((row) => publish(row[cols]));
  if (table.columnTotals) {
    out.columnTotals = grid[rows].slice(0, cols).map(publish);
    if (table.rowTotals) out.grandTotal = publish(grid[rows][cols]);
  }
  return out;
}

/**
 * A one-dimensional breakdown whose parts add up to a published total (e.g. households by pillar
 * combination): the column of a one-column table with its total.
 */
export function suppressBreakdown(parts: number[]): { parts: Published[]; total: Published } {
  const table = suppressTable({ cells: parts.map((n) => [n]), columnTotals: true });
  return { parts: table.cells.map((row) => row[0]), total: table.columnTotals![0] };
}

/** Figures without an additive relation to other published figures: primary suppression only. */
export function suppressEach(counts: number[]): Published[] {
  return counts.map(primary);
}

export function isSuppressed(p: Published): p is typeof SMALL | typeof HIDDEN {
  return p === SMALL || p === HIDDEN;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function assertCount(n: number) {
  if (!Number.isInteger(n) || n < 0) throw new Error('a count must be a non-negative integer');
}
