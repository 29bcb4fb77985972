import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { DomainError } from '@app/core';
import { CurrentUser } from '@app/identity';
import { BreakGlassService } from './break-glass.service';
import { BreakGlassDto, ReviewBreakGlassDto } from './dto';

@ApiTags('break the glass')
@Controller()
@ProcessingActivity('access.break-the-glass')
export class BreakGlassController {
  constructor(private readonly breakGlass: BreakGlassService) {}

  @Post('households/:householdId/break-glass')
  @Authorized('breakGlass', 'Household')
  open(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Body() dto: BreakGlassDto,
  ) {
    return this.breakGlass.open(user, id, dto);
  }

  @Get('break-glass/grants')
  @Authorized()
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'accepted', 'questioned'] })
  list(@CurrentUser() user: AuthenticatedUser, @Query('status') status?: string) {
    if (status !== undefined && !['pending', 'accepted', 'questioned'].includes(status)) {
      throw DomainError.invalidField('status', 'status moet pending, accepted of questioned zijn');
    }
    return this.breakGlass.list(user, status);
  }

  @Post('break-glass/grants/:id/review')
  @Authorized('update', 'BreakGlassGrant')
  review(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReviewBreakGlassDto,
  ) {
    return this.breakGlass.review(user, id, dto);
  }
}
