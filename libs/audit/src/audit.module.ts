import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { auditConfig } from './audit.config';
import { AuditService } from './audit.service';
import { ProcessingActivityInterceptor } from './processing-activity.interceptor';
import { ProcessingLogReader } from './processing-log.reader';
import { ProcessingLogSealer } from './processing-log-sealer';

/** Global: every module that touches personal data logs through AuditService. */
@Global()
@Module({
  imports: [DiscoveryModule, ConfigModule.forFeature(auditConfig)],
  providers: [
    AuditService,
    ProcessingLogReader,
    ProcessingLogSealer,
    { provide: APP_INTERCEPTOR, useClass: ProcessingActivityInterceptor },
  ],
  exports: [AuditService, ProcessingLogReader],
})
export class AuditModule {}
