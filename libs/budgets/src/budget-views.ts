import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, AppAbility } from '@app/access';
import { UsersService } from '@app/identity';
import { BudgetPayment, BudgetRequest, outstandingCents } from './entities';
import { formatEuros } from './money';
import { PlanGoalRef } from './plan-goals';
import { REPLACED_SCHEMES } from './replaced-schemes';

export interface PersonRef {
  id: string;
  name: string;
}

/** The API shape of a request: cents as integers and as decimal strings, names of the professionals. */
export interface BudgetRequestView {
  id: string;
  householdId: string;
  municipalityId: string;
  budgetId: string;
  personId: string | null;
  goalIds: string[];
  /** The goals the caller may see in the plan (a KBL member without plan consent: financial ones). */
  goals?: { id: string; lifeDomain: string; description: string }[];
  amountCents: number;
  amount: string;
  justification: string;
  replacedSchemes: { code: string; label: string }[];
  payee: { name: string; iban: string | null };
  wantedOn: string;
  status: BudgetRequest['status'];
  requestedBy: PersonRef;
  requestedOn: string;
  requesterTeamId: string | null;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  motivation: string | null;
  paidCents: number;
  paid: string;
  /** Granted and not yet paid: what the request holds of the budget now. */
  outstandingCents: number;
  outstanding: string;
  releasedCents: number;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  payments?: PaymentView[];
}

export interface PaymentView {
  id: string;
  amountCents: number;
  amount: string;
  paidOn: string;
  reference: string | null;
  final: boolean;
  recordedBy: PersonRef;
  createdAt: string;
}

@Injectable()
export class BudgetViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly access: AccessService,
  ) {}

  /** Names of the professionals on these requests (and payments), in one round trip. */
  async names(userIds: (string | null)[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    const profiles = ids.length ? await this.users.caseWorkerProfiles(ids) : [];
    return new Map(profiles.map((p) => [p.id, p.displayName]));
  }

  /** Names of a request's requester and decider and of these users (unknown request: only these users). */
  async namesFor(requestId: string, userIds: string[]): Promise<Map<string, string>> {
    const request = await this.dataSource.manager.findOneBy(BudgetRequest, { id: requestId });
    return this.names([...userIds, request?.requestedById ?? null, request?.decidedById ?? null]);
  }

  async requests(rows: BudgetRequest[]): Promise<BudgetRequestView[]> {
    const names = await this.names(rows.flatMap((r) => [r.requestedById, r.decidedById]));
    return rows.map((r) => this.request(r, names));
  }

  request(
    r: BudgetRequest,
    names: Map<string, string>,
    extra: { goals?: PlanGoalRef[]; ability?: AppAbility; payments?: BudgetPayment[] } = {},
  ): BudgetRequestView {
    const ref = (id: string) => ({ id, name: names.get(id) ?? 'onbekend' });
    const outstanding = outstandingCents(r);
    const view: BudgetRequestView = {
      id: r.id,
      householdId: r.householdId,
      municipalityId: r.municipalityId,
      budgetId: r.budgetId,
      personId: r.personId,
      goalIds: r.goalIds,
      amountCents: r.amountCents,
      amount: formatEuros(r.amountCents),
      justification: r.justification,
      replacedSchemes: r.replacedSchemes.map((code) => ({ code, label: REPLACED_SCHEMES[code] ?? code })),
      payee: { name: r.payeeName, iban: r.payeeIban },
      wantedOn: r.wantedOn,
      status: r.status,
      requestedBy: ref(r.requestedById),
      requestedOn: r.requestedOn,
      requesterTeamId: r.requesterTeamId,
      decidedBy: r.decidedById ? ref(r.decidedById) : null,
      decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
      motivation: r.motivation,
      paidCents: r.paidCents,
      paid: formatEuros(r.paidCents),
      outstandingCents: outstanding,
      outstanding: formatEuros(outstanding),
      releasedCents: r.releasedCents,
      withdrawnAt: r.withdrawnAt ? new Date(r.withdrawnAt).toISOString() : null,
      withdrawalReason: r.withdrawalReason,
    };
    if (extra.goals && extra.ability) {
      const ability = extra.ability;
      view.goals = extra.goals
        .filter((g) => r.goalIds.includes(g.id))
        .filter((g) =>
          this.access.can(ability, 'read', 'PlanGoal', {
            householdId: r.householdId,
            municipalityId: r.municipalityId,
            lifeDomain: g.lifeDomain,
          }),
        )
        .map((g) => ({ id: g.id, lifeDomain: g.lifeDomain, description: g.description }));
    }
    if (extra.payments) view.payments = extra.payments.map((p) => this.payment(p, names));
    return view;
  }

  payment(p: BudgetPayment, names: Map<string, string>): PaymentView {
    return {
      id: p.id,
      amountCents: p.amountCents,
      amount: formatEuros(p.amountCents),
      paidOn: p.paidOn,
      reference: p.reference,
      final: p.final,
      recordedBy: { id: p.recordedById, name: names.get(p.recordedById) ?? 'onbekend' },
      createdAt: new Date(p.createdAt).toISOString(),
    };
  }
}

/** A response as it leaves the server (dates as strings): also what an idempotent repeat gets back. */
export function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
