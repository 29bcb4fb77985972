import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { MonitorController } from './monitor.controller';
import { MonitorThemesService } from './monitor-themes.service';
import { MonitorService } from './monitor.service';

/**
 * Reporting (issue 10): monitor figures for beleidsmedewerkers. No entities: it reads other contexts
 * only through the aggregate-only reporting views (migrations/1763801100000-reporting-views.ts and
 * migrations/1763801400000-reporting-themes.ts).
 */
@Module({
  imports: [IdentityModule],
  controllers: [MonitorController],
  providers: [MonitorService, MonitorThemesService],
  exports: [MonitorService, MonitorThemesService],
})
export class ReportingModule {}
