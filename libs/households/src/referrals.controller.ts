import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { DomainError } from '@app/core';
import { CurrentUser } from '@app/identity';
import { AcceptReferralDto, CreateReferralDto, DeclineReferralDto } from './dto';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post('households/:householdId/referrals')
  @Authorized('create', 'Referral')
  @ProcessingActivity('households.referrals')
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) id: string,
    @Body() dto: CreateReferralDto,
  ) {
    return this.referrals.create(user, id, dto);
  }

  @Get('referrals')
  @Authorized('read', 'Referral')
  @ProcessingActivity('households.referrals')
  @ApiQuery({ name: 'direction', enum: ['incoming', 'outgoing'] })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'accepted', 'declined'] })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query('direction') direction = 'incoming',
    @Query('status') status?: string,
  ) {
    if (direction !== 'incoming' && direction !== 'outgoing') {
      throw DomainError.invalidField('direction', 'direction moet incoming of outgoing zijn');
    }
    if (status !== undefined && !['open', 'accepted', 'declined'].includes(status)) {
      throw DomainError.invalidField('status', 'status moet open, accepted of declined zijn');
    }
    return this.referrals.listForMyOrganisation(user, direction, status);
  }

  @Post('referrals/:id/accept')
  @HttpCode(200)
  @Authorized('update', 'Referral')
  @ProcessingActivity('households.referrals')
  accept(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AcceptReferralDto,
  ) {
    return this.referrals.accept(user, id, dto);
  }

  @Post('referrals/:id/decline')
  @HttpCode(200)
  @Authorized('update', 'Referral')
  @ProcessingActivity('households.referrals')
  decline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DeclineReferralDto,
  ) {
    return this.referrals.decline(user, id, dto);
  }
}
