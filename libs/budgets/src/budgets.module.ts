import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '@app/households';
import { IdentityModule } from '@app/identity';
import { PlansModule } from '@app/plans';
import { PrivacyModule } from '@app/privacy';
import { ReferenceModule } from '@app/reference';
import { BudgetDecisionsService } from './budget-decisions.service';
import { BudgetDossierSection } from './budget-dossier.section';
import { BudgetLedger } from './budget-ledger';
import { BudgetPaymentsService } from './budget-payments.service';
import { BudgetPrivacy } from './budget-privacy';
import { BudgetRequestAccess } from './budget-request-access';
import { BudgetRequestsController } from './budget-requests.controller';
import { BudgetRequestsService } from './budget-requests.service';
import { BudgetViews } from './budget-views';
import { BudgetsController } from './budgets.controller';
import { BudgetUsageService } from './budget-usage.service';
import { BudgetsService } from './budgets.service';
import { DemoBudgetsSeeder } from './demo/demo-budgets.seeder';
import { Budget, BudgetLedgerEntry, BudgetPayment, BudgetRequest, IdempotencyKey } from './entities';
import { HOUSEHOLD_ADDRESSEES } from './household-addressees';
import { HouseholdsAddressees } from './households-addressees';
import { IdempotencyStore } from './idempotency';
import { DecisionLetterService } from './letter/decision-letter.service';
import { PLAN_GOAL_DIRECTORY } from './plan-goals';
import { PlansGoalDirectory } from './plans-goal-directory';

/** Maatwerkbudget: issue 7. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Budget, BudgetRequest, BudgetPayment, BudgetLedgerEntry, IdempotencyKey]),
    HouseholdsModule,
    IdentityModule,
    PlansModule,
    PrivacyModule,
    ReferenceModule,
  ],
  controllers: [BudgetsController, BudgetRequestsController],
  providers: [
    BudgetsService,
    BudgetRequestsService,
    BudgetDecisionsService,
    BudgetPaymentsService,
    BudgetRequestAccess,
    BudgetLedger,
    BudgetViews,
    IdempotencyStore,
    DecisionLetterService,
    BudgetDossierSection,
    DemoBudgetsSeeder,
    BudgetPrivacy,
    BudgetUsageService,
    { provide: PLAN_GOAL_DIRECTORY, useClass: PlansGoalDirectory },
    { provide: HOUSEHOLD_ADDRESSEES, useClass: HouseholdsAddressees },
  ],
  exports: [DemoBudgetsSeeder, BudgetsService, BudgetUsageService],
})
export class BudgetsModule {}
