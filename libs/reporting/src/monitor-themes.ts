import { REPLACED_SCHEMES } from '@app/budgets';
import { countBy, CrossTable, crossTable, Label, publishGrid } from './cross-table';
import { LinkedFigures } from './linked-figures';
import {
  LeadTimeMonth,
  LeadTimeTable,
  leadTimeTable,
  MONITOR_PILLARS,
  MonitorPillar,
} from './monitor-tables';
import { HIDDEN, isSuppressed, primary, Published } from './suppression';

/**
 * The monitor's theme tables (issue 10) from the raw aggregates of the reporting views, suppressed
 * (DESIGN.md rule 6). Pure functions: the service reads the aggregates, these decide what is published.
 */
export type SpreekuurGrain = 'week' | 'month';
/** Wgs art. 4a: the first conversation within four weeks of the melding. */
export const SHV_FIRST_CONTACT_DAYS = 28;

export const PILLAR_LABELS: Record<MonitorPillar, string> = {
  WMO: 'Wmo',
  JEUGD: 'Jeugd',
  PARTICIPATIE: 'Participatie',
  SHV: 'Schuldhulpverlening',
  ONDERWIJS: 'Onderwijs',
};
const labels = (record: Record<string, string>): Label[] =>
  Object.entries(record).map(([key, label]) => ({ key, label }));

const PILLARS = labels(PILLAR_LABELS);
const BEZWAAR_OUTCOMES = labels({
  gegrond: 'gegrond',
  deels_gegrond: 'deels gegrond',
  ongegrond: 'ongegrond',
  niet_ontvankelijk: 'niet-ontvankelijk',
  ingetrokken: 'ingetrokken',
});
const SHV_PHASES = labels({
  aanmelding: 'aanmelding (tot eerste gesprek)',
  intake: 'intake (tot beschikking)',
});
const TOPICS = labels({
  budget: 'budget',
  schulden: 'schulden',
  regelingen: 'regelingen',
  inkomen: 'inkomen',
  administratie: 'administratie',
  other: 'overig',
});
const REFERRALS = labels({
  kbl: 'Kredietbank Limburg',
  szmh: 'SZMH',
  'sociaal-team': 'sociaal team',
  trajekt: 'Trajekt',
  other: 'andere organisatie',
  geen: 'geen verwijzing',
});
const CREDITOR_TYPES = labels({
  huur: 'huur',
  energie: 'energie',
  water: 'water',
  zorgverzekering: 'zorgverzekering',
});
const SIGNAL_OUTCOMES = labels({
  aanbod_gedaan: 'aanbod gedaan',
  eerste_gesprek_gepland: 'eerste gesprek gepland',
  al_in_traject: 'al in traject',
  geen_contact: 'geen contact',
  geweigerd: 'geweigerd',
  open: 'nog geen uitkomst',
});
const UNKNOWN_NEIGHBOURHOOD = { key: 'onbekend', label: 'onbekende wijk' };

// ───────────── raw aggregates (what the views return) ─────────────
export interface ThemeAggregates {
  quarterly: { quarter: string; pillar: string; clients: number }[];
  bezwaren: { pillar: string; outcome: string; bezwaren: number }[];
  shvFirstContact: LeadTimeMonth[];
  shvTrajectories: { code: string; name: string; trajectories: number }[];
  shvDropout: { phase: string; started: number; droppedOut: number }[];
  wijkservicepunten: { id: string; name: string }[];
  spreekuurVisits: { period: string; wijkservicepuntId: string; visits: number }[];
  spreekuurTopics: { wijkservicepuntId: string; topic: string; contacts: number }[];
  spreekuurReferrals: { wijkservicepuntId: string; referral: string; contacts: number }[];
  neighbourhoods: { id: string; name: string }[];
  signals: {
    neighbourhoodId: string | null;
    creditorType: string;
    outcome: string;
    signals: number;
    attempts: number;
    firstConversations: number;
  }[];
  /** scheme null: all schemes together (households counted once). */
  budgetSchemes: { scheme: string | null; households: number; paidCents: number }[];
}

