import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { AuditService } from './audit.service';
import { ProcessingActivityInterceptor } from './processing-activity.interceptor';
import { ProcessingLogReader } from './processing-log.reader';

/** Global: every module that touches personal data logs through AuditService. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    AuditService,
    ProcessingLogReader,
    { provide: APP_INTERCEPTOR, useClass: ProcessingActivityInterceptor },
  ],
  exports: [AuditService, ProcessingLogReader],
})
export class AuditModule {}
