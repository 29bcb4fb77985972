import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@app/access';
import { ThemesQuery } from './dto/themes-query.dto';
import { LEGEND, MonitorPillar } from './monitor-tables';
import { SpreekuurGrain, ThemeAggregates, themeTables, ThemeTables } from './monitor-themes';
import { MonitorScope, MonitorService } from './monitor.service';
import { Published } from './suppression';

export interface ThemesReport extends MonitorScope, ThemeTables {
  legend: typeof LEGEND;
  spreekuurPer: SpreekuurGrain;
}

/** The cross tables of a themes report, in the order the CSV and the web app show them. */
export const CROSS_TABLE_KEYS = [
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
] as const satisfies readonly (keyof ThemeTables)[];
export type CrossTableKey = (typeof CROSS_TABLE_KEYS)[number];

/**
 * The monitor's themes (issue 10): quarterly development, bezwaren, schuldhulpverlening, spreekuur,
 * vroegsignalering and maatwerkbudget, through the aggregate-only reporting views and always
 * suppressed. Same scope and rights as the monitor itself.
 */
@Injectable()
export class MonitorThemesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly monitor: MonitorService,
  ) {}

  async report(user: AuthenticatedUser, query: ThemesQuery): Promise<ThemesReport> {
    const scope = await this.monitor.scope(user, query);
    const spreekuurPer = query.spreekuurPer ?? 'month';
    const raw = await this.aggregates(scope, spreekuurPer);
    // A period inside one quarter: that quarter's clients are the monitor's clients per pillar.
    const pillarClients = sameQuarter(scope.from, scope.to)
      ? this.monitor.publish(scope, await this.monitor.aggregates(scope)).ageBands.totals
      : undefined;
    return this.publish(scope, spreekuurPer, raw, pillarClients);
  }

  publish(
    scope: MonitorScope,
    spreekuurPer: SpreekuurGrain,
    raw: ThemeAggregates,
    pillarClients?: Record<MonitorPillar, Published>,
  ): ThemesReport {
    return {
      ...scope,
      spreekuurPer,
      legend: LEGEND,
      ...themeTables(raw, { from: scope.from, to: scope.to, spreekuurPer, pillarClients }),
    };
  }

  /**
   * The unsuppressed counts (for the report and its tests only), read in one snapshot: tables that
   * share totals are suppressed together and must agree.
   */
  aggregates(scope: MonitorScope, spreekuurPer: SpreekuurGrain): Promise<ThemeAggregates> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) =>
      readAggregates(manager, scope, spreekuurPer),
    );
  }
}

async function readAggregates(
  manager: EntityManager,
  { municipalityId, from, to }: MonitorScope,
  spreekuurPer: SpreekuurGrain,
): Promise<ThemeAggregates> {
  const params = [municipalityId, from, to];
  const q = <T>(sql: string, extra: unknown[] = []) => manager.query<T[]>(sql, [...params, ...extra]);
  const quarterly = await q<ThemeAggregates['quarterly'][number]>(
    `SELECT quarter, pillar, clients FROM reporting_monitor_quarterly($1, $2, $3)`,
  );
  const bezwaren = await q<ThemeAggregates['bezwaren'][number]>(
    `SELECT pillar, outcome, bezwaren FROM reporting_bezwaar_outcomes($1, $2, $3)`,
  );
  const firstContact = await q<{ month: string; procedures: number; netDays: string; overLimit: number }>(
    `SELECT month, procedures, total_days AS "netDays", over_limit AS "overLimit"
       FROM reporting_shv_first_contact($1, $2, $3)`,
  );
  const shvTrajectories = await q<ThemeAggregates['shvTrajectories'][number]>(
    `SELECT code, name, trajectories FROM reporting_shv_trajectories($1, $2, $3)`,
  );
  const shvDropout = await q<ThemeAggregates['shvDropout'][number]>(
    `SELECT phase, started, dropped_out AS "droppedOut" FROM reporting_shv_dropout($1, $2, $3)`,
  );
  const wijkservicepunten = await manager.query<ThemeAggregates['wijkservicepunten']>(
    `SELECT id, name FROM reporting_wijkservicepunten($1)`,
    [municipalityId],
  );
  const spreekuurVisits = await q<ThemeAggregates['spreekuurVisits'][number]>(
    `SELECT period, wijkservicepunt_id AS "wijkservicepuntId", visits
       FROM reporting_spreekuur_visits($1, $2, $3, $4)`,
    [spreekuurPer],
  );
  const spreekuurTopics = await q<ThemeAggregates['spreekuurTopics'][number]>(
    `SELECT wijkservicepunt_id AS "wijkservicepuntId", topic, contacts FROM reporting_spreekuur_topics($1, $2, $3)`,
  );
  const spreekuurReferrals = await q<ThemeAggregates['spreekuurReferrals'][number]>(
    `SELECT wijkservicepunt_id AS "wijkservicepuntId", referral, contacts
       FROM reporting_spreekuur_referrals($1, $2, $3)`,
  );
  const neighbourhoods = await manager.query<ThemeAggregates['neighbourhoods']>(
    `SELECT id, name FROM reporting_neighbourhood_names($1)`,
    [municipalityId],
  );
  const signals = await q<ThemeAggregates['signals'][number]>(
    `SELECT neighbourhood_id AS "neighbourhoodId", creditor_type AS "creditorType", outcome, signals, attempts,
            first_conversations AS "firstConversations"
       FROM reporting_signals($1, $2, $3)`,
  );
  const budgetSchemes = await q<{ scheme: string | null; households: number; paidCents: string }>(
    `SELECT scheme, households, paid_cents AS "paidCents" FROM reporting_budget_schemes($1, $2, $3)`,
  );
  return {
    quarterly,
    bezwaren,
    shvFirstContact: firstContact.map((m) => ({ ...m, netDays: Number(m.netDays) })),
    shvTrajectories,
    shvDropout,
    wijkservicepunten,
    spreekuurVisits,
    spreekuurTopics,
    spreekuurReferrals,
    neighbourhoods,
    signals,
    budgetSchemes: budgetSchemes.map((b) => ({ ...b, paidCents: Number(b.paidCents) })),
  };
}

function sameQuarter(from: string, to: string): boolean {
  const quarter = (d: string) => `${d.slice(0, 4)}-${Math.floor((Number(d.slice(5, 7)) - 1) / 3)}`;
  return quarter(from) === quarter(to);
}
