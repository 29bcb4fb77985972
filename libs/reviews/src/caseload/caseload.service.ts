import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, AppAbility, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { BudgetUsageService } from '@app/budgets';
import { Clock } from '@app/core';
import { HouseholdCaseloadService, HouseholdScopeCondition } from '@app/households';
import { ProcedureDeadlinesService } from '@app/indications';
import { LastContactsService } from '@app/outreach';
import { PlanSummariesService } from '@app/plans';
import { CaseloadPageDto, CaseloadQueryDto, CaseloadRowDto } from '../dto';
import { CaseReview } from '../entities';
import { daysBetween, reviewFactsOf } from '../review-facts';
import { riskScore } from './risk-score';

/**
 * The teamleider's caseload: the households of their team(s) (the CaseReview rules of the access
 * layer, in SQL), with figures from plans, indications, budgets and outreach through their exported
 * services. Every source answers for all households in one set-based query.
 */
@Injectable()
export class CaseloadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly households: HouseholdCaseloadService,
    private readonly plans: PlanSummariesService,
    private readonly deadlines: ProcedureDeadlinesService,
    private readonly budgets: BudgetUsageService,
    private readonly contacts: LastContactsService,
  ) {}

  /** The caller's CaseReview read rules as a condition on household_id / municipality_id. */
  scope(ability: AppAbility): HouseholdScopeCondition {
    const metadata = this.dataSource.getMetadata(CaseReview);
    return (alias) => this.access.condition(ability, 'read', 'CaseReview', metadata, alias);
  }

  async caseload(user: AuthenticatedUser, query: CaseloadQueryDto): Promise<CaseloadPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const today = this.clock.today();
    const ability = await this.access.abilityFor(user);
    return this.dataSource.transaction(async (m) => {
      const households = await this.households.households(m, this.scope(ability), {
        cohortOnly: query.cohort === 'true',
      });
      const ids = households.map((h) => h.householdId);
      const [plans, deadlines, budgets, contacts, reviews] = [
        await this.plans.summaries(m, ids, today),
        await this.deadlines.summaries(m, ids, today),
        await this.budgets.usedCents(m, ids),
        await this.contacts.lastContactOn(m, ids),
        await reviewFactsOf(m, ids),
      ];
      const rows: CaseloadRowDto[] = households.map((h) => {
        const plan = plans.get(h.householdId);
        const deadline = deadlines.get(h.householdId);
        const review = reviews.get(h.householdId)!;
        const evaluationOverdue = !!plan?.nextEvaluationOn && plan.nextEvaluationOn < today;
        const daysSinceReview = review.lastReviewOn ? daysBetween(review.lastReviewOn, today) : null;
        const risk = riskScore({
          proceduresOverDeadline: deadline?.overDeadline ?? 0,
          proceduresNearDeadline: deadline?.nearDeadline ?? 0,
          overdueGoals: plan?.overdueGoals ?? 0,
          evaluationOverdue,
          hasAgreedPlan: !!plan?.lastAgreedOn,
          daysSinceReview,
          pillarCount: h.pillars.length,
          flagCount: review.flags.length,
        });
        return {
          householdId: h.householdId,
          municipalityId: h.municipalityId,
          cohort50: h.cohort50,
          regisseur: h.regisseur,
          pillars: h.pillars,
          plan: {
            hasPlan: !!plan,
            lastAgreedOn: plan?.lastAgreedOn ?? null,
            nextEvaluationOn: plan?.nextEvaluationOn ?? null,
            evaluationOverdue,
            overdueGoals: plan?.overdueGoals ?? 0,
          },
          proceduresNearDeadline: deadline?.nearDeadline ?? 0,
          proceduresOverDeadline: deadline?.overDeadline ?? 0,
          budgetUsedCents: budgets.get(h.householdId) ?? 0,
          lastContactOn: contacts.get(h.householdId) ?? null,
          lastReviewOn: review.lastReviewOn,
          daysSinceReview,
          nextReviewOn: review.nextReviewOn,
          flags: review.flags,
          riskScore: risk.score,
          riskComponents: risk.components,
        };
      });
      rows.sort(query.sort === 'days-since-review' ? byDaysSinceReview : byRisk);
      const items = rows.slice((page - 1) * pageSize, page * pageSize);
      await this.audit.record(m, {
        activityId: 'reviews.case-reviews',
        action: 'read',
        resourceType: 'Caseload',
        dataSubjects: items.map((r) => ({ type: 'household', id: r.householdId })),
      });
      return { items, total: rows.length, page, pageSize, today };
    });
  }
}

const byRisk = (a: CaseloadRowDto, b: CaseloadRowDto) =>
  b.riskScore - a.riskScore || a.householdId.localeCompare(b.householdId);
/** Never reviewed first, then the longest ago. */
const byDaysSinceReview = (a: CaseloadRowDto, b: CaseloadRowDto) =>
  (b.daysSinceReview ?? Number.MAX_SAFE_INTEGER) - (a.daysSinceReview ?? Number.MAX_SAFE_INTEGER) ||
  byRisk(a, b);
