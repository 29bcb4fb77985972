import {
  HIDDEN,
  isSuppressed,
  Line,
  primary,
  Published,
  SMALL,
  suppressFigures,
  suppressTable,
} from './suppression';

/**
 * The monitor's tables from the raw aggregates of the reporting views, suppressed (DESIGN.md rule 6).
 * Pure functions: the service reads the aggregates, these decide what may be published.
 */
export const MONITOR_PILLARS = ['WMO', 'JEUGD', 'PARTICIPATIE', 'SHV', 'ONDERWIJS'] as const;
export type MonitorPillar = (typeof MONITOR_PILLARS)[number];
export const AGE_BANDS = [
  '0-3',
  '4-11',
  '12-17',
  '18-26',
  '27-44',
  '45-66',
  '67-74',
  '75-84',
  '85+',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const WMO_LIMIT_DAYS = 56;

/** Every combination of two or more pillars, spelled as the view does: sorted, joined by '+'. */
export const PILLAR_COMBINATIONS: string[] = (() => {
  const sorted = [...MONITOR_PILLARS].sort();
  const out: string[] = [];
  for (let mask = 1; mask < 1 << sorted.length; mask++) {
    const set = sorted.filter((_, i) => mask & (1 << i));
    if (set.length >= 2) out.push(set.join('+'));
  }
  return out.sort();
})();

export const LEGEND = {
  [SMALL]: 'minder dan 10',
  [HIDDEN]: 'verborgen (10 of meer) zodat een ander getal niet uit de totalen is af te leiden',
};

// ───────────── raw aggregates (what the views return) ─────────────
export interface ClientCell {
  pillar: string;
  ageBand: string;
  clients: number;
}
export interface CombinationCount {
  /** Pillars joined by '+', e.g. 'SHV+WMO'. */
  pillars: string;
  households: number;
}
export interface NeighbourhoodCount {
  neighbourhoodId: string | null;
  name: string | null;
  inhabitants: number | null;
  clients: number;
}
export interface LeadTimeMonth {
  month: string;
  procedures: number;
  netDays: number;
  overLimit: number;
}

// ───────────── published tables ─────────────
export interface AgeBandTable {
  pillars: MonitorPillar[];
  rows: { ageBand: AgeBand; clients: Record<MonitorPillar, Published> }[];
  /** Unique clients per pillar (each client in exactly one age band, so the bands add up to these). */
  totals: Record<MonitorPillar, Published>;
}

/** Unique clients per age band and pillar; column totals are the unique clients per pillar. */
export function ageBandTable(cells: ClientCell[]): AgeBandTable {
  const pillars = [...MONITOR_PILLARS];
  const count = (band: string, pillar: string) =>
    cells.filter((c) => c.ageBand === band && c.pillar === pillar).reduce((a, c) => a + c.clients, 0);
  const table = suppressTable({
    cells: AGE_BANDS.map((band) => pillars.map((p) => count(band, p))),
    columnTotals: true,
  });
  const byPillar = (row: Published[]) =>
    Object.fromEntries(pillars.map((p, i) => [p, row[i]])) as Record<MonitorPillar, Published>;
  return {
    pillars,
    rows: AGE_BANDS.map((ageBand, r) => ({ ageBand, clients: byPillar(table.cells[r]) })),
    totals: byPillar(table.columnTotals!),
  };
}

export interface SamenloopTable {
  /** Households with a provision in the period. */
  households: Published;
  singlePillar: Published;
  /** Samenloop: households with provisions from two or more pillars. */
  twoOrMorePillars: Published;
  /** Households per pillar (a household with two pillars counts in both). */
  householdsPerPillar: Record<MonitorPillar, Published>;
  /** Every combination of two or more pillars, the most frequent first (hidden ones last). */
  combinations: { pillars: MonitorPillar[]; households: Published }[];
}

/**
 * Samenloop and households per pillar, suppressed together because they depend on each other:
 * single + samenloop = all; the combinations add up to samenloop; per pillar, the households with
 * only that pillar (not published) plus the combinations with it make its households; the
 * single-pillar households add up to the single figure.
 */
export function samenloopTable(counts: CombinationCount[]): SamenloopTable {
  const split = (c: CombinationCount) => c.pillars.split('+') as MonitorPillar[];
  const known = counts.filter((c) =>
    split(c).every((p) => (MONITOR_PILLARS as readonly string[]).includes(p)),
  );
  // Every combination of two or more pillars, also those without households: a list of only the
  // combinations that occur would tell which do not, and an empty list would pin samenloop to 0.
  const combos: CombinationCount[] = PILLAR_COMBINATIONS.map((pillars) => ({
    pillars,
    households: known.filter((c) => c.pillars === pillars).reduce((a, c) => a + c.households, 0),
  }));
  const only = (p: MonitorPillar) =>
    known.filter((c) => c.pillars === p).reduce((a, c) => a + c.households, 0);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  const figures: { value: number; unpublished?: boolean; total?: boolean }[] = [];
  const add = (value: number, extra: { unpublished?: boolean; total?: boolean } = {}) =>
    figures.push({ value, ...extra }) - 1;
  const comboIdx = combos.map((c) => add(c.households));
  const onlyIdx = MONITOR_PILLARS.map((p) => add(only(p), { unpublished: true }));
  const single = add(sum(MONITOR_PILLARS.map(only)), { total: true });
  const twoPlus = add(sum(combos.map((c) => c.households)), { total: true });
  const all = add(figures[single].value + figures[twoPlus].value, { total: true });
  const perPillarIdx = MONITOR_PILLARS.map((p, i) =>
    add(
      figures[onlyIdx[i]].value + sum(combos.filter((c) => split(c).includes(p)).map((c) => c.households)),
      { total: true },
    ),
  );
  const lines: Line[] = [
    { parts: [single, twoPlus], total: all },
    { parts: comboIdx, total: twoPlus },
    { parts: onlyIdx, total: single },
    ...MONITOR_PILLARS.map((p, i) => ({
      parts: [onlyIdx[i], ...combos.flatMap((c, j) => (split(c).includes(p) ? [comboIdx[j]] : []))],
      total: perPillarIdx[i],
    })),
  ];
  const out = suppressFigures(figures, lines) as Published[];
  const combinations = combos
    .map((c, j) => ({ pillars: split(c), households: out[comboIdx[j]] }))
    .sort(
      (a, b) =>
        Number(isSuppressed(a.households)) - Number(isSuppressed(b.households)) ||
        (isSuppressed(a.households) ? 0 : (b.households as number) - (a.households as number)) ||
        a.pillars.join('+').localeCompare(b.pillars.join('+')),
    );
  return {
    households: out[all],
    singlePillar: out[single],
    twoOrMorePillars: out[twoPlus],
    householdsPerPillar: Object.fromEntries(
      MONITOR_PILLARS.map((p, i) => [p, out[perPillarIdx[i]]]),
    ) as Record<MonitorPillar, Published>,
    combinations,
  };
}

export interface NeighbourhoodTable {
  rows: {
    neighbourhoodId: string | null;
    neighbourhood: string;
    inhabitants: number | null;
    clients: Published;
    /** Clients as a percentage of inhabitants (one decimal); hidden whenever the count is. */
    sharePercent: number | Published | null;
  }[];
  total: Published;
}

/** Unique clients per neighbourhood and as a share of its inhabitants; the rows add up to the total. */
export function neighbourhoodTable(counts: NeighbourhoodCount[]): NeighbourhoodTable {
  const rows = [...counts].sort(
    (a, b) =>
      Number(a.neighbourhoodId === null) - Number(b.neighbourhoodId === null) ||
      (a.name ?? '').localeCompare(b.name ?? ''),
  );
  const table = suppressTable({ cells: rows.map((r) => [r.clients]), columnTotals: true });
  return {
    rows: rows.map((r, i) => {
      const clients = table.cells[i][0];
      // A share next to a public number of inhabitants would give the count away: hidden with it.
      const sharePercent =
        r.inhabitants === null || r.inhabitants === 0
          ? null
          : typeof clients === 'number'
            ? Math.round((clients / r.inhabitants) * 1000) / 10
            : clients;
      return {
        neighbourhoodId: r.neighbourhoodId,
        neighbourhood: r.name ?? 'onbekend',
        inhabitants: r.inhabitants,
        clients,
        sharePercent,
      };
    }),
    total: table.columnTotals![0],
  };
}

export interface LeadTimeTable {
  limitDays: number;
  rows: LeadTimeRow[];
  total: LeadTimeRow;
}
export interface LeadTimeRow {
  month: string;
  procedures: Published;
  /** Average net days, one decimal; only where the number of procedures is published. */
  averageDays: number | Published;
  overLimit: Published;
}

/**
 * Wmo lead time per month: procedures and those over 56 days add up over the months to their totals
 * (two additive columns); an average is shown only where its number of procedures is.
 */
export function leadTimeTable(months: LeadTimeMonth[], limitDays = WMO_LIMIT_DAYS): LeadTimeTable {
  const rows = [...months].sort((a, b) => a.month.localeCompare(b.month));
  const table = suppressTable({ cells: rows.map((m) => [m.procedures, m.overLimit]), columnTotals: true });
  const average = (procedures: Published, days: number, n: number) =>
    typeof procedures === 'number' && n > 0 ? Math.round((days / n) * 10) / 10 : procedures;
  const totalProcedures = rows.reduce((a, m) => a + m.procedures, 0);
  const totalDays = rows.reduce((a, m) => a + m.netDays, 0);
  // No month at all: the totals are still published (as 0, that is "<10").
  const totals = rows.length > 0 ? table.columnTotals! : [primary(0), primary(0)];
  return {
    limitDays,
    rows: rows.map((m, i) => ({
      month: m.month,
      procedures: table.cells[i][0],
      averageDays: average(table.cells[i][0], m.netDays, m.procedures),
      overLimit: table.cells[i][1],
    })),
    total: {
      month: 'totaal',
      procedures: totals[0],
      averageDays: average(totals[0], totalDays, totalProcedures),
      overLimit: totals[1],
    },
  };
}
