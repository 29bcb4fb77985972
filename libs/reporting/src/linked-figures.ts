import { Figure, Line, Published, suppressFigures } from './suppression';

/** Indices of a grid's figures in a {@link LinkedFigures} set. */
export interface GridRefs {
  cells: number[][];
  rowTotals?: number[];
  columnTotals?: number[];
  grandTotal?: number;
}

export interface GridSpec {
  /** Publish row totals: new figures (true) or figures already in the set (the same numbers). */
  rowTotals?: boolean | number[];
  columnTotals?: boolean | number[];
  /** With both row and column totals: the grand total, new (true) or an existing figure. */
  grandTotal?: boolean | number;
}

/**
 * Figures of several tables that share totals (e.g. signals per creditor type appear both as the
 * column totals of one table and as the row totals of another), suppressed together so that no
 * combination of the published tables pins a hidden figure.
 */
export class LinkedFigures {
  private readonly figures: Figure[] = [];
  private readonly lines: Line[] = [];
  private result?: (Published | undefined)[];

  add(value: number, total = false): number {
    this.figures.push({ value, total });
    return this.figures.length - 1;
  }

  /** The parts add up to the total; a relation without parts says nothing and is left out. */
  relate(parts: number[], total: number) {
    const sum = parts.reduce((a, i) => a + this.figures[i].value, 0);
    if (sum !== this.figures[total].value)
      throw new Error('the parts of a relation must add up to its total');
    if (parts.length > 0) this.lines.push({ parts, total });
  }

  grid(cells: number[][], spec: GridSpec = {}): GridRefs {
    const refs: GridRefs = { cells: cells.map((row) => row.map((v) => this.add(v))) };
    const width = cells[0]?.length ?? 0;
    const column = (c: number) => refs.cells.map((row) => row[c]);
    const totalsFor = (given: boolean | number[], lines: number[][]) =>
      Array.isArray(given) ? given : lines.map((parts) => this.add(this.sumOf(parts), true));
    if (spec.rowTotals) {
      refs.rowTotals = totalsFor(spec.rowTotals, refs.cells);
      refs.cells.forEach((row, r) => this.relate(row, refs.rowTotals![r]));
    }
    if (spec.columnTotals) {
      const columns = Array.from({ length: width }, (_, c) => column(c));
      refs.columnTotals = totalsFor(spec.columnTotals, columns);
      columns.forEach((parts, c) => this.relate(parts, refs.columnTotals![c]));
    }
    if (spec.grandTotal !== undefined && spec.grandTotal !== false && refs.rowTotals && refs.columnTotals) {
      refs.grandTotal =
        typeof spec.grandTotal === 'number' ? spec.grandTotal : this.add(this.sumOf(refs.rowTotals), true);
      this.relate(refs.rowTotals, refs.grandTotal);
      this.relate(refs.columnTotals, refs.grandTotal);
    }
    return refs;
  }

  /** Suppress once, after every figure and relation is in; then read figures with {@link get}. */
  suppress(): this {
    this.result = suppressFigures(this.figures, this.lines);
    return this;
  }

  get(index: number): Published {
    if (!this.result) throw new Error('suppress() first');
    return this.result[index]!;
  }

  private sumOf(indices: number[]): number {
    return indices.reduce((a, i) => a + this.figures[i].value, 0);
  }
}
