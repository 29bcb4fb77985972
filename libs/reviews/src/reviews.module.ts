import { Module, OnModuleInit } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetsModule } from '@app/budgets';
import { HouseholdsModule } from '@app/households';
import { IdentityModule } from '@app/identity';
import { IndicationsModule } from '@app/indications';
import { OutreachModule } from '@app/outreach';
import { PlansModule, WorklistFlagRegistry } from '@app/plans';
import { PrivacyModule } from '@app/privacy';
import { ReferenceModule } from '@app/reference';
import { CaseReviewsService } from './case-reviews.service';
import { CaseloadService } from './caseload/caseload.service';
import { CasusboekService } from './casusboek/casusboek.service';
import { DemoReviewsSeeder } from './demo/demo-reviews.seeder';
import { REVIEW_ENTITIES } from './entities';
import { ReviewFlagsScheduler } from './flags/review-flags.scheduler';
import { ReviewFlagsService } from './flags/review-flags.service';
import { ReviewPrivacy } from './review-privacy';
import { ReviewsController } from './reviews.controller';
import { reviewsConfig } from './reviews.config';

/**
 * Teamleider caseload, case reviews and the anonymised casusboek (issue 9). Reads other contexts only
 * through their exported services; the daily flags reach the regisseur's worklist through the plans
 * context's WorklistFlagRegistry. The cron relies on the one ScheduleModule.forRoot() (PrivacyModule).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(REVIEW_ENTITIES),
    ConfigModule.forFeature(reviewsConfig),
    HouseholdsModule,
    IdentityModule,
    IndicationsModule,
    PlansModule,
    BudgetsModule,
    OutreachModule,
    ReferenceModule,
    PrivacyModule,
  ],
  controllers: [ReviewsController],
  providers: [
    CaseloadService,
    CaseReviewsService,
    CasusboekService,
    ReviewFlagsService,
    ReviewFlagsScheduler,
    DemoReviewsSeeder,
    ReviewPrivacy,
  ],
  exports: [DemoReviewsSeeder, ReviewFlagsService],
})
export class ReviewsModule implements OnModuleInit {
  constructor(
    private readonly worklistFlags: WorklistFlagRegistry,
    private readonly flags: ReviewFlagsService,
  ) {}

  onModuleInit() {
    this.worklistFlags.register({
      name: 'reviews',
      flagsFor: (householdIds, manager) => this.flags.worklistFlags(householdIds, manager),
    });
  }
}
