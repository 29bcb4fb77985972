import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '@app/households';
import { IdentityModule } from '@app/identity';
import { ReferenceModule } from '@app/reference';
import { AccessExportService } from './access-requests/access-export.service';
import { AccessRequest } from './access-requests/access-request.entity';
import { AccessRequestsController } from './access-requests/access-requests.controller';
import { AccessRequestsPersonData } from './access-requests/access-requests-person-data';
import { AccessRequestsService } from './access-requests/access-requests.service';
import { PersonResolver } from './person-resolver';
import { LogViews } from './processing-log/log-views';
import { ProcessingLogController } from './processing-log/processing-log.controller';
import { ProcessingLogService } from './processing-log/processing-log.service';
import { HouseholdsPersonData } from './registry/households-person-data';
import { PersonDataRegistry } from './registry/person-data.registry';
import { RetentionRegistry } from './registry/retention.registry';
import { retentionConfig } from './retention/retention.config';
import { RetentionController } from './retention/retention.controller';
import { RetentionRun } from './retention/retention-run.entity';
import { RetentionScheduler } from './retention/retention.scheduler';
import { RetentionService } from './retention/retention.service';

@Module({
  imports: [
    ConfigModule.forFeature(retentionConfig),
    // The one registration of the scheduler in the application (global); other libs use its registry.
    ScheduleModule.forRoot(),
    TypeOrmModule.forFeature([AccessRequest, RetentionRun]),
    HouseholdsModule,
    IdentityModule,
    ReferenceModule,
  ],
  controllers: [ProcessingLogController, AccessRequestsController, RetentionController],
  providers: [
    PersonDataRegistry,
    RetentionRegistry,
    PersonResolver,
    LogViews,
    ProcessingLogService,
    AccessRequestsService,
    AccessExportService,
    RetentionService,
    RetentionScheduler,
    HouseholdsPersonData,
    AccessRequestsPersonData,
  ],
  exports: [PersonDataRegistry, RetentionRegistry, RetentionService],
})
export class PrivacyModule {}
