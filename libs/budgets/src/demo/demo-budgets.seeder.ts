import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@app/access';
import { RequestContext } from '@app/core';
import { HouseholdsService } from '@app/households';
import { DEMO_EMAILS, DemoUserKey, USER_DIRECTORY, UserDirectory, UsersService } from '@app/identity';
import { MUNICIPALITY_IDS, MunicipalityKey } from '@app/reference';
import { BudgetLedger } from '../budget-ledger';
import { Budget, BudgetPayment, BudgetRequest } from '../entities';
import { PLAN_GOAL_DIRECTORY, PlanGoalDirectory } from '../plan-goals';
import { DEMO_BUDGET_YEAR, DEMO_BUDGETS, DEMO_REQUESTS, DemoRequest } from './demo-budgets.data';

const START = Date.parse(`${DEMO_BUDGET_YEAR}-09-01T00:00:00Z`);
const day = (offset: number) => new Date(START + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number) => new Date(START + offset * 86_400_000 + 9 * 3_600_000);

interface DemoTarget {
  householdId: string;
  municipalityId: string;
  requesterId: string;
  requesterTeamId: string | null;
  goalId: string;
}

/**
 * Maatwerkbudgets 2026 for the six municipalities and requests in every state for Maastricht
 * households (requested by their regisseur, decided and paid by the teamleider who leads that
 * regisseur's team), plus a submitted one in Meerssen. Goals come from the demo plans, so the plans
 * seeder runs first. Deterministic (fixed amounts and dates, households in a stable order) and
 * idempotent: nothing happens when budgets exist. Money moves through BudgetLedger, so the ledger
 * and the totals agree.
 */
