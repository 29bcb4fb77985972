import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedUser, Authorized } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { uuidParam } from '@app/core';
import { CurrentUser } from '../auth/current-user.decorator';
import { AccountChangeView, OneTimePasswordView } from '../changes/dto/account-change-view.dto';
import { CreatedUserView } from './dto/created-user-view.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserPageView, UserView } from './dto/user-view.dto';
import { AdminOutcome, UsersService } from './users.service';

const uuid = uuidParam();
const PENDING = {
  type: AccountChangeView,
  description: 'Wacht op goedkeuring door een tweede functioneel beheerder (vier ogen): geeft casustoegang',
};

@ApiTags('users')
@ProcessingActivity('identity.accounts')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authorized('read', 'UserAccount')
  @ApiOkResponse({ type: UserPageView })
  list(@Query() query: ListUsersQuery): Promise<UserPageView> {
    return this.users.list(query);
  }

  @Get(':id')
  @Authorized('read', 'UserAccount')
  @ApiOkResponse({ type: UserView })
  get(@Param('id', uuid) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Post()
  @Authorized('create', 'UserAccount')
  @ApiCreatedResponse({ type: CreatedUserView, description: 'Aangemaakt, met een eenmalig wachtwoord' })
  @ApiAcceptedResponse(PENDING)
  async create(
    @Body() dto: CreateUserDto,
    @CurrentUser() actor: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CreatedUserView | AccountChangeView> {
    return answer(res, await this.users.create(dto, actor));
  }

  @Patch(':id')
  @Authorized('update', 'UserAccount')
  @ApiOkResponse({ type: UserView })
  @ApiAcceptedResponse(PENDING)
  async update(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() actor: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserView | AccountChangeView> {
    return answer(res, await this.users.update(id, dto, actor));
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @Authorized('update', 'UserAccount')
  @ApiOkResponse({ type: OneTimePasswordView, description: 'Nieuw eenmalig wachtwoord; sessies beëindigd' })
  @ApiAcceptedResponse(PENDING)
  async resetPassword(
    @Param('id', uuid) id: string,
    @CurrentUser() actor: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OneTimePasswordView | AccountChangeView> {
    return answer(res, await this.users.resetPassword(id, actor));
  }
}

/** 202 Accepted with the pending change, or the result itself with the route's own status. */
function answer<T>(res: Response, outcome: AdminOutcome<T>): T | AccountChangeView {
  if (outcome.pending) {
    res.status(HttpStatus.ACCEPTED);
    return outcome.pending;
  }
  return outcome.done as T;
}
