import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '@app/households';
import { PrivacyModule } from '@app/privacy';
import { DemoPlansSeeder } from './demo/demo-plans.seeder';
import { PLAN_ENTITIES } from './entities';
import { PlanPdfService } from './pdf/plan-pdf.service';
import { PlanAccess } from './plan-access';
import { PlanAgreementService } from './plan-agreement.service';
import { PlanContentService } from './plan-content.service';
import { PlanDossierSection } from './plan-dossier.section';
import { PlanGoalsController } from './plan-goals.controller';
import { PlanPrivacy } from './plan-privacy';
import { PlanReadingService } from './plan-reading.service';
import { PlanSummariesService } from './plan-summaries.service';
import { PlanViews } from './plan-views';
import { PlanWorklistController } from './plan-worklist.controller';
import { PlanWorklistService } from './plan-worklist.service';
import { PlanWriter } from './plan-writer';
import { PlansController } from './plans.controller';
import { WorklistFlagRegistry } from './worklist-flags.registry';

/** The household plan (gezinsplan): issue 6. */
@Module({
  imports: [TypeOrmModule.forFeature(PLAN_ENTITIES), HouseholdsModule, PrivacyModule],
  controllers: [PlansController, PlanGoalsController, PlanWorklistController],
  providers: [
    PlanAccess,
    PlanViews,
    PlanWriter,
    PlanReadingService,
    PlanContentService,
    PlanAgreementService,
    PlanPdfService,
    PlanWorklistService,
    PlanDossierSection,
    DemoPlansSeeder,
    PlanPrivacy,
    PlanSummariesService,
    WorklistFlagRegistry,
  ],
  exports: [DemoPlansSeeder, PlanReadingService, PlanSummariesService, WorklistFlagRegistry],
})
export class PlansModule {}
