import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { AuditModule } from '@app/audit';
import { BudgetsModule } from '@app/budgets';
import { CoreModule } from '@app/core';
import { HouseholdsModule } from '@app/households';
import { IdentityModule } from '@app/identity';
import { IndicationsModule } from '@app/indications';
import { OutreachModule } from '@app/outreach';
import { PlansModule } from '@app/plans';
import { PrivacyModule } from '@app/privacy';
import { ReferenceModule } from '@app/reference';
import { ReportingModule } from '@app/reporting';
import { ReviewsModule } from '@app/reviews';

@Module({
  imports: [
    CoreModule,
    AuditModule,
    AccessModule,
    ReferenceModule,
    IdentityModule,
    HouseholdsModule,
    IndicationsModule,
    PlansModule,
    PrivacyModule,
    BudgetsModule,
    OutreachModule,
    ReportingModule,
    ReviewsModule,
  ],
})
export class AppModule {}
