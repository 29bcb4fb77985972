import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { addDays, Clock } from '@app/core';
import { HouseholdsService } from '@app/households';
import { PlanSummariesService, WorklistFlag } from '@app/plans';
import { FLAG_LABELS, FlagKind, ReviewFlag } from '../entities';
import { ReviewsConfig, reviewsConfig } from '../reviews.config';

export interface FlagRun {
  today: string;
  reviewOverdue: number;
  noEvaluation: number;
}

/** Advisory lock key of the daily run (one instance works, the others skip). */
const LOCK_KEY = 0x5245_5646; // "REVF"

/**
 * The daily check: a household is flagged when its latest review's next review date has passed, or when
 * its plan has had no evaluation (never: since the plan was made) for the configured number of weeks.
 * The flags are replaced on every run, in one transaction.
 */
@Injectable()
export class ReviewFlagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(reviewsConfig.KEY) private readonly config: ReviewsConfig,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly households: HouseholdsService,
    private readonly plans: PlanSummariesService,
  ) {}

  async run(): Promise<FlagRun | null> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query<{ locked: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [LOCK_KEY],
      );
      if (!locked) return null;
      const refs = await this.households.activeHouseholdRefs(m);
      const municipalityOf = new Map(refs.map((r) => [r.id, r.municipalityId]));
      const ids = refs.map((r) => r.id);
      const flags: { householdId: string; kind: FlagKind; since: string }[] = [];
      const reviews = await m.query<{ household_id: string; next_review_on: string }[]>(
        `SELECT household_id, next_review_on::text FROM (
           SELECT DISTINCT ON (household_id) household_id, next_review_on
             FROM case_review WHERE household_id = ANY($1::uuid[])
            ORDER BY household_id, reviewed_on DESC, created_at DESC) latest
          WHERE next_review_on < $2::date`,
        [ids, today],
      );
      for (const r of reviews)
        flags.push({ householdId: r.household_id, kind: 'review_overdue', since: r.next_review_on });
      const limit = addDays(today, -7 * this.config.noEvaluationWeeks);
      for (const plan of (await this.plans.summaries(m, ids, today)).values()) {
        const last = plan.lastEvaluatedOn ?? plan.createdOn;
        if (last < limit) flags.push({ householdId: plan.householdId, kind: 'no_evaluation', since: last });
      }
      await m.createQueryBuilder().delete().from(ReviewFlag).execute();
      if (flags.length) {
        await m.insert(
          ReviewFlag,
          flags.map((f) => ({ ...f, municipalityId: municipalityOf.get(f.householdId)!, flaggedOn: today })),
        );
      }
      await this.audit.record(m, {
        activityId: 'reviews.case-reviews',
        action: 'update',
        resourceType: 'ReviewFlag',
        dataSubjects: [...new Set(flags.map((f) => f.householdId))].map((id) => ({ type: 'household', id })),
      });
      return {
        today,
        reviewOverdue: flags.filter((f) => f.kind === 'review_overdue').length,
        noEvaluation: flags.filter((f) => f.kind === 'no_evaluation').length,
      };
    });
  }

  /** The flags of these households for the regisseur's worklist (registered with the plans context). */
  async worklistFlags(householdIds: string[], m: EntityManager): Promise<WorklistFlag[]> {
    const rows = await m.query<{ household_id: string; kind: FlagKind; since: string }[]>(
      `SELECT household_id, kind, since::text FROM review_flag WHERE household_id = ANY($1::uuid[])`,
      [householdIds],
    );
    return rows.map((r) => ({
      householdId: r.household_id,
      kind: r.kind,
      label: FLAG_LABELS[r.kind],
      since: r.since,
    }));
  }
}
