import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { AuditService } from './audit.service';
import { ProcessingActivityInterceptor } from './processing-activity.interceptor';

/** Global: every module that touches personal data logs through AuditService. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [AuditService, { provide: APP_INTERCEPTOR, useClass: ProcessingActivityInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}
