import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { NoPersonalData, ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { FeedbackQuery, SignalFiguresQuery } from './dto';
import { SignalReportsService } from './signal-reports.service';

@ApiTags('vroegsignalering')
@Controller('outreach/signals')
export class SignalReportsController {
  constructor(private readonly reports: SignalReportsService) {}

  @Get('feedback')
  @Authorized('export', 'Signal')
  @ProcessingActivity('outreach.signals.follow-up')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="terugkoppeling.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'Per signaal: referentie, kenmerk van de schuldeiser, ontvangstdatum en uitkomst',
  })
  feedback(@CurrentUser() user: AuthenticatedUser, @Query() query: FeedbackQuery) {
    return this.reports.feedback(user, query);
  }

  @Get('figures')
  @Authorized('read', 'Report')
  @NoPersonalData()
  @ApiOkResponse({
    description: 'Signalen, vervolgacties, aanbiedingen en gesprekken per soort schuldeiser en wijk',
  })
  figures(@CurrentUser() user: AuthenticatedUser, @Query() query: SignalFiguresQuery) {
    return this.reports.figures(user, query);
  }
}
