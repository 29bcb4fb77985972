import { CsvCell, tablesToCsv } from './csv';
import { CrossTable } from './cross-table';
import { LeadTimeTable } from './monitor-tables';
import { CROSS_TABLE_KEYS, ThemesReport } from './monitor-themes.service';

/** One cross table: its title, a header, its rows with their totals, a totals line, its note. */
function crossTableLines(t: CrossTable): CsvCell[][] {
  const lines: CsvCell[][] = [
    [t.title],
    [t.rowHeader, ...t.columns.map((c) => c.label), ...(t.rowTotals ? ['totaal'] : [])],
    ...t.rows.map((r, i) => [r.label, ...t.cells[i], ...(t.rowTotals ? [t.rowTotals[i]] : [])]),
  ];
  if (t.columnTotals)
    lines.push(['totaal', ...t.columnTotals, ...(t.grandTotal !== undefined ? [t.grandTotal] : [])]);
  if (t.note) lines.push([t.note]);
  return lines;
}

function leadTimeLines(title: string, w: LeadTimeTable): CsvCell[][] {
  return [
    [title],
    ['maand', 'aantal', 'gemiddeld aantal dagen', `meer dan ${w.limitDays} dagen`],
    ...[...w.rows, w.total].map((r) => [r.month, r.procedures, r.averageDays, r.overLimit]),
  ];
}

/** The themes report as one CSV: the same suppressed figures as the JSON. */
export function themesCsv(report: ThemesReport): string {
  return tablesToCsv([
    [
      ['Monitor sociaal domein: thema’s'],
      ['gemeente', 'van', 'tot en met'],
      [report.municipalityId, report.from, report.to],
      ...Object.entries(report.legend).map(([mark, meaning]) => [mark, meaning]),
    ],
    ...CROSS_TABLE_KEYS.map((key) => crossTableLines(report[key])),
    leadTimeLines(
      'Schuldhulpverlening: dagen van melding tot eerste gesprek, per maand van het gesprek',
      report.shvFirstContact,
    ),
  ]);
}
