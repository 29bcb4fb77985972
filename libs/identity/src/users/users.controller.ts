import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, Authorized } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { uuidParam } from '@app/core';
import { CurrentUser } from '../auth/current-user.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserPageView, UserView } from './dto/user-view.dto';
import { UsersService } from './users.service';

const uuid = uuidParam();

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
  @ApiCreatedResponse({ type: UserView })
  create(@Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @Authorized('update', 'UserAccount')
  @ApiOkResponse({ type: UserView })
  update(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<UserView> {
    return this.users.update(id, dto, actor);
  }
}
