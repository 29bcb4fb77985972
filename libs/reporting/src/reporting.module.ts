import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { MonitorController } from './monitor.controller';
import { MonitorService } from './monitor.service';

/**
 * Reporting (issue 10): monitor figures for beleidsmedewerkers. No entities: it reads other contexts
 * only through the aggregate-only reporting views (migrations/1763801100000-reporting-views.ts).
 */
@Module({
  imports: [IdentityModule],
  controllers: [MonitorController],
  providers: [MonitorService],
  exports: [MonitorService],
})
export class ReportingModule {}
