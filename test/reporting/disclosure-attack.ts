/**
 * An attacker on published, suppressed tables, written independently of libs/reporting/src/suppression.ts.
 * Every published figure is a variable: a number is fixed, "<10" lies in 0..9, "x" is 10 or more.
 * Every row and column with a published total is an equation (parts = total); figures that two tables
 * both publish (shared totals) are one variable. The attack then:
 *  1. propagates interval bounds over all equations together until nothing changes, and
 *  2. for small systems, searches exhaustively (backtracking with that propagation) whether each
 *     suppressed variable can take at least two values in integer solutions of the whole system.
 * A suppressed figure is disclosed when it can take only one value.
 */
/** Beyond this many suppressed figures the backtracking search is too slow: interval bounds only. */
const EXHAUSTIVE_UP_TO = 14;

export type PublishedValue = number | string | null | undefined;

interface Variable {
  name: string;
  lo: number;
  hi: number;
  suppressed: boolean;
}
interface Equation {
  parts: string[];
  total: string;
}

/** Rows-by-columns tables as the monitor publishes them. */
export interface AttackTable {
  cells: PublishedValue[][];
  rowTotals?: PublishedValue[];
  columnTotals?: PublishedValue[];
  grandTotal?: PublishedValue;
}

export class DisclosureAttack {
  private readonly vars = new Map<string, Variable>();
  private readonly equations: Equation[] = [];
  private readonly aliases = new Map<string, string>();

  /** `b` is published as the same figure as `a` (call before adding the tables). */
  same(a: string, b: string): this {
    this.aliases.set(b, a);
    return this;
  }

  /** Adds a table's figures, named `${name}.cell.r.c`, `${name}.row.r`, `${name}.col.c`, `${name}.grand`. */
  table(name: string, t: AttackTable): this {
    const cell = (r: number, c: number) => this.figure(`${name}.cell.${r}.${c}`, t.cells[r][c]);
    const width = t.cells[0]?.length ?? 0;
    t.cells.forEach((row, r) => row.forEach((_, c) => cell(r, c)));
    if (t.rowTotals)
      t.rowTotals.forEach((v, r) => {
        const total = this.figure(`${name}.row.${r}`, v);
        this.equation(
          t.cells[r].map((_, c) => this.name(`${name}.cell.${r}.${c}`)),
          total,
        );
      });
    if (t.columnTotals)
      t.columnTotals.forEach((v, c) => {
        const total = this.figure(`${name}.col.${c}`, v);
        this.equation(
          t.cells.map((_, r) => this.name(`${name}.cell.${r}.${c}`)),
          total,
        );
      });
    if (t.grandTotal !== undefined && t.rowTotals && t.columnTotals) {
      const grand = this.figure(`${name}.grand`, t.grandTotal);
      this.equation(
        t.rowTotals.map((_, r) => this.name(`${name}.row.${r}`)),
        grand,
      );
      this.equation(
        Array.from({ length: width }, (_, c) => this.name(`${name}.col.${c}`)),
        grand,
      );
    }
    return this;
  }

  /** The suppressed figures the published figures pin to a single value (none: nothing disclosed). */
  determined(): string[] {
    const base = this.bounds();
    const propagated = this.propagate(base);
    if (!propagated) throw new Error('the published figures contradict each other');
    const out: string[] = [];
    for (const v of this.vars.values()) {
      if (!v.suppressed) continue;
      const [lo, hi] = propagated.get(v.name)!;
      if (lo === hi) {
        out.push(v.name);
        continue;
      }
      // Small systems: two different values in complete integer solutions (an exhaustive search).
      if (this.suppressedCount() > EXHAUSTIVE_UP_TO) continue;
      const first = this.feasibleFrom(propagated, v.name, lo, hi);
      const second = first === undefined ? undefined : this.feasibleFrom(propagated, v.name, first + 1, hi);
      if (second === undefined) out.push(v.name);
    }
    return out;
  }

  /** How many suppressed figures were attacked (a test on an empty report proves nothing). */
  suppressedCount(): number {
    return [...this.vars.values()].filter((v) => v.suppressed).length;
  }

