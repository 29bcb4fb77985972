import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, Authorized } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { uuidParam } from '@app/core';
import { CurrentUser } from '@app/identity';
import {
  ExportAccessRequestDto,
  ExtendAccessRequestDto,
  ListAccessRequestsQuery,
  RecordDeliveryDto,
  RegisterAccessRequestDto,
} from '../dto';
import { AccessRequestsService } from './access-requests.service';

const uuid = uuidParam();

/** AVG art. 15 access requests, handled by the privacy officer. */
@ApiTags('privacy: access requests')
@Controller('privacy/access-requests')
@ProcessingActivity('privacy.access-request.export')
export class AccessRequestsController {
  constructor(private readonly requests: AccessRequestsService) {}

  @Post()
  @Authorized('create', 'AccessRequest')
  @ApiCreatedResponse({ description: 'Het verzoek met zijn termijn (een kalendermaand)' })
  register(@CurrentUser() user: AuthenticatedUser, @Body() dto: RegisterAccessRequestDto) {
    return this.requests.register(user, dto);
  }

  @Get()
  @Authorized('read', 'AccessRequest')
  @ApiOkResponse({ description: 'Verzoeken met termijn, resterende dagen en te laat' })
  list(@Query() query: ListAccessRequestsQuery) {
    return this.requests.list(query);
  }

  @Get(':id')
  @Authorized('read', 'AccessRequest')
  get(@Param('id', uuid) id: string) {
    return this.requests.get(id);
  }

  @Post(':id/export')
  @HttpCode(200)
  @Authorized('export', 'AccessRequest')
  @ApiProduces('application/pdf', 'application/json')
  export(@Param('id', uuid) id: string, @Body() dto: ExportAccessRequestDto) {
    return this.requests.export(id, dto);
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Authorized('update', 'AccessRequest')
  @ApiOkResponse({ description: 'Het verzoek met de verlengde termijn (AVG art. 12 lid 3)' })
  extend(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() dto: ExtendAccessRequestDto,
  ) {
    return this.requests.extend(user, id, dto);
  }

  @Post(':id/delivery')
  @HttpCode(200)
  @Authorized('update', 'AccessRequest')
  recordDelivery(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() dto: RecordDeliveryDto,
  ) {
    return this.requests.recordDelivery(user, id, dto);
  }
}
