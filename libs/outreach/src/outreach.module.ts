import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '@app/households';
import { IdentityModule } from '@app/identity';
import { PrivacyModule } from '@app/privacy';
import { ReferenceModule } from '@app/reference';
import { DemoOutreachSeeder } from './demo/demo-outreach.seeder';
import { OUTREACH_ENTITIES } from './entities';
import { OutreachAccess } from './outreach-access';
import { OutreachPrivacy } from './outreach-privacy';
import { outreachConfig } from './outreach.config';
import { SignalImportController } from './signals/signal-import.controller';
import { SignalImportService } from './signals/signal-import.service';
import { SignalReportsController } from './signals/signal-reports.controller';
import { SignalReportsService } from './signals/signal-reports.service';
import { SignalRetentionService } from './signals/signal-retention.service';
import { SignalsController } from './signals/signals.controller';
import { SignalsService } from './signals/signals.service';
import { CoachLocationsController } from './spreekuur/coach-locations.controller';
import { CoachLocationsService } from './spreekuur/coach-locations.service';
import { ContactsDossierSection } from './spreekuur/contacts-dossier.section';
import { LastContactsService } from './spreekuur/last-contacts.service';
import { SpreekuurContactsService } from './spreekuur/spreekuur-contacts.service';
import { SpreekuurFiguresService } from './spreekuur/spreekuur-figures.service';
import { SpreekuurController } from './spreekuur/spreekuur.controller';

/**
 * Outreach (issue 8): the financial coaches' spreekuur contacts at wijkservicepunten and the
 * vroegsignalering signals of the Wgs. Their retention runs inside the privacy retention run
 * (OutreachPrivacy registers the sweeps).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(OUTREACH_ENTITIES),
    ConfigModule.forFeature(outreachConfig),
    HouseholdsModule,
    IdentityModule,
    PrivacyModule,
    ReferenceModule,
  ],
  // Static paths (figures, feedback, imports) before the ":id" routes.
  controllers: [
    CoachLocationsController,
    SpreekuurController,
    SignalImportController,
    SignalReportsController,
    SignalsController,
  ],
  providers: [
    OutreachAccess,
    OutreachPrivacy,
    CoachLocationsService,
    SpreekuurContactsService,
    SpreekuurFiguresService,
    ContactsDossierSection,
    SignalImportService,
    SignalsService,
    SignalReportsService,
    SignalRetentionService,
    DemoOutreachSeeder,
    LastContactsService,
  ],
  exports: [DemoOutreachSeeder, CoachLocationsService, LastContactsService],
})
export class OutreachModule {}
