import loadHighs from 'highs';

/**
 * An attacker on published, suppressed tables, written independently of libs/reporting/src/suppression.ts.
 * Every published figure is a variable: a number is fixed, "<10" lies in 0..9, "x" is 10 or more.
 * Every row and column with a published total is an equation (parts = total); figures that two tables
 * both publish (shared totals) are one variable. For every suppressed figure the attack computes its
 * exact feasibility interval: its minimum and its maximum over all non-negative integer solutions of
 * the whole system, each an integer linear program solved by HiGHS (no size limit, nothing guessed).
 *
 * Protection criterion: a suppressed figure is disclosed when its interval holds a single value
 * (min == max), e.g. a "<10" proven to be exactly 0. The stricter criterion of statistical disclosure
 * control, an interval at least as wide as the threshold, was measured and not adopted: a "<10" lies in
 * 0..9 by its marker alone, so any row total under 10 already narrows its cells, and on the test data
 * many small cells would fail it; meeting it would hide nearly every table. `intervals()` gives the
 * exact intervals for such an analysis.
 */
export const THRESHOLD = 10;

/** Stands in for "no upper bound" in the solver; an interval reaching it is unbounded above. */
const UNBOUNDED = 10_000_000;

export type PublishedValue = number | string | null | undefined;

interface Variable {
  name: string;
  lo: number;
  hi: number;
  suppressed: boolean;
  /** Not published (any non-negative integer), but part of a published relation. */
  unpublished?: boolean;
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

type Solver = Awaited<ReturnType<typeof loadHighs>>;
let solver: Promise<Solver> | undefined;

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

  /** One published figure outside a table (`null`: not published, but part of a relation). */
  value(name: string, value: PublishedValue | null): string {
    if (value !== null) return this.figure(name, value);
    const own = this.name(name);
    if (!this.vars.has(own))
      this.vars.set(own, {
        name: own,
        lo: 0,
        hi: Number.POSITIVE_INFINITY,
        suppressed: false,
        unpublished: true,
      });
    return own;
  }

  /** An additive relation between figures added with `value` or `table`: the parts add up to the total. */
  relation(parts: string[], total: string): this {
    this.equation(
      parts.map((p) => this.name(p)),
      this.name(total),
    );
    return this;
  }

  /** The suppressed figures the published figures pin to a single value (none: nothing disclosed). */
  async determined(): Promise<string[]> {
    const intervals = await this.intervals();
    return [...intervals].filter(([, [lo, hi]]) => lo === hi).map(([name]) => name);
  }

  /** Exact [min, max] of every suppressed figure over all integer solutions (max Infinity: unbounded). */
  async intervals(): Promise<Map<string, [number, number]>> {
    const highs = await (solver ??= loadHighs());
    const ids = new Map([...this.vars.keys()].map((name, i) => [name, `v${i}`]));
    const free = [...this.vars.values()].filter((v) => v.suppressed || v.unpublished);
    const constraints = this.equations.map((eq, i) => {
      // parts - total = 0, with published numbers moved to the right-hand side
      let constant = 0;
      const terms: string[] = [];
      const add = (name: string, sign: 1 | -1) => {
        const v = this.vars.get(name)!;
        if (v.suppressed || v.unpublished) terms.push(`${sign > 0 ? '+' : '-'} ${ids.get(name)}`);
        else constant += sign * v.lo;
      };
      eq.parts.forEach((p) => add(p, 1));
      add(eq.total, -1);
      if (terms.length === 0) {
        if (constant !== 0) throw new Error('the published figures contradict each other');
        return undefined;
      }
      return ` c${i}: ${terms.join(' ')} = ${-constant}`;
    });
    const rows = constraints.filter((c): c is string => c !== undefined);
    const bounds = free.map((v) => ` ${v.lo} <= ${ids.get(v.name)} <= ${Math.min(v.hi, UNBOUNDED)}`);
    const integers = free.map((v) => ids.get(v.name)).join(' ');
    const optimum = (sense: 'Minimize' | 'Maximize', name: string): number => {
      const model = [
        sense,
        ` obj: ${ids.get(name)}`,
        'Subject To',
        ...(rows.length ? rows : [` c_none: ${ids.get(name)} >= 0`]),
        'Bounds',
        ...bounds,
        'General',
        ` ${integers}`,
        'End',
      ].join('\n');
      const result = highs.solve(model, { output_flag: false });
      if (result.Status === 'Infeasible') throw new Error('the published figures contradict each other');
      if (result.Status !== 'Optimal') throw new Error(`${name}: solver answered ${result.Status}`);
      return Math.round(result.ObjectiveValue);
    };
    const out = new Map<string, [number, number]>();
    for (const v of free.filter((f) => f.suppressed)) {
      const max = optimum('Maximize', v.name);
      out.set(v.name, [optimum('Minimize', v.name), max >= UNBOUNDED ? Number.POSITIVE_INFINITY : max]);
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
          ? [0, THRESHOLD - 1, true]
          : value === 'x'
            ? [THRESHOLD, Number.POSITIVE_INFINITY, true]
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
}
