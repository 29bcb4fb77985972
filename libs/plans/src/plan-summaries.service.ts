import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OPEN_GOAL_STATUSES } from './life-domains';

/** The state of a household's plan in figures (no content): for overviews such as a teamleider's caseload. */
export interface PlanSummary {
  householdId: string;
  createdOn: string;
  /** The newest agreed (vastgesteld) version's date, null when no version was ever agreed. */
  lastAgreedOn: string | null;
  nextEvaluationOn: string | null;
  lastEvaluatedOn: string | null;
  /** Open or bezig goals of the newest version past their target date. */
  overdueGoals: number;
}

/**
 * Plan summaries of many households in one set-based query (the ids travel as one array parameter).
 * The caller has decided access (e.g. the teamleider's CaseReview rule) and logs the read.
 */
@Injectable()
export class PlanSummariesService {
  async summaries(
    m: EntityManager,
    householdIds: string[],
    today: string,
  ): Promise<Map<string, PlanSummary>> {
    if (householdIds.length === 0) return new Map();
    const rows = await m.query<
      {
        household_id: string;
        created_on: string;
        last_agreed_on: string | null;
        next_evaluation_on: string | null;
        last_evaluated_on: string | null;
        overdue_goals: number;
      }[]
    >(
      // Set-based (hash joins over the chosen plans), not a subquery per plan.
      `WITH p AS (
         SELECT id, household_id, created_on, next_evaluation_on, latest_version FROM plan
          WHERE household_id = ANY($1::uuid[])),
       agreed AS (
         SELECT v.plan_id, max(v.agreed_on) AS on_ FROM plan_version v JOIN p ON p.id = v.plan_id
          WHERE v.status = 'vastgesteld' GROUP BY v.plan_id),
       evaluated AS (
         SELECT e.plan_id, max(e.evaluated_on) AS on_ FROM plan_evaluation e JOIN p ON p.id = e.plan_id
          GROUP BY e.plan_id),
       overdue AS (
         SELECT p.id AS plan_id, count(*)::int AS n FROM p
           JOIN plan_version v ON v.plan_id = p.id AND v.number = p.latest_version
           JOIN plan_goal g ON g.version_id = v.id
          WHERE g.status = ANY($3::text[]) AND g.target_date < $2::date GROUP BY p.id)
       SELECT p.household_id, p.created_on::text AS created_on, agreed.on_::text AS last_agreed_on,
              p.next_evaluation_on::text AS next_evaluation_on, evaluated.on_::text AS last_evaluated_on,
              coalesce(overdue.n, 0) AS overdue_goals
         FROM p LEFT JOIN agreed ON agreed.plan_id = p.id LEFT JOIN evaluated ON evaluated.plan_id = p.id
         LEFT JOIN overdue ON overdue.plan_id = p.id`,
      [householdIds, today, OPEN_GOAL_STATUSES],
    );
    return new Map(
      rows.map((r) => [
        r.household_id,
        {
          householdId: r.household_id,
          createdOn: r.created_on,
          lastAgreedOn: r.last_agreed_on,
          nextEvaluationOn: r.next_evaluation_on,
          lastEvaluatedOn: r.last_evaluated_on,
          overdueGoals: r.overdue_goals,
        },
      ]),
    );
  }
}