export interface ThemeTables {
  quarterly: CrossTable;
  bezwaren: CrossTable;
  shvFirstContact: LeadTimeTable;
  shvTrajectories: CrossTable;
  shvDropout: CrossTable;
  spreekuurVisits: CrossTable;
  spreekuurReferrals: CrossTable;
  spreekuurTopics: CrossTable;
  signalsByNeighbourhood: CrossTable;
  signalFollowUp: CrossTable;
  signalActions: CrossTable;
  budgetSchemes: CrossTable;
}

export interface ThemeOptions {
  from: string;
  to: string;
  spreekuurPer: SpreekuurGrain;
  /**
   * The monitor's published unique clients per pillar. When the period lies in one quarter, that
   * quarter's figures are the same numbers and must carry the same markers.
   */
  pillarClients?: Record<MonitorPillar, Published>;
}

export function themeTables(raw: ThemeAggregates, options: ThemeOptions): ThemeTables {
  return {
    quarterly: quarterlyTable(raw, options),
    bezwaren: bezwaarTable(raw),
    shvFirstContact: leadTimeTable(raw.shvFirstContact, SHV_FIRST_CONTACT_DAYS),
    shvTrajectories: crossTable(
      {
        title: 'Schuldhulptrajecten naar soort',
        rowHeader: 'soort traject',
        rows: [...raw.shvTrajectories]
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((t) => ({ key: t.code, label: t.name })),
        columns: [{ key: 'trajecten', label: 'trajecten' }],
        note: 'Toegekende schuldhulpverlening die in de periode liep.',
      },
      [...raw.shvTrajectories].sort((a, b) => a.code.localeCompare(b.code)).map((t) => [t.trajectories]),
      { columns: true },
    ),
    shvDropout: shvDropoutTable(raw),
    ...spreekuurTables(raw, options),
    ...signalTables(raw),
    budgetSchemes: budgetTable(raw),
  };
}

function quarterlyTable(raw: ThemeAggregates, { from, to, pillarClients }: ThemeOptions): CrossTable {
  const quarters = periodLabels(from, to, quarterOf);
  const count = countBy(
    raw.quarterly,
    (q) => q.quarter,
    (q) => q.pillar,
    (q) => q.clients,
  );
  const single = quarters.length === 1 && pillarClients;
  return {
    title: 'Ontwikkeling per kwartaal: unieke cliënten per pijler',
    rowHeader: 'kwartaal',
    rows: quarters.map((q) => ({ key: q, label: q })),
    columns: PILLARS,
    // One client can count in several quarters and pillars: no totals, so primary suppression only.
    cells: quarters.map((q) =>
      MONITOR_PILLARS.map((p) => (single ? pillarClients[p] : primary(count(q, p)))),
    ),
    note: 'Een cliënt telt mee in elk kwartaal waarin een voorziening liep.',
  };
}

function bezwaarTable(raw: ThemeAggregates): CrossTable {
  const count = countBy(
    raw.bezwaren,
    (b) => b.pillar,
    (b) => b.outcome,
    (b) => b.bezwaren,
  );
  return crossTable(
    {
      title: 'Uitkomst van bezwaren per pijler',
      rowHeader: 'pijler',
      rows: PILLARS,
      columns: BEZWAAR_OUTCOMES,
      note: 'Bezwaren waarop in de periode is beslist.',
    },
    PILLARS.map((p) => BEZWAAR_OUTCOMES.map((o) => count(p.key, o.key))),
    { rows: true, columns: true },
  );
}

function shvDropoutTable(raw: ThemeAggregates): CrossTable {
  const of = (phase: string) =>
    raw.shvDropout.find((d) => d.phase === phase) ?? { started: 0, droppedOut: 0 };
  return crossTable(
    {
      title: 'Schuldhulpverlening: uitval per fase',
      rowHeader: 'fase',
      rows: SHV_PHASES,
      columns: [
        { key: 'gestart', label: 'fase begonnen' },
        { key: 'uitgevallen', label: 'uitgevallen' },
      ],
      note: 'Uitgevallen: ingetrokken, of buiten behandeling gesteld, in de periode.',
    },
    SHV_PHASES.map((p) => [of(p.key).started, of(p.key).droppedOut]),
    { columns: true },
  );
}

