import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '@app/households';
import { IdentityModule } from '@app/identity';
import { ReferenceModule } from '@app/reference';
import { DemoOutreachSeeder } from './demo/demo-outreach.seeder';
import { OUTREACH_ENTITIES } from './entities';
import { OutreachAccess } from './outreach-access';
import { outreachConfig } from './outreach.config';
import { SignalImportController } from './signals/signal-import.controller';
import { SignalImportService } from './signals/signal-import.service';
import { SignalReportsController } from './signals/signal-reports.controller';
import { SignalReportsService } from './signals/signal-reports.service';
import { SignalRetentionController } from './signals/signal-retention.controller';
import { SignalRetentionJob } from './signals/signal-retention.job';
import { SignalRetentionService } from './signals/signal-retention.service';
import { SignalsController } from './signals/signals.controller';
import { SignalsService } from './signals/signals.service';
import { CoachLocationsController } from './spreekuur/coach-locations.controller';
import { CoachLocationsService } from './spreekuur/coach-locations.service';
import { ContactsDossierSection } from './spreekuur/contacts-dossier.section';
import { SpreekuurContactsService } from './spreekuur/spreekuur-contacts.service';
import { SpreekuurFiguresService } from './spreekuur/spreekuur-figures.service';
import { SpreekuurController } from './spreekuur/spreekuur.controller';

/**
 * Outreach (issue 8): the financial coaches' spreekuur contacts at wijkservicepunten and the
 * vroegsignalering signals of the Wgs. The nightly retention job (@Cron) relies on the one
 * ScheduleModule.forRoot() of the application (registered by PrivacyModule).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(OUTREACH_ENTITIES),
    ConfigModule.forFeature(outreachConfig),
    HouseholdsModule,
    IdentityModule,
    ReferenceModule,
  ],
  // Static paths (figures, feedback, imports, retention) before the ":id" routes.
  controllers: [
    CoachLocationsController,
    SpreekuurController,
    SignalImportController,
    SignalReportsController,
    SignalRetentionController,
    SignalsController,
  ],
  providers: [
    OutreachAccess,
    CoachLocationsService,
    SpreekuurContactsService,
    SpreekuurFiguresService,
    ContactsDossierSection,
    SignalImportService,
    SignalsService,
    SignalReportsService,
    SignalRetentionService,
    SignalRetentionJob,
    DemoOutreachSeeder,
  ],
  exports: [DemoOutreachSeeder, SignalRetentionService, CoachLocationsService],
})
export class OutreachModule {}
