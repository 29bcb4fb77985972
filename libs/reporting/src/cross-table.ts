import { GridRefs, LinkedFigures } from './linked-figures';
import { Published } from './suppression';

export interface Label {
  key: string;
  label: string;
}

/**
 * One published table of counts in the shape every consumer (JSON, CSV, the web app's charts and the
 * disclosure tests) reads the same way: rows by columns, with the totals that were published.
 * A row total is the sum of its row, a column total the sum of its column.
 */
export interface CrossTable {
  title: string;
  rowHeader: string;
  rows: Label[];
  columns: Label[];
  cells: (Published | number | null)[][];
  rowTotals?: Published[];
  columnTotals?: Published[];
  grandTotal?: Published;
  /** What a cell counts and how (Dutch), e.g. that one contact can have several topics. */
  note?: string;
}

export type TableHead = Pick<CrossTable, 'title' | 'rowHeader' | 'rows' | 'columns' | 'note'>;

/** Reads the published figures of a grid once its {@link LinkedFigures} set is suppressed. */
export function publishGrid(head: TableHead, figures: LinkedFigures, refs: GridRefs): CrossTable {
  const get = (i: number) => figures.get(i);
  return {
    ...head,
    cells: refs.cells.map((row) => row.map(get)),
    ...(refs.rowTotals && { rowTotals: refs.rowTotals.map(get) }),
    ...(refs.columnTotals && { columnTotals: refs.columnTotals.map(get) }),
    ...(refs.grandTotal !== undefined && { grandTotal: get(refs.grandTotal) }),
  };
}

/** A single table with its own totals, suppressed on its own. */
export function crossTable(
  head: TableHead,
  cells: number[][],
  totals: { rows?: boolean; columns?: boolean } = {},
): CrossTable {
  const figures = new LinkedFigures();
  const refs = figures.grid(cells, {
    rowTotals: totals.rows,
    columnTotals: totals.columns,
    grandTotal: totals.rows && totals.columns,
  });
  return publishGrid(head, figures.suppress(), refs);
}

/** Count of the raw rows matching a row key and a column key (0 when none). */
export function countBy<T>(
  items: T[],
  row: (t: T) => string,
  column: (t: T) => string,
  value: (t: T) => number,
) {
  const map = new Map<string, number>();
  for (const item of items) {
    const key = `${row(item)}\u0000${column(item)}`;
    map.set(key, (map.get(key) ?? 0) + value(item));
  }
  return (r: string, c: string) => map.get(`${r}\u0000${c}`) ?? 0;
}
