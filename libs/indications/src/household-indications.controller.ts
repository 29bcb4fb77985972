import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authorized, AuthenticatedUser } from '@app/access';
import { ProcessingActivity } from '@app/audit';
import { CurrentUser } from '@app/identity';
import { CreateIndicationDto, ListIndicationsDto } from './dto';
import { etagOf } from './indication-writer';
import { IndicationsService } from './indications.service';

/**
 * Indications of one household. The route declares the general activity; every processing-log row is
 * written under the activity of the indication's own pillar (indications.<pillar>.read|write).
 */
@ApiTags('indications')
@Controller('households/:householdId/indications')
export class HouseholdIndicationsController {
  constructor(private readonly indications: IndicationsService) {}

  @Get()
  @Authorized('read', 'Indication')
  @ProcessingActivity('indications.read')
  @ApiOkResponse({ description: 'De indicaties die u mag zien, elk beperkt tot de velden die u mag zien' })
  @ApiNotFoundResponse({ description: 'Huishouden bestaat niet of geen toegang' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Query() query: ListIndicationsDto,
  ) {
    return this.indications.listForHousehold(user, householdId, query);
  }

  @Post()
  @Authorized('create', 'Indication')
  @ProcessingActivity('indications.write')
  @ApiCreatedResponse({ description: 'De nieuwe indicatie met haar procedure en termijn' })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('householdId', ParseUUIDPipe) householdId: string,
    @Body() dto: CreateIndicationDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { view, version } = await this.indications.create(user, householdId, dto);
    res.setHeader('ETag', etagOf(version));
    return view;
  }
}
