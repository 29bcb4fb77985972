import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, Authorized } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { uuidParam } from '@app/core';
import { CurrentUser } from '../auth/current-user.decorator';
import { AccountChangesService } from './account-changes.service';
import {
  AccountChangeApprovalView,
  AccountChangePageView,
  AccountChangeView,
} from './dto/account-change-view.dto';
import { ListAccountChangesQuery } from './dto/list-account-changes.query';
import { RejectAccountChangeDto } from './dto/reject-account-change.dto';

const uuid = uuidParam();

/** Pending account changes (vier-ogenprincipe): requested by one functioneel beheerder, decided by another. */
@ApiTags('users')
@ProcessingActivity('identity.accounts')
@Controller('user-changes')
export class AccountChangesController {
  constructor(private readonly changes: AccountChangesService) {}

  @Get()
  @Authorized('read', 'UserAccountChange')
  @ApiOkResponse({ type: AccountChangePageView })
  list(@Query() query: ListAccountChangesQuery): Promise<AccountChangePageView> {
    return this.changes.list(query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Authorized('decide', 'UserAccountChange')
  @ApiOkResponse({
    type: AccountChangeApprovalView,
    description: 'Doorgevoerd; een eenmalig wachtwoord staat alleen in dit antwoord',
  })
  @ApiConflictResponse({ description: 'Al afgehandeld, of niet meer uit te voeren (bv. e-mailadres bezet)' })
  approve(
    @Param('id', uuid) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<AccountChangeApprovalView> {
    return this.changes.approve(id, actor);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authorized('decide', 'UserAccountChange')
  @ApiOkResponse({ type: AccountChangeView })
  @ApiConflictResponse({ description: 'Al afgehandeld' })
  reject(
    @Param('id', uuid) id: string,
    @Body() dto: RejectAccountChangeDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<AccountChangeView> {
    return this.changes.reject(id, dto.reason, actor);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authorized('delete', 'UserAccountChange')
  @ApiOkResponse({ type: AccountChangeView })
  @ApiConflictResponse({ description: 'Al afgehandeld' })
  withdraw(
    @Param('id', uuid) id: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<AccountChangeView> {
    return this.changes.withdraw(id, actor);
  }
}
