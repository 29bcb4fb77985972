import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, AuthenticatedUser } from '@app/access';
import { AuditService } from '@app/audit';
import { addDays, amsterdamDate, DomainError, ErrorCode } from '@app/core';
import { HouseholdGuard } from '@app/households';
import { ReferenceService } from '@app/reference';
import { BudgetRequestAccess } from '../budget-request-access';
import { BudgetViews } from '../budget-views';
import { HOUSEHOLD_ADDRESSEES, HouseholdAddressees } from '../household-addressees';
import { PLAN_GOAL_DIRECTORY, PlanGoalDirectory } from '../plan-goals';
import { REPLACED_SCHEMES } from '../replaced-schemes';
import { OBJECTION_PERIOD_DAYS } from './decision-letter.document';
import { renderDecisionLetter } from './decision-letter.pdf';

/** The decision letter (PDF) of a decided request, for the household and a copy to each representative. */
@Injectable()
export class DecisionLetterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(HOUSEHOLD_ADDRESSEES) private readonly addressees: HouseholdAddressees,
    @Inject(PLAN_GOAL_DIRECTORY) private readonly goals: PlanGoalDirectory,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly requestAccess: BudgetRequestAccess,
    private readonly guard: HouseholdGuard,
    private readonly views: BudgetViews,
    private readonly reference: ReferenceService,
  ) {}

  async render(user: AuthenticatedUser, id: string): Promise<{ pdf: Buffer; filename: string }> {
    const ability = await this.access.abilityFor(user);
    const request = await this.requestAccess.readable(this.dataSource.manager, ability, id);
    if (!request.decidedAt || !request.decidedById || !request.motivation) {
      throw new DomainError(ErrorCode.InvalidTransition, 'Er is nog geen besluit op deze aanvraag.');
    }
    // Lookups in other contexts first, outside the transaction (see PlanGoalDirectory).
    const letterDate = amsterdamDate(request.decidedAt);
    const { household } = await this.guard.load(user, request.householdId, 'read');
    const to = await this.addressees.forLetter(household.id, request.personId, letterDate);
    const goals = (await this.goals.currentGoals(user, household.id)).filter((g) =>
      request.goalIds.includes(g.id),
    );
    const names = await this.views.names([request.decidedById]);
    const municipality = await this.reference.municipality(request.municipalityId);
    const reference = `MWB-${letterDate.slice(0, 4)}-${request.id.slice(0, 8).toUpperCase()}`;
    const pdf = await renderDecisionLetter({
      municipality: municipality?.name ?? '',
      reference,
      letterDate,
      addressee: to.addressee?.name ?? null,
      address: household,
      representatives: to.representatives,
      outcome: request.status === 'afgewezen' ? 'afgewezen' : 'toegekend',
      amountCents: request.amountCents,
      requestedOn: request.requestedOn,
      justification: request.justification,
      motivation: request.motivation,
      goals: goals.map((g) => g.description),
      replacedSchemes: request.replacedSchemes.map((code) => REPLACED_SCHEMES[code] ?? code),
      payeeName: request.payeeName,
      wantedOn: request.wantedOn,
      decidedBy: names.get(request.decidedById) ?? 'Sociale Zaken Maastricht Heuvelland',
      objectionDeadline: addDays(letterDate, OBJECTION_PERIOD_DAYS),
    });
    await this.dataSource.transaction((m) =>
      this.audit.record(m, {
        activityId: 'budgets.decision',
        action: 'export',
        resourceType: 'BudgetDecisionLetter',
        resourceId: request.id,
        householdId: household.id,
        dataSubjects: [
          { type: 'household', id: household.id },
          ...[request.personId, to.addressee?.personId]
            .filter((p): p is string => !!p)
            .map((p) => ({ type: 'person' as const, id: p })),
        ],
      }),
    );
    return { pdf, filename: `besluit-maatwerkbudget-${reference}.pdf` };
  }
}
