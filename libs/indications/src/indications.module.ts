import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossierSectionRegistry, HouseholdsModule } from '@app/households';
import { IdentityModule } from '@app/identity';
import { PrivacyModule } from '@app/privacy';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { DemoIndicationsSeeder } from './demo/demo-indications.seeder';
import { Bezwaar, Indication, IndicationSuspension, Product } from './entities';
import { HouseholdIndicationsController } from './household-indications.controller';
import { IndicationWriter } from './indication-writer';
import { IndicationsPersonData } from './indications-person-data';
import { IndicationsController } from './indications.controller';
import { IndicationsRepository } from './indications.repository';
import { IndicationsService } from './indications.service';
import { ProcedureDeadlinesService } from './procedure-deadlines.service';
import { ProcedureService } from './procedure.service';
import { WorklistController } from './worklist.controller';
import { WorklistService } from './worklist.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Product, Indication, IndicationSuspension, Bezwaar]),
    HouseholdsModule,
    IdentityModule,
    PrivacyModule,
  ],
  controllers: [
    CatalogueController,
    HouseholdIndicationsController,
    IndicationsController,
    WorklistController,
  ],
  providers: [
    CatalogueService,
    IndicationsRepository,
    IndicationWriter,
    IndicationsService,
    ProcedureService,
    WorklistService,
    DemoIndicationsSeeder,
    IndicationsPersonData,
    ProcedureDeadlinesService,
  ],
  exports: [IndicationsService, CatalogueService, DemoIndicationsSeeder, ProcedureDeadlinesService],
})
export class IndicationsModule implements OnModuleInit {
  constructor(
    private readonly sections: DossierSectionRegistry,
    private readonly indications: IndicationsService,
  ) {}

  /** The household dossier shows the indications as the caller may see them. */
  onModuleInit() {
    this.sections.register({
      name: 'indications',
      load: (context) => this.indications.dossierSection(context),
    });
  }
}
