import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HOUSEHOLD_RELATIONS } from '@app/access';
import { IdentityModule } from '@app/identity';
import { ReferenceModule } from '@app/reference';
import { BreakGlassController } from './break-glass.controller';
import { BreakGlassService } from './break-glass.service';
import { CASE_WORKER_DIRECTORY } from './case-worker-directory';
import { DemoHouseholdsSeeder } from './demo/demo-households.seeder';
import { CaseTeamService } from './case-team.service';
import { ConsentsService } from './consents.service';
import { DossierSectionRegistry } from './dossier-sections';
import { DossierService } from './dossier.service';
import {
  BreakGlassGrant,
  CaseTeamMember,
  Consent,
  Household,
  HouseholdMember,
  Person,
  Referral,
  Representative,
} from './entities';
import { HouseholdGuard } from './household-guard';
import { HouseholdPrivacyService } from './household-privacy.service';
import { HouseholdPartsController } from './household-parts.controller';
import { HouseholdRelationsService } from './household-relations.service';
import { HouseholdSearchService } from './household-search.service';
import { HouseholdsController } from './households.controller';
import { HouseholdCaseloadService } from './household-caseload.service';
import { HouseholdsService } from './households.service';
import { IdentityCaseWorkerDirectory } from './identity-case-worker-directory';
import { MembersService } from './members.service';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Person,
      Household,
      HouseholdMember,
      CaseTeamMember,
      Consent,
      Representative,
      Referral,
      BreakGlassGrant,
    ]),
    IdentityModule,
    ReferenceModule,
  ],
  controllers: [HouseholdsController, HouseholdPartsController, ReferralsController, BreakGlassController],
  providers: [
    HouseholdsService,
    HouseholdCaseloadService,
    HouseholdSearchService,
    BreakGlassService,
    DossierService,
    DossierSectionRegistry,
    MembersService,
    CaseTeamService,
    ConsentsService,
    ReferralsService,
    HouseholdGuard,
    HouseholdPrivacyService,
    HouseholdRelationsService,
    DemoHouseholdsSeeder,
    { provide: HOUSEHOLD_RELATIONS, useExisting: HouseholdRelationsService },
    { provide: CASE_WORKER_DIRECTORY, useClass: IdentityCaseWorkerDirectory },
  ],
  exports: [
    DemoHouseholdsSeeder,
    HOUSEHOLD_RELATIONS,
    HouseholdGuard,
    DossierSectionRegistry,
    HouseholdsService,
    HouseholdCaseloadService,
    HouseholdPrivacyService,
    ReferralsService,
  ],
})
export class HouseholdsModule {}