/**
 * Visits per period and wijkservicepunt, and referrals per wijkservicepunt: both tables publish the
 * visits per wijkservicepunt, so they are suppressed together. Topics do not add up to visits (a
 * contact can have several topics) and are a table of their own.
 */
function spreekuurTables(raw: ThemeAggregates, { from, to, spreekuurPer }: ThemeOptions) {
  const points = [...raw.wijkservicepunten].sort((a, b) => a.name.localeCompare(b.name));
  const columns = points.map((w) => ({ key: w.id, label: w.name }));
  const periods = periodLabels(from, to, spreekuurPer === 'week' ? isoWeekOf : monthOf);
  const visits = countBy(
    raw.spreekuurVisits,
    (v) => v.period,
    (v) => v.wijkservicepuntId,
    (v) => v.visits,
  );
  const referrals = countBy(
    raw.spreekuurReferrals,
    (r) => r.referral,
    (r) => r.wijkservicepuntId,
    (r) => r.contacts,
  );
  const topics = countBy(
    raw.spreekuurTopics,
    (t) => t.topic,
    (t) => t.wijkservicepuntId,
    (t) => t.contacts,
  );
  const figures = new LinkedFigures();
  const visitRefs = figures.grid(
    periods.map((p) => points.map((w) => visits(p, w.id))),
    { rowTotals: true, columnTotals: true, grandTotal: true },
  );
  const referralRefs = figures.grid(
    REFERRALS.map((r) => points.map((w) => referrals(r.key, w.id))),
    { rowTotals: true, columnTotals: visitRefs.columnTotals, grandTotal: visitRefs.grandTotal },
  );
  figures.suppress();
  const per = spreekuurPer === 'week' ? 'week' : 'maand';
  return {
    spreekuurVisits: publishGrid(
      {
        title: `Bezoekers spreekuur per wijkservicepunt per ${per}`,
        rowHeader: per,
        rows: periods.map((p) => ({ key: p, label: p })),
        columns,
        note: 'Elk spreekuurcontact telt als één bezoek.',
      },
      figures,
      visitRefs,
    ),
    spreekuurReferrals: publishGrid(
      {
        title: 'Doorverwijzingen vanuit het spreekuur',
        rowHeader: 'verwezen naar',
        rows: REFERRALS,
        columns,
      },
      figures,
      referralRefs,
    ),
    spreekuurTopics: crossTable(
      {
        title: 'Onderwerpen op het spreekuur',
        rowHeader: 'onderwerp',
        rows: TOPICS,
        columns,
        note: 'Een contact kan over meer onderwerpen gaan en telt dan bij elk onderwerp.',
      },
      TOPICS.map((t) => points.map((w) => topics(t.key, w.id))),
      { rows: true },
    ),
  };
}

/**
 * Vroegsignalering: signals per neighbourhood and creditor type, and their follow-up per creditor
 * type; both publish the signals per creditor type, so they are suppressed together.
 */
