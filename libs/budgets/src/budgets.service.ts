import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, AppAbility, AuthenticatedUser } from '@app/access';
import { DomainError } from '@app/core';
import { ReferenceService } from '@app/reference';
import { BudgetLedger } from './budget-ledger';
import { centsOf, SetBudgetDto } from './dto';
import { Budget } from './entities';
import { formatEuros } from './money';
import { REPLACED_SCHEMES, ReplacedScheme } from './replaced-schemes';

export interface BudgetView {
  id: string;
  municipalityId: string;
  municipality: string;
  year: number;
  amountCents: number;
  amount: string;
  /** Granted, not yet paid. */
  committedCents: number;
  committed: string;
  paidCents: number;
  paid: string;
  remainingCents: number;
  remaining: string;
  version: number;
  /** The ledger adds up to the committed and paid totals of the budget row. */
  ledgerConsistent: boolean;
}

interface UseRow {
  key: string | null;
  requests: number;
  requested: string;
  committed: string;
  paid: string;
}

/**
 * Budgets per municipality and year: set by the functioneel beheerder, read by those who decide.
 * Amounts and totals only: no personal data.
 */
@Injectable()
export class BudgetsService {
  private readonly logger = new Logger(BudgetsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reference: ReferenceService,
    private readonly ledger: BudgetLedger,
  ) {}

  /** Creates or changes the budget; never below what is already committed plus paid (422, field named). */
  async set(user: AuthenticatedUser, municipalityId: string, year: number, dto: SetBudgetDto) {
    const { cents, field } = centsOf(dto);
    const ability = await this.access.abilityFor(user);
    this.ensure(ability, 'update', municipalityId);
    if (!(await this.reference.municipalityExists(municipalityId)))
      throw DomainError.notFound('Deze gemeente');
    const created = await this.dataSource.transaction(async (m) => {
      const inserted: unknown[] = await m.query(
        `INSERT INTO budget (municipality_id, year, amount_cents, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $4) ON CONFLICT (municipality_id, year) DO NOTHING RETURNING id`,
        [municipalityId, year, cents, user.id],
      );
      if (inserted.length === 1) return true;
      const budget = await m.findOneByOrFail(Budget, { municipalityId, year });
      await this.ledger.setAmount(m, budget.id, cents, user.id, field);
      return false;
    });
    this.logger.log({ municipalityId, year, created }, 'budget set');
    return { created, budget: await this.get(user, municipalityId, year) };
  }

  /** Every budget of this year the caller may read, filtered in SQL. */
  async overview(user: AuthenticatedUser, year: number): Promise<BudgetView[]> {
    const ability = await this.access.abilityFor(user);
    const condition = this.access.condition(
      ability,
      'read',
      'Budget',
      this.dataSource.getMetadata(Budget),
      'b',
    );
    if (!condition) return [];
    const budgets = await this.dataSource
      .getRepository(Budget)
      .createQueryBuilder('b')
      .andWhere(condition)
      .andWhere('b.year = :year', { year })
      .getMany();
    const views = await this.views(this.dataSource.manager, budgets);
    return views.sort((a, b) => a.municipality.localeCompare(b.municipality, 'nl'));
  }

  async get(user: AuthenticatedUser, municipalityId: string, year: number): Promise<BudgetView> {
    const ability = await this.access.abilityFor(user);
    this.ensure(ability, 'read', municipalityId);
    const budget = await this.dataSource.manager.findOneBy(Budget, { municipalityId, year });
    if (!budget) throw DomainError.notFound('Dit budget');
    return (await this.views(this.dataSource.manager, [budget]))[0];
  }

  /** The budget with its use per team of the requester, per replaced scheme and per status. */
  async detail(user: AuthenticatedUser, municipalityId: string, year: number) {
    const budget = await this.get(user, municipalityId, year);
    // Fixed SQL fragments only (no input): the grouping key and, for schemes, one row per scheme.
    const use = (key: string, join = '') =>
      this.dataSource.query<UseRow[]>(
        `SELECT ${key} AS key, count(*)::int AS requests,
                coalesce(sum(r.amount_cents) FILTER (WHERE r.status = 'ingediend'), 0) AS requested,
                coalesce(sum(r.amount_cents - r.paid_cents - r.released_cents)
                  FILTER (WHERE r.status = 'toegekend'), 0) AS committed,
                coalesce(sum(r.paid_cents), 0) AS paid
           FROM budget_request r ${join}
          WHERE r.budget_id = $1 GROUP BY 1 ORDER BY 1`,
        [budget.id],
      );
    const [byTeam, byScheme, byStatus] = await Promise.all([
      use('r.requester_team_id'),
      use('s.scheme', 'CROSS JOIN LATERAL unnest(r.replaced_schemes) AS s(scheme)'),
      use('r.status'),
    ]);
    const teams = new Map(
      (await this.reference.teamsByIds(byTeam.map((r) => r.key).filter((k): k is string => !!k))).map((t) => [
        t.id,
        t.name,
      ]),
    );
    return {
      ...budget,
      byTeam: byTeam.map((r) => ({
        teamId: r.key,
        team: r.key ? (teams.get(r.key) ?? 'onbekend') : 'geen team',
        ...sums(r),
      })),
      // A request that replaces two schemes counts in full under each of them.
      byReplacedScheme: byScheme.map((r) => ({
        scheme: r.key,
        label: REPLACED_SCHEMES[r.key as ReplacedScheme] ?? r.key,
        ...sums(r),
      })),
      byStatus: byStatus.map((r) => ({ status: r.key, ...sums(r) })),
    };
  }

  private async views(m: EntityManager, budgets: Budget[]): Promise<BudgetView[]> {
    const names = new Map((await this.reference.listMunicipalities()).map((mu) => [mu.id, mu.name]));
    const ledger = await this.ledger.ledgerTotals(
      m,
      budgets.map((b) => b.id),
    );
    return budgets.map((b) => {
      const sums = ledger.get(b.id) ?? { committedCents: 0, paidCents: 0 };
      const remaining = b.amountCents - b.committedCents - b.paidCents;
      return {
        id: b.id,
        municipalityId: b.municipalityId,
        municipality: names.get(b.municipalityId) ?? 'onbekend',
        year: b.year,
        amountCents: b.amountCents,
        amount: formatEuros(b.amountCents),
        committedCents: b.committedCents,
        committed: formatEuros(b.committedCents),
        paidCents: b.paidCents,
        paid: formatEuros(b.paidCents),
        remainingCents: remaining,
        remaining: formatEuros(remaining),
        version: b.version,
        ledgerConsistent: sums.committedCents === b.committedCents && sums.paidCents === b.paidCents,
      };
    });
  }

  /** Outside the caller's municipalities a budget does not exist for them (404); readable but not theirs to change: 403. */
  private ensure(ability: AppAbility, action: 'read' | 'update', municipalityId: string) {
    if (this.access.can(ability, action, 'Budget', { municipalityId })) return;
    if (action !== 'read' && this.access.can(ability, 'read', 'Budget', { municipalityId })) {
      throw DomainError.forbidden('Alleen de functioneel beheerder stelt budgetten vast.');
    }
    throw DomainError.notFound('Dit budget');
  }
}

function sums(r: UseRow) {
  return {
    requests: r.requests,
    requestedCents: Number(r.requested),
    committedCents: Number(r.committed),
    paidCents: Number(r.paid),
  };
}
