import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { Clock, DomainError, ErrorCode } from '@app/core';
import { HouseholdGuard, HouseholdsService } from '@app/households';
import { BudgetLedger } from './budget-ledger';
import { BudgetRequestAccess } from './budget-request-access';
import { asJson, BudgetViews } from './budget-views';
import { centsOf, CreateBudgetRequestDto, WithdrawBudgetRequestDto } from './dto';
import { Budget, BudgetPayment, BudgetRequest, outstandingCents } from './entities';
import { PLAN_GOAL_DIRECTORY, PlanGoalDirectory, PlanGoalRef } from './plan-goals';

/** Requests for maatwerkbudget: submitted by the case team, read by whoever may see the case, withdrawn by the requester. */
@Injectable()
export class BudgetRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PLAN_GOAL_DIRECTORY) private readonly goals: PlanGoalDirectory,
    private readonly access: AccessService,
    private readonly requestAccess: BudgetRequestAccess,
    private readonly guard: HouseholdGuard,
    private readonly households: HouseholdsService,
    private readonly ledger: BudgetLedger,
    private readonly views: BudgetViews,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, householdId: string, dto: CreateBudgetRequestDto) {
    const { cents } = centsOf(dto);
    const today = this.clock.today();
    if (dto.wantedOn < today)
      throw DomainError.invalidField('wantedOn', 'De gewenste datum ligt in het verleden.');
    const teamId = dto.teamId ?? user.teamIds[0] ?? null;
    if (dto.teamId && !user.teamIds.includes(dto.teamId)) {
      throw DomainError.invalidField('teamId', 'U bent geen lid van dit team.');
    }
    // Lookups in other contexts run before the transaction: a transaction that waits for a second
    // pooled connection can starve the pool under load. The plans context refuses (404) a household
    // whose plan the caller may not see.
    await this.access.abilityFor(user);
    const goals = await this.goals.currentGoals(user, householdId);
    assertGoals(goals, dto.goalIds);
    if (dto.personId) await this.assertMember(householdId, dto.personId);
    const saved = await this.dataSource.transaction(async (m) => {
      const { household, ability } = await this.guard.load(user, householdId, 'read', m);
      this.guard.ensureOnHousehold(ability, 'create', 'BudgetRequest', household);
      this.guard.ensureActive(household);
      const year = Number(today.slice(0, 4));
      const budget = await m.findOneBy(Budget, { municipalityId: household.municipalityId, year });
      if (!budget) {
        throw DomainError.rule(
          `Voor deze gemeente is nog geen maatwerkbudget ${year} vastgesteld; vraag de functioneel beheerder.`,
        );
      }
      const request = await m.save(
        m.create(BudgetRequest, {
          budgetId: budget.id,
          householdId,
          municipalityId: household.municipalityId,
          personId: dto.personId ?? null,
          goalIds: dto.goalIds,
          amountCents: cents,
          justification: dto.justification.trim(),
          replacedSchemes: dto.replacedSchemes,
          payeeName: dto.payee.name.trim(),
          payeeIban: dto.payee.iban ?? null,
          wantedOn: dto.wantedOn,
          requestedById: user.id,
          requesterTeamId: teamId,
          requestedOn: today,
        }),
      );
      const created = await m.findOneByOrFail(BudgetRequest, { id: request.id });
      await this.requestAccess.log(m, 'budgets.request', 'create', created);
      return created;
    });
    return asJson(this.views.request(saved, new Map([[user.id, user.displayName]])));
  }

  /** The requests of one household the caller may see (filtered in SQL), with the household's totals. */
  async listForHousehold(user: AuthenticatedUser, householdId: string, page = 1, pageSize = 50) {
    await this.access.abilityFor(user);
    const { rows, total, totals } = await this.dataSource.transaction(async (m) => {
      const { household, ability } = await this.guard.load(user, householdId, 'read', m);
      this.guard.ensureOnHousehold(ability, 'read', 'BudgetRequest', household);
      const condition = this.access.condition(
        ability,
        'read',
        'BudgetRequest',
        m.connection.getMetadata(BudgetRequest),
        'r',
      );
      if (!condition) throw DomainError.notFound();
      const [found, count] = await m
        .getRepository(BudgetRequest)
        .createQueryBuilder('r')
        .andWhere(condition)
        .andWhere('r.household_id = :householdId', { householdId })
        .orderBy('r.created_at', 'DESC')
        .addOrderBy('r.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize)
        .getManyAndCount();
      const sums = await this.householdTotals(m, householdId);
      await this.requestAccess.logList(m, 'budgets.request', found, household.id);
      return { rows: found, total: count, totals: sums };
    });
    return asJson({ items: await this.views.requests(rows), page, pageSize, total, totals });
  }

  async get(user: AuthenticatedUser, id: string) {
    const ability = await this.access.abilityFor(user);
    const { request, payments } = await this.dataSource.transaction(async (m) => {
      const found = await this.requestAccess.readable(m, ability, id);
      await this.requestAccess.log(m, 'budgets.request', 'read', found);
      return {
        request: found,
        payments: await m.find(BudgetPayment, { where: { requestId: id }, order: { createdAt: 'ASC' } }),
      };
    });
    const names = await this.views.names([
      request.requestedById,
      request.decidedById,
      ...payments.map((p) => p.recordedById),
    ]);
    const goals = await this.goals.currentGoals(user, request.householdId);
    return asJson(this.views.request(request, names, { goals, ability, payments }));
  }

  /** By the requester only: a submitted request, or a granted one of which nothing is paid yet. */
  async withdraw(user: AuthenticatedUser, id: string, dto: WithdrawBudgetRequestDto) {
    const ability = await this.access.abilityFor(user);
    const withdrawn = await this.dataSource.transaction(async (m) => {
      const request = await this.requestAccess.lockReadable(m, ability, id);
      if (request.requestedById !== user.id) {
        throw DomainError.forbidden('Alleen wie de aanvraag indiende, kan haar intrekken.');
      }
      const unpaidGrant = request.status === 'toegekend' && request.paidCents === 0;
      if (request.status !== 'ingediend' && !unpaidGrant) {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          `Een aanvraag met status '${request.status}' kan niet meer worden ingetrokken.`,
        );
      }
      const release = outstandingCents(request);
      if (release > 0) await this.ledger.release(m, request, release, user.id);
      const result = await m
        .createQueryBuilder()
        .update(BudgetRequest)
        .set({
          status: 'ingetrokken',
          withdrawnAt: this.clock.now(),
          withdrawalReason: dto.reason?.trim() || null,
          releasedCents: () => 'released_cents + :release',
          version: () => 'version + 1',
        })
        .where('id = :id AND status = :status', { id, status: request.status, release })
        .execute();
      if (result.affected !== 1) throw new Error('budget request changed under its lock');
      const updated = await m.findOneByOrFail(BudgetRequest, { id });
      await this.requestAccess.log(m, 'budgets.request', 'update', updated);
      return updated;
    });
    return asJson((await this.views.requests([withdrawn]))[0]);
  }

  /** Per household: requested (open), committed (granted, unpaid) and paid, over all years. */
  async householdTotals(m: EntityManager, householdId: string) {
    const [row] = await m.query<{ requested: string; committed: string; paid: string }[]>(
      `SELECT coalesce(sum(amount_cents) FILTER (WHERE status = 'ingediend'), 0) AS requested,
              coalesce(sum(amount_cents - paid_cents - released_cents) FILTER (WHERE status = 'toegekend'), 0) AS committed,
              coalesce(sum(paid_cents), 0) AS paid
         FROM budget_request WHERE household_id = $1`,
      [householdId],
    );
    return {
      requestedCents: Number(row.requested),
      committedCents: Number(row.committed),
      paidCents: Number(row.paid),
    };
  }

  private async assertMember(householdId: string, personId: string) {
    const { members } = await this.households.participants(householdId);
    if (!members.some((member) => member.personId === personId && member.current)) {
      throw DomainError.invalidField('personId', 'Deze persoon is geen lid van dit huishouden.');
    }
  }
}

/** Every goal must be in the household's plan as it stands (and visible to the requester). */
function assertGoals(goals: PlanGoalRef[], goalIds: string[]) {
  const known = new Set(goals.map((g) => g.id));
  const index = goalIds.findIndex((id) => !known.has(id));
  if (index >= 0) {
    throw DomainError.invalidField(
      `goalIds.${index}`,
      'Dit doel staat niet in het gezinsplan van dit huishouden.',
    );
  }
}