function signalTables(raw: ThemeAggregates) {
  const neighbourhoods: Label[] = [
    ...[...raw.neighbourhoods]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((n) => ({ key: n.id, label: n.name })),
    UNKNOWN_NEIGHBOURHOOD,
  ];
  const neighbourhoodKey = (id: string | null) => id ?? UNKNOWN_NEIGHBOURHOOD.key;
  const perNeighbourhood = countBy(
    raw.signals,
    (s) => neighbourhoodKey(s.neighbourhoodId),
    (s) => s.creditorType,
    (s) => s.signals,
  );
  const perOutcome = countBy(
    raw.signals,
    (s) => s.creditorType,
    (s) => s.outcome,
    (s) => s.signals,
  );
  const attempts = countBy(
    raw.signals,
    (s) => s.creditorType,
    () => 'vervolgacties',
    (s) => s.attempts,
  );
  const conversations = countBy(
    raw.signals,
    (s) => s.creditorType,
    () => 'eerste-gesprekken',
    (s) => s.firstConversations,
  );
  const figures = new LinkedFigures();
  const byNeighbourhood = figures.grid(
    neighbourhoods.map((n) => CREDITOR_TYPES.map((c) => perNeighbourhood(n.key, c.key))),
    { rowTotals: true, columnTotals: true, grandTotal: true },
  );
  const followUp = figures.grid(
    CREDITOR_TYPES.map((c) => SIGNAL_OUTCOMES.map((o) => perOutcome(c.key, o.key))),
    { rowTotals: byNeighbourhood.columnTotals, columnTotals: true, grandTotal: byNeighbourhood.grandTotal },
  );
  figures.suppress();
  return {
    signalsByNeighbourhood: publishGrid(
      {
        title: 'Vroegsignalen per wijk en soort schuldeiser',
        rowHeader: 'wijk',
        rows: neighbourhoods,
        columns: CREDITOR_TYPES,
        note: 'Signalen van betalingsachterstanden die in de periode binnenkwamen.',
      },
      figures,
      byNeighbourhood,
    ),
    signalFollowUp: publishGrid(
      {
        title: 'Opvolging van vroegsignalen per soort schuldeiser',
        rowHeader: 'soort schuldeiser',
        rows: CREDITOR_TYPES,
        columns: SIGNAL_OUTCOMES,
      },
      figures,
      followUp,
    ),
    signalActions: crossTable(
      {
        title: 'Vervolgacties en eerste gesprekken na vroegsignalen',
        rowHeader: 'soort schuldeiser',
        rows: CREDITOR_TYPES,
        columns: [
          { key: 'vervolgacties', label: 'vervolgacties (brief, telefoon, huisbezoek)' },
          { key: 'eerste-gesprekken', label: 'eerste gesprekken' },
        ],
      },
      CREDITOR_TYPES.map((c) => [
        attempts(c.key, 'vervolgacties'),
        conversations(c.key, 'eerste-gesprekken'),
      ]),
    ),
  };
}

/**
 * Maatwerkbudget paid per replaced scheme. A request replacing several schemes counts in each, so
 * the schemes do not add up: households get primary suppression, and an amount is shown only where
 * its number of households is. Should exactly one scheme's amount be hidden, the amount of all
 * schemes together is hidden too (with single-scheme requests only, it would be the difference).
 */
function budgetTable(raw: ThemeAggregates): CrossTable {
  const schemes = labels(REPLACED_SCHEMES);
  const of = (scheme: string | null) =>
    raw.budgetSchemes.find((s) => s.scheme === scheme) ?? { households: 0, paidCents: 0 };
  const row = (scheme: string | null): [Published, Published | number] => {
    const households = primary(of(scheme).households);
    return [households, isSuppressed(households) ? households : Math.round(of(scheme).paidCents) / 100];
  };
  const rows = schemes.map((s) => row(s.key));
  const total = row(null);
  if (rows.filter(([, euros]) => isSuppressed(euros)).length === 1 && !isSuppressed(total[1]))
    total[1] = HIDDEN;
  return {
    title: 'Maatwerkbudget betaald per vervangen regeling',
    rowHeader: 'vervangen regeling',
    rows: [...schemes, { key: 'alle', label: 'alle regelingen samen' }],
    columns: [
      { key: 'huishoudens', label: 'huishoudens' },
      { key: 'betaald', label: 'betaald (euro)' },
    ],
    cells: [...rows, total],
    note: 'Een aanvraag die meer regelingen vervangt, telt bij elk ervan mee.',
  };
}

// ───────────── periods ─────────────
function periodLabels(from: string, to: string, label: (day: Date) => string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const l = label(d);
    if (out[out.length - 1] !== l) out.push(l);
  }
  return out;
}

const monthOf = (d: Date) => d.toISOString().slice(0, 7);
const quarterOf = (d: Date) => `${d.getUTCFullYear()}-K${Math.floor(d.getUTCMonth() / 3) + 1}`;

/** ISO 8601 week, spelled as PostgreSQL's to_char(day, 'IYYY-"W"IW'). */
function isoWeekOf(day: Date): string {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7)); // the Thursday of this week
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
