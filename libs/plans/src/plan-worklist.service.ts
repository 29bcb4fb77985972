import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { Clock, daysBetween, manyWithTotal } from '@app/core';
import { PlanWorklistQueryDto } from './dto';
import { Plan, PlanGoal, PlanVersion } from './entities';
import { lifeDomainLabel, OPEN_GOAL_STATUSES } from './life-domains';
import { WorklistFlagRegistry } from './worklist-flags.registry';

export type WorklistItem =
  | {
      kind: 'goal';
      householdId: string;
      goalId: string;
      lifeDomain: string;
      lifeDomainLabel: string;
      description: string;
      status: string;
      dueOn: string;
      daysOverdue: number;
    }
  | { kind: 'evaluation'; householdId: string; dueOn: string; daysOverdue: number };

/**
 * Overdue goals (open or bezig past their target date, in the newest version) and overdue evaluations,
 * for the regisseur's worklist. The access rules are part of each SQL query, never applied afterwards.
 */
@Injectable()
export class PlanWorklistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly flagRegistry: WorklistFlagRegistry,
  ) {}

  async overdue(user: AuthenticatedUser, query: PlanWorklistQueryDto) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const today = this.clock.today();
    const ability = await this.access.abilityFor(user);
    const mine =
      (query.scope ?? 'regisseur') === 'regisseur' ? (await this.access.relationsFor(user)).regisseur : null;
    const goalCondition = this.access.condition(
      ability,
      'read',
      'PlanGoal',
      this.dataSource.getMetadata(PlanGoal),
      'g',
    );
    const planCondition = this.access.condition(
      ability,
      'read',
      'Plan',
      this.dataSource.getMetadata(Plan),
      'p',
    );
    // Merging two sorted lists: the first page*pageSize of each is enough to cut out this page.
    const limit = page * pageSize;
    return this.dataSource.transaction(async (m) => {
      const goals =
        query.kind !== 'evaluation' && goalCondition && mine?.length !== 0
          ? await this.overdueGoals(m, goalCondition, mine, today, limit)
          : { items: [], total: 0 };
      const evaluations =
        query.kind !== 'goal' && planCondition && mine?.length !== 0
          ? await this.overdueEvaluations(m, planCondition, mine, today, limit)
          : { items: [], total: 0 };
      const items = [...goals.items, ...evaluations.items]
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.householdId.localeCompare(b.householdId))
        .slice((page - 1) * pageSize, limit);
      // Flags raised by other contexts (e.g. a case review overdue) on the caller's own regisseur households.
      const flags = await this.flagRegistry.flagsFor((await this.access.relationsFor(user)).regisseur, m);
      const subjects = new Set([...items, ...flags].map((i) => i.householdId));
      await this.audit.record(m, {
        action: 'read',
        resourceType: 'PlanWorklist',
        dataSubjects: [...subjects].map((id) => ({ type: 'household', id })),
      });
      return { items, page, pageSize, total: goals.total + evaluations.total, flags };
    });
  }

  private async overdueGoals(
    m: EntityManager,
    condition: Brackets,
    households: string[] | null,
    today: string,
    limit: number,
  ) {
    const qb = m
      .getRepository(PlanGoal)
      .createQueryBuilder('g')
      .innerJoin(Plan, 'p', 'p.id = g.plan_id')
      .innerJoin(PlanVersion, 'v', 'v.id = g.version_id AND v.number = p.latest_version')
      .andWhere(condition)
      .andWhere('g.target_date < :today', { today })
      .andWhere('g.status IN (:...open)', { open: OPEN_GOAL_STATUSES });
    if (households) qb.andWhere('g.household_id IN (:...households)', { households });
    // One row per goal (each joins one plan and one version), so a plain LIMIT pages correctly.
    const [rows, total] = await manyWithTotal(
      qb
        .orderBy('g.targetDate', 'ASC')
        .addOrderBy('g.householdId', 'ASC')
        .addOrderBy('g.position', 'ASC')
        .limit(limit),
    );
    const items: WorklistItem[] = rows.map((g) => ({
      kind: 'goal',
      householdId: g.householdId,
      goalId: g.id,
      lifeDomain: g.lifeDomain,
      lifeDomainLabel: lifeDomainLabel(g.lifeDomain),
      description: g.description,
      status: g.status,
      dueOn: g.targetDate,
      daysOverdue: daysBetween(g.targetDate, today),
    }));
    return { items, total };
  }

  private async overdueEvaluations(
    m: EntityManager,
    condition: Brackets,
    households: string[] | null,
    today: string,
    limit: number,
  ) {
    const qb = m
      .getRepository(Plan)
      .createQueryBuilder('p')
      .andWhere(condition)
      .andWhere('p.next_evaluation_on < :today', { today });
    if (households) qb.andWhere('p.household_id IN (:...households)', { households });
    const [rows, total] = await manyWithTotal(
      qb.orderBy('p.nextEvaluationOn', 'ASC').addOrderBy('p.householdId', 'ASC').limit(limit),
    );
    const items: WorklistItem[] = rows.map((p) => ({
      kind: 'evaluation',
      householdId: p.householdId,
      dueOn: p.nextEvaluationOn!,
      daysOverdue: daysBetween(p.nextEvaluationOn!, today),
    }));
    return { items, total };
  }
}