  private name(raw: string): string {
    return this.aliases.get(raw) ?? raw;
  }

  private figure(raw: string, value: PublishedValue): string {
    const name = this.name(raw);
    const [lo, hi, suppressed] =
      typeof value === 'number'
        ? [value, value, false]
        : value === '<10'
          ? [0, 9, true]
          : value === 'x'
            ? [10, Number.POSITIVE_INFINITY, true]
            : (() => {
                throw new Error(`${raw}: not a published count (${String(value)})`);
              })();
    const existing = this.vars.get(name);
    if (existing) {
      if (existing.lo !== lo || existing.hi !== hi) throw new Error(`${raw}: published twice, differently`);
      return name;
    }
    this.vars.set(name, { name, lo, hi, suppressed });
    return name;
  }

  private equation(parts: string[], total: string) {
    if (parts.length > 0) this.equations.push({ parts, total });
  }

  private bounds(): Map<string, [number, number]> {
    return new Map([...this.vars.values()].map((v) => [v.name, [v.lo, v.hi]]));
  }

  /** Interval propagation to a fixed point; undefined when the bounds become empty. */
  private propagate(start: Map<string, [number, number]>): Map<string, [number, number]> | undefined {
    const b = new Map(start);
    for (let changed = true; changed;) {
      changed = false;
      for (const eq of this.equations) {
        // parts - total = 0
        const terms = [...eq.parts.map((n) => [n, 1] as const), [eq.total, -1] as const];
        // Finite sums of the lower and upper ends, and how many ends are infinite.
        let loSum = 0;
        let hiSum = 0;
        let loInf = 0;
        let hiInf = 0;
        const ends = terms.map(([n, k]) => {
          const [lo, hi] = b.get(n)!;
          const end = { lo: k > 0 ? lo : -hi, hi: k > 0 ? hi : -lo };
          if (end.lo === -Infinity) loInf++;
          else loSum += end.lo;
          if (end.hi === Infinity) hiInf++;
          else hiSum += end.hi;
          return end;
        });
        for (const [i, [n, k]] of terms.entries()) {
          const [lo, hi] = b.get(n)!;
          const own = ends[i];
          // k * x = -(rest), rest = the other terms
          const restLo =
            loInf - (own.lo === -Infinity ? 1 : 0) > 0
              ? -Infinity
              : loSum - (own.lo === -Infinity ? 0 : own.lo);
          const restHi =
            hiInf - (own.hi === Infinity ? 1 : 0) > 0 ? Infinity : hiSum - (own.hi === Infinity ? 0 : own.hi);
          const kxLo = -restHi;
          const kxHi = -restLo;
          const newLo = Math.max(lo, Math.ceil(k > 0 ? kxLo : -kxHi));
          const newHi = Math.min(hi, Math.floor(k > 0 ? kxHi : -kxLo));
          if (newLo > newHi) return undefined;
          if (newLo !== lo || newHi !== hi) {
            b.set(n, [newLo, newHi]);
            changed = true;
          }
        }
      }
    }
    return b;
  }

  /** The smallest value >= from of `name` that extends to a full integer solution (undefined: none). */
  private feasibleFrom(b: Map<string, [number, number]>, name: string, from: number, hi: number) {
    for (let value = from; value <= Math.min(hi, from + 200); value++) {
      const fixed = new Map(b).set(name, [value, value]);
      if (this.solvable(fixed, { nodes: 0 })) return value;
    }
    return undefined;
  }

  private solvable(start: Map<string, [number, number]>, budget: { nodes: number }): boolean {
    if (++budget.nodes > 200_000) throw new Error('search too large for this attack');
    const b = this.propagate(start);
    if (!b) return false;
    const open = [...b]
      .filter(([, [lo, hi]]) => lo !== hi)
      .sort(([, x], [, y]) => x[1] - x[0] - (y[1] - y[0]));
    if (open.length === 0) return true;
    const [n, [lo, hi]] = open[0];
    for (let v = lo; v <= Math.min(hi, lo + 200); v++)
      if (this.solvable(new Map(b).set(n, [v, v]), budget)) return true;
    return false;
  }
}
