import { CsvCell as Cell, tablesToCsv } from './csv';
import { MonitorReport } from './monitor.service';

/**
 * The monitor's tables as one CSV (semicolon-separated, decimal comma, as Dutch spreadsheets expect):
 * each table starts with a line naming it, then its header, then its rows; a blank line in between.
 * The same suppressed figures as the JSON.
 */
export function monitorCsv(report: MonitorReport): string {
  const tables: Cell[][][] = [];
  tables.push([
    ['Monitor sociaal domein'],
    ['gemeente', 'van', 'tot en met'],
    [report.municipalityId, report.from, report.to],
    ...Object.entries(report.legend).map(([mark, meaning]) => [mark, meaning]),
  ]);
  tables.push([
    ['Cliënten en huishoudens per pijler'],
    ['pijler', 'unieke cliënten', 'huishoudens'],
    ...report.pillars.map((p) => [p.pillar, p.clients, p.households]),
  ]);
  const s = report.samenloop;
  tables.push([
    ['Samenloop'],
    ['huishoudens met een voorziening', 'met één pijler', 'met twee of meer pijlers'],
    [s.households, s.singlePillar, s.twoOrMorePillars],
  ]);
  tables.push([
    ['Combinaties van pijlers'],
    ['pijlers', 'huishoudens'],
    ...s.combinations.map((c) => [c.pillars.join(' + '), c.households]),
  ]);
  const a = report.ageBands;
  tables.push([
    ['Unieke cliënten per leeftijdsklasse'],
    ['leeftijd', ...a.pillars],
    ...a.rows.map((r) => [r.ageBand, ...a.pillars.map((p) => r.clients[p])]),
    ['totaal', ...a.pillars.map((p) => a.totals[p])],
  ]);
  const n = report.neighbourhoods;
  tables.push([
    ['Cliënten per wijk'],
    ['wijk', 'inwoners', 'unieke cliënten', 'aandeel van inwoners (%)'],
    ...n.rows.map((r) => [r.neighbourhood, r.inhabitants, r.clients, r.sharePercent]),
    ['totaal', null, n.total, null],
  ]);
  const w = report.wmoLeadTime;
  tables.push([
    [`Doorlooptijd Wmo melding tot beschikking (netto, max. ${w.limitDays} dagen)`],
    ['maand', 'aantal procedures', 'gemiddelde doorlooptijd (dagen)', `meer dan ${w.limitDays} dagen`],
    ...[...w.rows, w.total].map((r) => [r.month, r.procedures, r.averageDays, r.overLimit]),
  ]);
  return tablesToCsv(tables);
}
