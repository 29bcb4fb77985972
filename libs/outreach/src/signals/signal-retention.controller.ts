import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { SignalRetentionService } from './signal-retention.service';

@ApiTags('vroegsignalering')
@Controller('outreach/signals/retention')
@ProcessingActivity('privacy.retention')
export class SignalRetentionController {
  constructor(private readonly retention: SignalRetentionService) {}

  /** A POST: a dry run is logged as a run of its own (evidence for the privacy officer). */
  @Post('dry-run')
  @HttpCode(200)
  @Authorized('delete', 'Signal')
  @ApiOkResponse({
    description: 'Welke onbeantwoorde signalen nu zouden worden verwijderd (zonder persoonsgegevens)',
  })
  dryRun(@CurrentUser() user: AuthenticatedUser) {
    return this.retention.dryRun(user);
  }

  @Post('run')
  @HttpCode(200)
  @Authorized('delete', 'Signal')
  run(@CurrentUser() user: AuthenticatedUser) {
    return this.retention.runNow(user);
  }

  @Get('runs')
  @Authorized('delete', 'Signal')
  @ApiOkResponse({ description: 'Het logboek van bewaartermijn-runs' })
  runs(@CurrentUser() user: AuthenticatedUser) {
    return this.retention.runs(user);
  }
}