@Injectable()
export class DemoBudgetsSeeder {
  private readonly logger = new Logger(DemoBudgetsSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PLAN_GOAL_DIRECTORY) private readonly goals: PlanGoalDirectory,
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    private readonly users: UsersService,
    private readonly households: HouseholdsService,
    private readonly ledger: BudgetLedger,
    private readonly context: RequestContext,
  ) {}

  async seed(): Promise<{ budgets: number; requests: number }> {
    if ((await this.dataSource.getRepository(Budget).count()) > 0) return { budgets: 0, requests: 0 };
    // Plan goals are read through the plans context, which logs its reads under an activity.
    return this.context.run(async () => {
      this.context.setProcessingActivity('budgets.request');
      const ids = await this.users.idsByEmail(Object.values(DEMO_EMAILS));
      const user = async (key: DemoUserKey): Promise<AuthenticatedUser> => {
        const found = await this.directory.findActiveUser(ids.get(DEMO_EMAILS[key]) ?? '');
        if (!found) throw new Error(`demo user ${key} is missing: seed the demo users first`);
        return found;
      };
      const teamleider = await user('teamleider');
      const regisseurs = new Map<string, AuthenticatedUser>();
      for (const key of ['consulentWmo', 'consulentJeugd', 'consulentHeuvelland'] as const) {
        const u = await user(key);
        regisseurs.set(u.id, u);
      }
      const candidates = await this.candidates(regisseurs);
      return this.dataSource.transaction(async (m) => {
        const budgets = new Map<string, string>();
        for (const [key, cents] of Object.entries(DEMO_BUDGETS) as [MunicipalityKey, number][]) {
          const budget = await m.save(
            m.create(Budget, {
              municipalityId: MUNICIPALITY_IDS[key],
              year: DEMO_BUDGET_YEAR,
              amountCents: cents,
            }),
          );
          budgets.set(budget.municipalityId, budget.id);
        }
        let requests = 0;
        const maastricht = candidates.filter((c) => c.municipalityId === MUNICIPALITY_IDS.maastricht);
        for (const [i, scenario] of DEMO_REQUESTS.entries()) {
          const candidate = maastricht[i % Math.max(maastricht.length, 1)];
          if (!candidate) break;
          await this.request(m, budgets, candidate, scenario, teamleider.id);
          requests++;
        }
        const heuvelland = candidates.find((c) => c.municipalityId !== MUNICIPALITY_IDS.maastricht);
        if (heuvelland) {
          await this.request(m, budgets, heuvelland, { ...DEMO_REQUESTS[0], requestedDay: 72 }, null);
          requests++;
        }
        this.logger.log({ budgets: budgets.size, requests }, 'demo budgets seeded');
        return { budgets: budgets.size, requests };
      });
    });
  }

  /** Households whose regisseur is one of the given users and whose plan has a goal, in a stable order. */
  private async candidates(regisseurs: Map<string, AuthenticatedUser>) {
    const found: DemoTarget[] = [];
    for (const { id, municipalityId } of await this.households.activeHouseholdRefs()) {
      const { professionals } = await this.households.participants(id);
      const regisseur = professionals.find((p) => p.active && p.caseRole === 'regisseur');
      const requester = regisseur && regisseurs.get(regisseur.userId);
      if (!requester) continue;
      const [goal] = await this.goals.currentGoals(requester, id);
      if (!goal) continue;
      found.push({
        householdId: id,
        municipalityId,
        requesterId: requester.id,
        requesterTeamId: requester.teamIds[0] ?? null,
        goalId: goal.id,
      });
      if (found.length >= DEMO_REQUESTS.length + 10) break;
    }
    return found;
  }

  private async request(
    m: EntityManager,
    budgets: Map<string, string>,
    target: DemoTarget,
    scenario: DemoRequest,
    deciderId: string | null,
  ) {
    const decided = scenario.status !== 'ingediend' && scenario.status !== 'ingetrokken';
    const saved = await m.save(
      m.create(BudgetRequest, {
        budgetId: budgets.get(target.municipalityId)!,
        householdId: target.householdId,
        municipalityId: target.municipalityId,
        personId: null,
        goalIds: [target.goalId],
        amountCents: scenario.amountCents,
        justification: scenario.justification,
        replacedSchemes: scenario.schemes,
        payeeName: scenario.payee,
        payeeIban: null,
        wantedOn: day(scenario.wantedDay),
        requestedById: target.requesterId,
        requesterTeamId: target.requesterTeamId,
        requestedOn: day(scenario.requestedDay),
        // 'betaald' is reached through the payment below (the database checks it is paid in full).
        status: scenario.status === 'betaald' ? 'toegekend' : scenario.status,
        decidedById: decided ? deciderId : null,
        decidedAt: decided ? at(scenario.requestedDay + 3) : null,
        motivation: decided ? (scenario.motivation ?? null) : null,
        withdrawnAt: scenario.status === 'ingetrokken' ? at(scenario.requestedDay + 1) : null,
        withdrawalReason: scenario.status === 'ingetrokken' ? 'Via een andere regeling opgelost.' : null,
        paidCents: 0,
        releasedCents: 0,
      }),
    );
    if (!decided || scenario.status === 'afgewezen' || !deciderId) return;
    // A grant holds budget; payments move it from committed to paid, as in the services.
    const request = await m.findOneByOrFail(BudgetRequest, { id: saved.id });
    await this.ledger.commit(m, request, deciderId);
    const paid = scenario.paidCents ?? 0;
    if (paid === 0) return;
    const payment = await m.save(
      m.create(BudgetPayment, {
        requestId: request.id,
        budgetId: request.budgetId,
        householdId: request.householdId,
        municipalityId: request.municipalityId,
        amountCents: paid,
        paidOn: day(scenario.requestedDay + 10),
        reference: `demo-${scenario.requestedDay}`,
        final: false,
        recordedById: deciderId,
      }),
    );
    await this.ledger.pay(m, request, payment.id, paid, deciderId);
    await m.update(
      BudgetRequest,
      { id: request.id },
      { paidCents: paid, status: paid === request.amountCents ? 'betaald' : 'toegekend' },
    );
  }
}
