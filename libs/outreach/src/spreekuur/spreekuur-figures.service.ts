import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { Clock } from '@app/core';
import { ReferenceService } from '@app/reference';
import { figuresRange, figuresScope } from '../outreach-figures.scope';
import { REFERRAL_TARGETS, SPREEKUUR_TOPICS } from '../outreach.vocabulary';
import { Count, suppress, suppressBreakdown } from '../suppression';
import { FiguresQuery } from './dto';

const PERIOD_FORMAT = { week: 'IYYY-"W"IW', month: 'YYYY-MM' } as const;

interface Row {
  period: string;
  wijkservicepunt_id: string;
  visitors: number;
  anonymous: number;
  topics: Record<string, number> | null;
  referrals: Record<string, number> | null;
}

/** Indicators of "Samen uit de min": visitors per wijkservicepunt per week or month, topics, referrals. */
@Injectable()
export class SpreekuurFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
  ) {}

  async figures(user: AuthenticatedUser, query: FiguresQuery) {
    const period = query.period ?? 'week';
    const ability = await this.access.abilityFor(user);
    const { municipalityIds, suppressed } = figuresScope(this.access, ability, user, query.municipalityId);
    const { from, to } = figuresRange(period, this.clock.today(), query.from, query.to);
    const rows = await this.dataSource.query<Row[]>(
      `WITH c AS (
         SELECT id, wijkservicepunt_id, household_id, topics, referral_to,
                to_char(contact_at AT TIME ZONE 'Europe/Amsterdam', '${PERIOD_FORMAT[period]}') AS period
           FROM spreekuur_contact
          WHERE municipality_id = ANY($1::uuid[])
            AND (contact_at AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN $2::date AND $3::date)
       SELECT c.period, c.wijkservicepunt_id, count(*)::int AS visitors,
              (count(*) FILTER (WHERE c.household_id IS NULL))::int AS anonymous,
              (SELECT json_object_agg(topic, n) FROM (
                 SELECT t.topic, count(*)::int AS n FROM c c2, unnest(c2.topics) AS t(topic)
                  WHERE c2.period = c.period AND c2.wijkservicepunt_id = c.wijkservicepunt_id
                  GROUP BY t.topic) x) AS topics,
              (SELECT json_object_agg(target, n) FROM (
                 SELECT coalesce(c3.referral_to, 'none') AS target, count(*)::int AS n FROM c c3
                  WHERE c3.period = c.period AND c3.wijkservicepunt_id = c.wijkservicepunt_id
                  GROUP BY 1) y) AS referrals
         FROM c GROUP BY c.period, c.wijkservicepunt_id
        ORDER BY c.period, c.wijkservicepunt_id`,
      [municipalityIds, from, to],
    );
    const points = new Map((await this.reference.listWijkservicepunten()).map((p) => [p.id, p.name]));
    rows.sort(
      (a, b) =>
        a.period.localeCompare(b.period) ||
        (points.get(a.wijkservicepunt_id) ?? '').localeCompare(points.get(b.wijkservicepunt_id) ?? ''),
    );
    const zeros = (keys: readonly string[], values: Record<string, number> | null) =>
      Object.fromEntries(keys.map((k) => [k, values?.[k] ?? 0]));
    return {
      period,
      from,
      to,
      suppressed,
      rows: rows.map((r) => {
        const topics = zeros(SPREEKUUR_TOPICS, r.topics);
        const referrals = zeros([...REFERRAL_TARGETS, 'none'], r.referrals);
        const linked = { anonymous: r.anonymous, linked: r.visitors - r.anonymous };
        return {
          period: r.period,
          wijkservicepuntId: r.wijkservicepunt_id,
          wijkservicepunt: points.get(r.wijkservicepunt_id) ?? 'onbekend',
          visitors: (suppressed ? suppress(r.visitors) : r.visitors) as Count,
          ...(suppressed ? suppressBreakdown(linked) : linked),
          topics: suppressed ? mapValues(topics, suppress) : topics,
          referrals: suppressed ? suppressBreakdown(referrals) : referrals,
        };
      }),
    };
  }
}

function mapValues(values: Record<string, number>, f: (n: number) => Count) {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, f(v)]));
}
