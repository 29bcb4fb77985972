import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

/** A text that cannot start a spreadsheet formula (CSV injection). */
const defuse = (value: CsvCell): CsvCell =>
  typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;

/**
 * Tables as one CSV (semicolon-separated, decimal comma, CRLF, as Dutch spreadsheets expect), a blank
 * line between tables.
 */
export function tablesToCsv(tables: CsvCell[][][]): string {
  const records = tables.flatMap((table, i) => [...(i > 0 ? [[]] : []), ...table.map((r) => r.map(defuse))]);
  return stringify(records, {
    delimiter: ';',
    record_delimiter: 'windows',
    cast: { number: (n) => String(n).replace('.', ',') },
  });
}
