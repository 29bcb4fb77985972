import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { Clock, DomainError } from '@app/core';
import { MonitorQuery } from './dto/monitor-query.dto';
import {
  AgeBandTable,
  ageBandTable,
  ClientCell,
  CombinationCount,
  LEGEND,
  LeadTimeMonth,
  LeadTimeTable,
  leadTimeTable,
  MONITOR_PILLARS,
  MonitorPillar,
  NeighbourhoodCount,
  NeighbourhoodTable,
  neighbourhoodTable,
  SamenloopTable,
  samenloopTable,
} from './monitor-tables';
import { Published } from './suppression';

/** The report topic in the ability's Report conditions (outreach figures use 'outreach'). */
export const MONITOR_REPORT_TOPIC = 'monitor';
const MAX_PERIOD_DAYS = 3 * 366;

export interface MonitorScope {
  municipalityId: string;
  from: string;
  to: string;
}

/** What the reporting views return, before suppression. Never leaves the server. */
export interface MonitorAggregates {
  clients: ClientCell[];
  combinations: CombinationCount[];
  neighbourhoods: NeighbourhoodCount[];
  wmoLeadTime: LeadTimeMonth[];
}

export interface MonitorReport extends MonitorScope {
  legend: typeof LEGEND;
  /** Unique clients (the age-band totals) and households per pillar. */
  pillars: { pillar: MonitorPillar; clients: Published; households: Published }[];
  samenloop: SamenloopTable;
  ageBands: AgeBandTable;
  neighbourhoods: NeighbourhoodTable;
  wmoLeadTime: LeadTimeTable;
}

/**
 * The Monitor Sociaal Domein from live data (issue 10), for one municipality and period, only through
 * the aggregate-only reporting views and always suppressed (DESIGN.md rule 6).
 */
@Injectable()
export class MonitorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** Rule 1 and 9: another municipality is a 404; no monitor right for this one is a 403. */
  async scope(user: AuthenticatedUser, query: MonitorQuery): Promise<MonitorScope> {
    let municipalityId = query.municipalityId;
    if (!municipalityId) {
      if (user.municipalityIds.length !== 1)
        throw DomainError.invalidField('municipalityId', 'Kies de gemeente van het rapport.');
      municipalityId = user.municipalityIds[0];
    }
    if (!user.municipalityIds.includes(municipalityId)) throw DomainError.notFound('De gemeente');
    const ability = await this.access.abilityFor(user);
    if (!this.access.can(ability, 'read', 'Report', { municipalityId, topic: MONITOR_REPORT_TOPIC }))
      throw DomainError.forbidden();
    const to = query.to ?? this.clock.today();
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    if (from > to) throw DomainError.invalidField('from', 'from mag niet na to liggen');
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_PERIOD_DAYS)
      throw DomainError.invalidField('from', 'Kies een periode van hooguit drie jaar.');
    return { municipalityId, from, to };
  }

  async report(user: AuthenticatedUser, query: MonitorQuery): Promise<MonitorReport> {
    const scope = await this.scope(user, query);
    return this.publish(scope, await this.aggregates(scope));
  }

  /** The unsuppressed counts from the reporting views (for the report and its tests only). */
  async aggregates({ municipalityId, from, to }: MonitorScope): Promise<MonitorAggregates> {
    const params = [municipalityId, from, to];
    const [clients, combinations, neighbourhoods, wmoLeadTime] = await Promise.all([
      this.dataSource.query<ClientCell[]>(
        `SELECT pillar, age_band AS "ageBand", clients FROM reporting_monitor_clients($1, $2, $3)`,
        params,
      ),
      this.dataSource.query<CombinationCount[]>(
        `SELECT pillars, households FROM reporting_monitor_pillar_combinations($1, $2, $3)`,
        params,
      ),
      this.dataSource.query<NeighbourhoodCount[]>(
        `SELECT neighbourhood_id AS "neighbourhoodId", name, inhabitants, clients
           FROM reporting_monitor_neighbourhoods($1, $2, $3)`,
        params,
      ),
      this.dataSource.query<(Omit<LeadTimeMonth, 'netDays'> & { netDays: string })[]>(
        `SELECT month, procedures, net_days AS "netDays", over_limit AS "overLimit"
           FROM reporting_wmo_lead_time($1, $2, $3)`,
        params,
      ),
    ]);
    return {
      clients,
      combinations,
      neighbourhoods,
      wmoLeadTime: wmoLeadTime.map((m) => ({ ...m, netDays: Number(m.netDays) })),
    };
  }

  publish(scope: MonitorScope, raw: MonitorAggregates): MonitorReport {
    const ageBands = ageBandTable(raw.clients);
    const samenloop = samenloopTable(raw.combinations);
    return {
      ...scope,
      legend: LEGEND,
      pillars: MONITOR_PILLARS.map((pillar) => ({
        pillar,
        clients: ageBands.totals[pillar],
        households: samenloop.householdsPerPillar[pillar],
      })),
      samenloop,
      ageBands,
      neighbourhoods: neighbourhoodTable(raw.neighbourhoods),
      wmoLeadTime: leadTimeTable(raw.wmoLeadTime),
    };
  }
}
