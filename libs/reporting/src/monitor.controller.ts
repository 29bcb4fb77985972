import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { MonitorQuery } from './dto/monitor-query.dto';
import { ThemesQuery } from './dto/themes-query.dto';
import { monitorCsv } from './monitor-csv';
import { themesCsv } from './monitor-themes-csv';
import { MonitorThemesService, ThemesReport } from './monitor-themes.service';
import { MonitorReport, MonitorService } from './monitor.service';

@ApiTags('rapportages')
@Controller('reports')
export class MonitorController {
  constructor(
    private readonly monitor: MonitorService,
    private readonly themes: MonitorThemesService,
  ) {}

  /**
   * Aggregates only, with small-cell and complementary suppression (rule 6). The activity is declared
   * so that refused attempts are logged; a report holds no personal data, so it writes no log rows.
   */
  @Get('monitor')
  @Authorized('read', 'Report')
  @ProcessingActivity('reporting.monitor')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Monitor sociaal domein: cliënten en huishoudens per pijler, samenloop, leeftijd, wijk en doorlooptijd Wmo; "<10" en "x" zijn onderdrukt',
  })
  async report(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: MonitorQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MonitorReport | string> {
    const report = await this.monitor.report(user, query);
    if (!wantsCsv(query, accept)) return report;
    sendCsvHeaders(res, `monitor-${report.from}-${report.to}.csv`);
    return monitorCsv(report);
  }

  /** The monitor's themes, with the same rights, suppression and formats as the monitor itself. */
  @Get('monitor/themes')
  @Authorized('read', 'Report')
  @ProcessingActivity('reporting.monitor')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Monitor sociaal domein, thema’s: kwartaalontwikkeling per pijler, bezwaren, schuldhulpverlening, spreekuur, vroegsignalering en maatwerkbudget; "<10" en "x" zijn onderdrukt',
  })
  async themesReport(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ThemesQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ThemesReport | string> {
    const report = await this.themes.report(user, query);
    if (!wantsCsv(query, accept)) return report;
    sendCsvHeaders(res, `monitor-themas-${report.from}-${report.to}.csv`);
    return themesCsv(report);
  }
}

function wantsCsv(query: MonitorQuery, accept: string | undefined): boolean {
  return query.format === 'csv' || (!query.format && /\btext\/csv\b/.test(accept ?? ''));
}

function sendCsvHeaders(res: Response, filename: string) {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
}
