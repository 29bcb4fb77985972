import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { CreateAttemptDto, TransferSignalDto, UpdateSignalDto, WorklistQuery } from './dto';
import { SignalsService } from './signals.service';

@ApiTags('vroegsignalering')
@Controller('outreach/signals')
@ProcessingActivity('outreach.signals.follow-up')
export class SignalsController {
  constructor(private readonly signals: SignalsService) {}

  @Get()
  @Authorized('read', 'Signal')
  @ApiOkResponse({ description: 'Werklijst: signalen van mijn organisatie, hoogste prioriteit eerst' })
  worklist(@CurrentUser() user: AuthenticatedUser, @Query() query: WorklistQuery) {
    return this.signals.worklist(user, query);
  }

  @Get(':id')
  @Authorized('read', 'Signal')
  @ApiNotFoundResponse({ description: 'Bestaat niet of geen toegang' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.signals.get(user, id);
  }

  @Patch(':id')
  @Authorized('update', 'Signal')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSignalDto,
  ) {
    return this.signals.update(user, id, dto);
  }

  @Post(':id/attempts')
  @Authorized('update', 'Signal')
  addAttempt(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateAttemptDto,
  ) {
    return this.signals.addAttempt(user, id, dto);
  }

  @Post(':id/transfer')
  @HttpCode(204)
  @Authorized('update', 'Signal')
  transfer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransferSignalDto,
  ) {
    return this.signals.transfer(user, id, dto);
  }
}
