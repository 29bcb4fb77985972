/** The monitor's published figures (GET /reports/monitor and /reports/monitor/themes), already suppressed. */
export type Published = number | '<10' | 'x';

export interface Label {
  key: string;
  label: string;
}

export interface CrossTable {
  title: string;
  rowHeader: string;
  rows: Label[];
  columns: Label[];
  cells: (Published | null)[][];
  rowTotals?: Published[];
  columnTotals?: Published[];
  grandTotal?: Published;
  note?: string;
}

export interface LeadTimeRow {
  month: string;
  procedures: Published;
  averageDays: Published;
  overLimit: Published;
}

export interface LeadTimeTable {
  limitDays: number;
  rows: LeadTimeRow[];
  total: LeadTimeRow;
}

export interface MonitorReport {
  from: string;
  to: string;
  legend: Record<string, string>;
  pillars: { pillar: string; clients: Published; households: Published }[];
  samenloop: {
    households: Published;
    singlePillar: Published;
    twoOrMorePillars: Published;
    combinations: { pillars: string[]; households: Published }[];
  };
  ageBands: {
    pillars: string[];
    rows: { ageBand: string; clients: Record<string, Published> }[];
    totals: Record<string, Published>;
  };
  neighbourhoods: {
    rows: {
      neighbourhood: string;
      inhabitants: number | null;
      clients: Published;
      sharePercent: Published | null;
    }[];
    total: Published;
  };
  wmoLeadTime: LeadTimeTable;
}

export const THEME_TABLES = [
  'quarterly',
  'bezwaren',
  'shvTrajectories',
  'shvDropout',
  'spreekuurVisits',
  'spreekuurTopics',
  'spreekuurReferrals',
  'signalsByNeighbourhood',
  'signalFollowUp',
  'signalActions',
  'budgetSchemes',
] as const;

export type ThemesReport = Record<(typeof THEME_TABLES)[number], CrossTable> & {
  from: string;
  to: string;
  shvFirstContact: LeadTimeTable;
};
